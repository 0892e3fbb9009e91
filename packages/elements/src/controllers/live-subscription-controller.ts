import type { LiveMessage } from '@mutual/protocol';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MutualConnection } from '../connection/connection.js';
import { LiveStatus } from '../connection/live-stream.js';

export interface LiveSubscriptionOptions {
  connection: () => MutualConnection | undefined;
  group: () => string | undefined;
  onMessage: (message: LiveMessage) => void;
  /** Back in the document on the same connection and group after live events came while it was away: read again. */
  onMissed?: () => void;
}

/**
 * Keeps its host subscribed to one group's live events on the shared connection, following
 * changes of connection or group, and unsubscribes when the host leaves the document. It also
 * re-renders the host when the stream's status changes (see {@link status}). Back in the document
 * (moved in the page) on the same connection and group, it asks the host to read again
 * (`onMissed`) if live events came while it was away.
 * Add it before a task that loads the same data, so that nothing arriving meanwhile is missed.
 */
export class LiveSubscriptionController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: LiveSubscriptionOptions;
  #connection: MutualConnection | undefined;
  #group: string | undefined;
  #unsubscribe: (() => void) | undefined;
  #stopStatus: (() => void) | undefined;
  /** What it followed when the host left the document, and the stream's last event then. */
  #left: { connection: MutualConnection; group: string; lastEventId: string } | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: LiveSubscriptionOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The shared stream's status; `closed` without a connection. */
  get status(): LiveStatus {
    return this.#connection?.status ?? LiveStatus.closed;
  }

  hostUpdate(): void {
    const connection = this.#options.connection();
    const group = this.#options.group() || undefined;
    if (connection === this.#connection && group === this.#group && this.#unsubscribe) return;
    this.#stop();
    if (!connection || !group || !this.#host.isConnected) return;
    this.#connection = connection;
    this.#group = group;
    this.#unsubscribe = connection.subscribe(group, (message) => this.#options.onMessage(message));
    this.#stopStatus = connection.onStatusChange(() => this.#host.requestUpdate());
    const left = this.#left;
    this.#left = undefined;
    if (left?.connection === connection && left.group === group && connection.lastEventId !== left.lastEventId) this.#options.onMissed?.();
  }

  /** Back in the document: follow again at the next update, which this asks for. */
  hostConnected(): void {
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    const connection = this.#connection;
    const group = this.#group;
    this.#left = connection && group ? { connection, group, lastEventId: connection.lastEventId } : undefined;
    this.#stop();
  }

  #stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#stopStatus?.();
    this.#stopStatus = undefined;
    this.#connection = undefined;
    this.#group = undefined;
  }
}
