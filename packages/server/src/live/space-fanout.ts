import type { Clock, PersonId } from '@mutual/protocol';
import type { Store } from '../store/store.js';
import type { SpaceSignal } from './hub.js';
import type { LiveStream } from './live-stream.js';
import { SpaceTail } from './space-tail.js';

/**
 * The open live streams of one space, fed together: a wake-up reads the space's new events once
 * (its tail) and hands them to every stream in one synchronous pass, so a post to ten thousand
 * readers costs one query and ten thousand socket writes, not ten thousand queries, promises and
 * timers. Membership changes re-read a person's groups once for all of that person's streams.
 */
export class SpaceFanout {
  readonly tail: SpaceTail;
  readonly #byPerson = new Map<PersonId, Set<LiveStream>>();
  readonly #store: Store;
  readonly #space: string;
  readonly #clock: Clock;
  /** People whose groups must be read again before the next delivery. */
  readonly #regroup = new Set<PersonId>();
  #running = false;
  #again = false;
  #size = 0;
  /** When the space last had (or was read as if it had) news. */
  lastWakeAt: number;

  constructor(store: Store, space: string, position: number, clock: Clock) {
    this.#store = store;
    this.#space = space;
    this.#clock = clock;
    this.tail = new SpaceTail(store, space, position);
    this.lastWakeAt = clock();
  }

  get size(): number {
    return this.#size;
  }

  add(stream: LiveStream): void {
    let streams = this.#byPerson.get(stream.person);
    if (!streams) this.#byPerson.set(stream.person, (streams = new Set()));
    if (!streams.has(stream)) this.#size++;
    streams.add(stream);
  }

  delete(stream: LiveStream): void {
    const streams = this.#byPerson.get(stream.person);
    if (!streams?.delete(stream)) return;
    this.#size--;
    if (streams.size === 0) this.#byPerson.delete(stream.person);
  }

  /** Something happened in the space (from the hub). */
  signal(signal: SpaceSignal): void {
    this.tail.markStale();
    if (signal.membershipOf) this.#regroup.add(signal.membershipOf);
    this.lastWakeAt = this.#clock();
    this.wake();
  }

  /**
   * Nothing came for a while: a signal from another process may have been lost, so read the
   * space and everyone's groups anyway.
   */
  recheck(): void {
    this.tail.markStale();
    for (const person of this.#byPerson.keys()) this.#regroup.add(person);
    this.lastWakeAt = this.#clock();
    this.wake();
  }

  /** Every open stream, for keep-alives and stall checks. */
  *streams(): IterableIterator<LiveStream> {
    for (const streams of this.#byPerson.values()) yield* streams;
  }

  /** Runs a pass, or another one after the pass under way (which may have read too early). */
  wake(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    // Started after the current task: every stream's listener hears one signal, and one pass serves them all.
    queueMicrotask(() => void this.#run());
  }

  async #run(): Promise<void> {
    try {
      do {
        this.#again = false;
        await this.#pass();
      } while (this.#again && this.#size > 0);
    } catch (error) {
      // The store failed: end every stream; clients reconnect and resume from their last id.
      for (const stream of [...this.streams()]) stream.fail(error);
    } finally {
      this.#running = false;
    }
  }

  async #pass(): Promise<void> {
    if (this.#regroup.size > 0) {
      const people = [...this.#regroup];
      this.#regroup.clear();
      // The position first: the groups read after it reflect every event up to it.
      const at = await this.#store.lastPosition(this.#space);
      for (const person of people) {
        const streams = this.#byPerson.get(person);
        if (!streams) continue;
        const groups = (await this.#store.listGroupsFor(person, this.#space)).map((group) => group.id);
        for (const stream of streams) stream.setGroups(groups, at);
      }
    }
    await this.tail.refresh();
    const now = this.#clock();
    for (const streams of this.#byPerson.values()) for (const stream of streams) stream.deliver(now);
  }
}
