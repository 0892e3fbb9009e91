import type { LiveMessage } from '@mutual/protocol';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MutualConnection } from '../connection/connection.js';
import { LiveStatus } from '../connection/live-stream.js';

/**
 * Keeps its host subscribed to the live events of several groups on the shared connection — the
 * board shows the plan of every group the viewer is in, whereas `LiveSubscriptionController`
 * follows one. The host calls {@link follow} before it loads their data (with `EVERY_GROUP` when
 * it does not know them yet), so that nothing said meanwhile is missed. Unsubscribes when the host
 * leaves the document; back in it on the same connection (moved in the page), it follows again,
 * or asks the host to read everything again (`onMissed`) if live events came while it was away.
 */
export class GroupsLiveController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #onMessage: (message: LiveMessage) => void;
  readonly #onMissed: () => void;
  #connection: MutualConnection | undefined;
  #groups: readonly string[] = [];
  #stops: Array<() => void> = [];
  /** The stream's last event when the host left the document. */
  #leftAt: string | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, onMessage: (message: LiveMessage) => void, onMissed: () => void) {
    this.#host = host;
    this.#onMessage = onMessage;
    this.#onMissed = onMissed;
    host.addController(this);
  }

  /** The shared stream's status; `closed` while following nothing. */
  get status(): LiveStatus {
    return this.#connection?.status ?? LiveStatus.closed;
  }

  /** Follows exactly `groups` (or `EVERY_GROUP`) on `connection`, in place of whatever it followed before. */
  follow(connection: MutualConnection, groups: readonly string[]): void {
    this.stop();
    if (!this.#host.isConnected) return;
    this.#connection = connection;
    this.#groups = [...groups];
    this.#subscribe();
    this.#host.requestUpdate();
  }

  stop(): void {
    this.#unsubscribe();
    this.#connection = undefined;
    this.#groups = [];
  }

  hostConnected(): void {
    const connection = this.#connection;
    // Never followed, still following, or its connection is gone (the host loads on the new one).
    if (!connection || this.#stops.length > 0 || connection.closed) return;
    if (connection.lastEventId === this.#leftAt) {
      this.#subscribe();
      this.#host.requestUpdate();
    } else {
      this.#onMissed();
    }
  }

  hostDisconnected(): void {
    this.#leftAt = this.#connection?.lastEventId;
    this.#unsubscribe();
  }

  #subscribe(): void {
    const connection = this.#connection!;
    const listener = (message: LiveMessage) => this.#onMessage(message);
    this.#stops = this.#groups.map((group) => connection.subscribe(group, listener));
    this.#stops.push(connection.onStatusChange(() => this.#host.requestUpdate()));
  }

  #unsubscribe(): void {
    for (const stop of this.#stops) stop();
    this.#stops = [];
  }
}
