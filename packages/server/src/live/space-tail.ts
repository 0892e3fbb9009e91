import type { Person, PersonId } from '@mutual/protocol';
import type { Store, StoredEvent } from '../store/store.js';
import { liveFrame } from './live-frame.js';

/** A new event of the space, with its author, and the bytes every stream of the space sends for it. */
export interface TailEntry {
  stored: StoredEvent;
  author: Person | undefined;
  frame: Uint8Array;
}

/** Events read from the store per query. */
const PAGE = 500;
/** How many recent events a tail keeps, by default, for streams that are a little behind. */
const WINDOW = 2_000;

/**
 * The recent events of one space, read once per wake-up for all of its live streams: with a
 * thousand people watching a space, one post costs one query, not a thousand. Each stream still
 * filters by its reader's groups, and a stream further behind than the window reads the store
 * itself, so what a stream sends is exactly what it would have read on its own.
 *
 * Positions are given in commit order within a space (`space_pos`), so reading after the highest
 * position seen never skips an event that commits later.
 */
export class SpaceTail {
  readonly #store: Store;
  readonly #space: string;
  #entries: TailEntry[] = [];
  /** The entries cover the positions after this one… */
  #windowStart: number;
  /** …up to this one. */
  #readUpTo: number;
  #stale = true;
  #refreshing: Promise<void> | undefined;
  readonly #window: number;

  constructor(store: Store, space: string, position: number, window = WINDOW) {
    this.#store = store;
    this.#space = space;
    this.#windowStart = position;
    this.#readUpTo = position;
    this.#window = window;
  }

  /** Something happened in the space (or may have): the next read asks the store. */
  markStale(): void {
    this.#stale = true;
  }

  /**
   * The space's events after `position`, up to the newest, and the position they were read up to;
   * `undefined` when `position` is older than the window (the caller reads the store itself).
   */
  async after(position: number): Promise<{ entries: TailEntry[]; upTo: number } | undefined> {
    // A read in flight may have started before the event that woke this caller: wait for it, then
    // read again if anything happened since it started.
    for (;;) {
      if (this.#refreshing) await this.#refreshing;
      else if (this.#stale) this.#refreshing = this.#refresh().finally(() => (this.#refreshing = undefined));
      else break;
    }
    if (position < this.#windowStart) return undefined;
    const from = firstAfter(this.#entries, position);
    return { entries: this.#entries.slice(from), upTo: this.#readUpTo };
  }

  async #refresh(): Promise<void> {
    // Cleared first: a signal that arrives while the store is read asks for another read.
    this.#stale = false;
    try {
      await this.#readNew();
    } catch (error) {
      this.#stale = true;
      throw error;
    }
  }

  async #readNew(): Promise<void> {
    for (;;) {
      const batch = await this.#store.spaceEventsAfter(this.#space, this.#readUpTo, PAGE);
      if (batch.length === 0) return;
      const people = await this.#store.getPeople(batch.map(({ event }) => event.author as PersonId));
      for (const stored of batch) {
        const author = people.get(stored.event.author as PersonId);
        this.#entries.push({ stored, author, frame: liveFrame(stored, author) });
      }
      this.#readUpTo = batch[batch.length - 1]!.cursor;
      if (this.#entries.length > this.#window) {
        const dropped = this.#entries.splice(0, this.#entries.length - this.#window);
        this.#windowStart = dropped[dropped.length - 1]!.stored.cursor;
      }
      if (batch.length < PAGE) return;
    }
  }
}

/** The index of the first entry after `position` (entries are in position order). */
function firstAfter(entries: readonly TailEntry[], position: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (entries[middle]!.stored.cursor <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** One tail per space that has open streams, dropped with the last of them. */
export class SpaceTails {
  readonly #store: Store;
  readonly #tails = new Map<string, { tail: SpaceTail; streams: number }>();

  constructor(store: Store) {
    this.#store = store;
  }

  /** The space's tail for one more stream; call the returned release when that stream ends. */
  async open(space: string): Promise<{ tail: SpaceTail; release: () => void }> {
    let held = this.#tails.get(space);
    if (!held) {
      const position = await this.#store.lastPosition(space);
      // Another stream may have opened it while the position was read.
      held = this.#tails.get(space) ?? { tail: new SpaceTail(this.#store, space, position), streams: 0 };
      this.#tails.set(space, held);
    }
    held.streams++;
    const entry = held;
    let released = false;
    return {
      tail: entry.tail,
      release: () => {
        if (released) return;
        released = true;
        if (--entry.streams === 0 && this.#tails.get(space) === entry) this.#tails.delete(space);
      },
    };
  }
}
