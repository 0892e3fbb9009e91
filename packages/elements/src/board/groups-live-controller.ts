import type { LiveMessage } from '@mutual/protocol';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MutualConnection } from '../connection/connection.js';
import { LiveStatus } from '../connection/live-stream.js';

/**
 * Keeps its host subscribed to the live events of several groups on the shared connection — the
 * board shows the plan of every group the viewer is in, whereas `LiveSubscriptionController`
 * follows one. The host calls {@link follow} before it loads their data (with `EVERY_GROUP` when
 * it does not know them yet), so that nothing said meanwhile is missed. Unsubscribes when the host
 * leaves the document.
 */
export class GroupsLiveController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #onMessage: (message: LiveMessage) => void;
  #connection: MutualConnection | undefined;
  #stops: Array<() => void> = [];

  constructor(host: ReactiveControllerHost & HTMLElement, onMessage: (message: LiveMessage) => void) {
    this.#host = host;
    this.#onMessage = onMessage;
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
    const listener = (message: LiveMessage) => this.#onMessage(message);
    this.#stops = groups.map((group) => connection.subscribe(group, listener));
    this.#stops.push(connection.onStatusChange(() => this.#host.requestUpdate()));
    this.#host.requestUpdate();
  }

  stop(): void {
    for (const stop of this.#stops) stop();
    this.#stops = [];
    this.#connection = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
