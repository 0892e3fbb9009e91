import { systemClock, type Clock, type EventBody, type EventType, type PersonId } from '@mutual/protocol';
import type { LiveHub } from '../live/hub.js';
import type { Store, StoredEvent } from '../store/store.js';

export interface WriteRequest<T extends EventType> {
  space: string;
  group: string;
  author: PersonId;
  type: T;
  body: EventBody<T>;
  /** Makes a retried write idempotent for this author in this group. */
  clientId?: string;
}

/**
 * The only way events enter a group's log: durably appended (the transaction has committed
 * before this resolves), then announced to live streams.
 */
export class EventWriter {
  readonly #store: Store;
  readonly #hub: LiveHub;
  readonly #clock: Clock;

  constructor(store: Store, hub: LiveHub, clock: Clock = systemClock) {
    this.#store = store;
    this.#hub = hub;
    this.#clock = clock;
  }

  async write<T extends EventType>(request: WriteRequest<T>): Promise<StoredEvent> {
    const { clientId, ...draft } = request;
    if (clientId) {
      const earlier = await this.#store.findByClientId(request.group, request.author, clientId);
      if (earlier) return earlier;
    }
    const stored = await this.#store.append({ ...draft, at: new Date(this.#clock()).toISOString() }, clientId);
    this.#hub.publish(stored);
    return stored;
  }
}
