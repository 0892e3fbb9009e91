import type { EventType, LiveMessage } from '@mutual/protocol';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MutualConnection } from '../connection/connection.js';
import { LiveStatus } from '../connection/live-stream.js';

/** The events that can change the cockpit's figures; reactions and renamed groups do not. */
export const FIGURE_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'post',
  'reply',
  'task.created',
  'task.updated',
  'milestone.set',
  'member.added',
  'member.removed',
  'agreement.proposed',
  'agreement.countersigned',
]);

export interface SpaceEventsOptions {
  /** The host's current connection: a subscription on any other one is dropped at the next update. */
  connection: () => MutualConnection | undefined;
  /** Called once per burst of relevant events, `delayMs` after the first of them. */
  onChange: () => void;
  /** Default 300 ms: a drag across the board or a reply storm is one refresh, not twenty. */
  delayMs?: number;
  types?: ReadonlySet<string>;
}

/**
 * Follows the live events of several groups of a space on the shared connection — the cockpit
 * counts from every group the viewer is in — and calls back, coalesced, when one may have changed
 * what it shows. It re-renders the host when the stream's status changes, and stops everything
 * when the host leaves the document.
 *
 * The host calls {@link follow} with the groups as soon as it knows them, before it loads, so that
 * nothing arriving meanwhile is missed.
 */
export class SpaceEventsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: SpaceEventsOptions;
  /** What the host asked to follow; kept while the host is out of the document, to resume when it is back. */
  #connection: MutualConnection | undefined;
  #groups: readonly string[] = [];
  #unsubscribe: Array<() => void> = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: SpaceEventsOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The shared stream's status; `closed` without a connection. */
  get status(): LiveStatus {
    return this.#connection?.status ?? LiveStatus.closed;
  }

  /** True while a refresh is scheduled and not yet called back. */
  get pending(): boolean {
    return this.#timer !== undefined;
  }

  /** Subscribes to `groups` on `connection`, replacing any earlier subscription that differs. */
  follow(connection: MutualConnection, groups: readonly string[]): void {
    if (connection === this.#connection && sameMembers(groups, this.#groups) && this.#unsubscribe.length > 0) return;
    this.stop();
    this.#connection = connection;
    this.#groups = [...groups];
    this.#subscribe();
  }

  /** Stops following until the next {@link follow}. */
  stop(): void {
    this.#unsubscribeAll();
    this.#connection = undefined;
    this.#groups = [];
  }

  hostUpdate(): void {
    if (!this.#connection) return;
    if (this.#connection !== this.#options.connection()) this.stop();
    // Back in the document with the same connection (moved in the page): nothing reloads, so resume here.
    else if (this.#unsubscribe.length === 0) this.#subscribe();
  }

  hostDisconnected(): void {
    this.#unsubscribeAll();
  }

  #subscribe(): void {
    const connection = this.#connection;
    if (!connection || !this.#host.isConnected) return;
    const listener = (message: LiveMessage) => this.#onMessage(message);
    for (const group of this.#groups) this.#unsubscribe.push(connection.subscribe(group, listener));
    this.#unsubscribe.push(connection.onStatusChange(() => this.#host.requestUpdate()));
  }

  #unsubscribeAll(): void {
    for (const stop of this.#unsubscribe) stop();
    this.#unsubscribe = [];
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #onMessage(message: LiveMessage): void {
    if (!(this.#options.types ?? FIGURE_EVENTS).has(message.event.type)) return;
    // Not restarted by later events: a steady flow still refreshes every `delayMs`.
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      this.#options.onChange();
    }, this.#options.delayMs ?? 300);
  }
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
