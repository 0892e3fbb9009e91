import type { Person, PersonId } from '@mutual/protocol';
import type { Store, StoredEvent } from '../store/store.js';
import { membershipChangeOf } from './hub.js';
import { liveFrame } from './live-frame.js';
import { reactionTotals } from './reaction-totals.js';

/** A new event of the space, with its author, and the bytes every stream of the space sends for it. */
export interface TailEntry {
  stored: StoredEvent;
  author: Person | undefined;
  frame: Uint8Array;
  /** The person the event adds to or removes from its group, if it does. */
  membershipOf: PersonId | undefined;
}

/** Events read from the store per query. */
const PAGE = 500;
/** How many recent events a tail keeps, by default, for streams that are a little behind. */
const WINDOW = 2_000;
/** Joined frames are kept for this many starting points, of at most this many events each. */
const JOINED_STARTS = 4;
const JOINED_EVENTS = 64;

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
  /**
   * `framesFrom` results by the position of their first event, until the entries change: cleared
   * in the same synchronous step that changes them, so a chunk never outlives its entries.
   */
  readonly #joined = new Map<number, Uint8Array>();
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

  /** Reads what the space has new since the last read, if anything happened (or may have). */
  async refresh(): Promise<void> {
    // A read in flight may have started before the event that woke this caller: wait for it, then
    // read again if anything happened since it started.
    for (;;) {
      if (this.#refreshing) await this.#refreshing;
      else if (this.#stale) this.#refreshing = this.#refresh().finally(() => (this.#refreshing = undefined));
      else return;
    }
  }

  /** The entries read so far, in position order. */
  get entries(): readonly TailEntry[] {
    return this.#entries;
  }

  /** Every event of the space up to this position has been read. */
  get upTo(): number {
    return this.#readUpTo;
  }

  /**
   * The index in `entries` of the first event after `position`, or -1 when `position` is older than
   * the window (the caller reads the store itself). No allocation: called once per stream per wake-up.
   */
  indexAfter(position: number): number {
    return position < this.#windowStart ? -1 : firstAfter(this.#entries, position);
  }

  /**
   * The frames of every entry from index `from` to the newest, as one chunk, or `undefined` when
   * there is no such chunk to share (too many events, or too many starting points: the caller
   * writes frame by frame). Most streams of a space are at the same place and see every event,
   * so one write each sends them all; bounded, so that streams scattered over the window cannot
   * make the tail copy it again and again.
   */
  framesFrom(from: number): Uint8Array | undefined {
    const count = this.#entries.length - from;
    if (count === 1) return this.#entries[from]!.frame;
    if (count > JOINED_EVENTS) return undefined;
    const start = this.#entries[from]!.stored.cursor;
    let joined = this.#joined.get(start);
    if (joined || this.#joined.size >= JOINED_STARTS) return joined;
    this.#joined.set(start, (joined = Buffer.concat(this.#entries.slice(from).map((entry) => entry.frame))));
    return joined;
  }

  /**
   * The space's events after `position`, up to the newest, and the position they were read up to;
   * `undefined` when `position` is older than the window (the caller reads the store itself).
   */
  async after(position: number): Promise<{ entries: TailEntry[]; upTo: number } | undefined> {
    await this.refresh();
    const from = this.indexAfter(position);
    if (from < 0) return undefined;
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
      const [people, reactions] = await Promise.all([
        this.#store.getPeople(batch.map(({ event }) => event.author as PersonId)),
        reactionTotals(this.#store, batch),
      ]);
      // From here to the end of the step nothing awaits: streams see the entries and the joined
      // chunks change together (a stream may call framesFrom while the people above are read).
      this.#joined.clear();
      for (const stored of batch) {
        const author = people.get(stored.event.author as PersonId);
        const frame = liveFrame(stored, author, reactions.get(stored.event.id));
        this.#entries.push({ stored, author, frame, membershipOf: membershipChangeOf(stored.event) });
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
