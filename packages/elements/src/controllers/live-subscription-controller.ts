import type { LiveMessage } from '@mutual/protocol';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MutualConnection } from '../connection/connection.js';
import { LiveStatus } from '../connection/live-stream.js';

export interface LiveSubscriptionOptions {
  connection: () => MutualConnection | undefined;
  group: () => string | undefined;
  onMessage: (message: LiveMessage) => void;
}

/**
 * Keeps its host subscribed to one group's live events on the shared connection, following
 * changes of connection or group, and unsubscribes when the host leaves the document. It also
 * re-renders the host when the stream's status changes (see {@link status}).
 * Add it before a task that loads the same data, so that nothing arriving meanwhile is missed.
 */
export class LiveSubscriptionController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: LiveSubscriptionOptions;
  #connection: MutualConnection | undefined;
  #group: string | undefined;
  #unsubscribe: (() => void) | undefined;
  #stopStatus: (() => void) | undefined;

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
    this.hostDisconnected();
    if (!connection || !group || !this.#host.isConnected) return;
    this.#connection = connection;
    this.#group = group;
    this.#unsubscribe = connection.subscribe(group, (message) => this.#options.onMessage(message));
    this.#stopStatus = connection.onStatusChange(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#stopStatus?.();
    this.#stopStatus = undefined;
    this.#connection = undefined;
    this.#group = undefined;
  }
}
