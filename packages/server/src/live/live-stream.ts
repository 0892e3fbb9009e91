import type { Clock, PersonId } from '@mutual/protocol';
import type { Store } from '../store/store.js';
import { membershipChangeOf } from './hub.js';
import { liveFrame } from './live-frame.js';
import { reactionTotals } from './reaction-totals.js';
import type { SseSink } from './sse-body.js';
import type { SpaceTail, TailEntry } from './space-tail.js';

/** Catch-up reads this many events at a time. */
const PAGE = 500;

const KEEPALIVE = Buffer.from(': keepalive\n\n');

/**
 * One reader's live stream of a space: sends what the reader may see, in order, each event once.
 * New events come from the space's shared tail, filtered by the reader's groups, written straight
 * to the sink in the space's pass (no promise, timer or copy per stream); a stream further behind
 * than the tail keeps, or whose client is not keeping up, catches up on its own and rejoins.
 *
 * The reader's groups are read together with the space's position they hold at. Past that
 * position, the stream stops at the reader's own membership change and reads their groups again
 * before it sends anything after it: a post that follows their removal in the same read never
 * reaches them, however the re-read and the reads of the log interleave.
 */
export class LiveStream {
  readonly person: PersonId;
  /** The position of the last event sent (the SSE id). */
  cursor: number;
  /** Every event up to this position has been looked at: sent, or not the reader's. */
  #scanned: number;
  #groups: Set<string>;
  /** `#groups` reflects every event of the space up to this position. */
  #groupsAt: number;
  /** A group was added: look again from the last event sent, as a new reader would. */
  #rescan = false;
  /** Stopped at the reader's own membership change: read their groups before sending more. */
  #regroup = false;
  /** Catching up on its own (or not started): the space's pass leaves it alone. */
  #busy = true;
  /** When the client stopped keeping up (its socket is full), if it has. */
  blockedSince: number | undefined;
  /** When something was last written, for keep-alives. */
  lastWriteAt: number;
  #closed = false;
  #drained: (() => void) | undefined;
  #onGone: (() => void) | undefined;
  readonly #sink: SseSink;
  readonly #store: Store;
  readonly #space: string;
  readonly #clock: Clock;
  #tail: SpaceTail | undefined;

  /** `groups` must reflect every event of the space up to `groupsAt`: read the position first, then the groups. */
  constructor(options: {
    person: PersonId;
    space: string;
    groups: Iterable<string>;
    groupsAt: number;
    cursor: number;
    sink: SseSink;
    store: Store;
    clock: Clock;
  }) {
    this.person = options.person;
    this.#space = options.space;
    this.#groups = new Set(options.groups);
    this.#groupsAt = options.groupsAt;
    this.cursor = options.cursor;
    this.#scanned = options.cursor;
    this.#sink = options.sink;
    this.#store = options.store;
    this.#clock = options.clock;
    this.lastWriteAt = options.clock();
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Sends what the reader has missed since its cursor, then `ready`; from then on the space's pass feeds it. */
  async start(tail: SpaceTail): Promise<void> {
    this.#tail = tail;
    await tail.refresh();
    await this.#catchUp();
    if (this.#closed) return;
    this.#write(Buffer.from(`event: ready\ndata: ${JSON.stringify({ cursor: String(this.cursor) })}\n\n`), this.#clock());
    this.#busy = false;
    this.deliver(this.#clock());
  }

  /** Sends the tail's new events this reader may see (the space's pass calls this once per wake-up). */
  deliver(now: number): void {
    if (this.#busy || this.#closed || this.blockedSince !== undefined || !this.#tail) return;
    if (this.#rescan) {
      this.#rescan = false;
      this.#scanned = this.cursor;
    }
    // Its groups to read again (asked before, or stopped at a membership change), or too far
    // behind for the tail: it catches up on its own, then rejoins.
    if (this.#regroup || this.#sendFromTail(now) === 'behind' || this.#regroup) {
      this.#busy = true;
      this.#catchUp()
        .then(() => {
          this.#busy = false;
          this.deliver(this.#clock());
        })
        .catch((error: unknown) => this.fail(error));
    }
  }

  /**
   * The reader's groups as read after the space's position `at`; a group added means looking again
   * from the last event sent. A read older than the one held is ignored. A read older than what
   * the stream has already looked at is not used either, and the stream reads the groups again
   * itself: a catch-up from the store reads only the groups held, so it may have passed a removal
   * from a group this read still lists.
   */
  setGroups(groups: readonly string[], at: number): void {
    if (at < this.#groupsAt) return;
    if (at < this.#scanned) {
      this.#regroup = true;
      return;
    }
    this.#groupsAt = at;
    if (groups.some((group) => !this.#groups.has(group))) this.#rescan = true;
    this.#groups = new Set(groups);
  }

  /** The client caught up: resume (if it was behind: a socket also says so when it never was). */
  drain(now: number): void {
    if (this.blockedSince === undefined) return;
    this.blockedSince = undefined;
    const drained = this.#drained;
    this.#drained = undefined;
    if (drained) drained();
    else this.deliver(now);
  }

  keepalive(now: number): void {
    if (!this.#closed && this.blockedSince === undefined) this.#write(KEEPALIVE, now);
  }

  /** Ends the response; the client may reconnect with the last id it got. */
  end(): void {
    if (this.#closed) return;
    this.#sink.end();
    this.gone();
  }

  /** The response is over (ended here, or the client went away): stop writing, let go. */
  gone(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#drained?.();
    this.#drained = undefined;
    this.#onGone?.();
  }

  /** Runs `cleanup` once the stream is over (at once if it already is). */
  whenGone(cleanup: () => void): void {
    if (this.#closed) cleanup();
    else this.#onGone = cleanup;
  }

  /** A read failed: end the stream (the client reconnects and resumes from its last id). */
  fail(error: unknown): void {
    if (this.#closed) return;
    console.error('live stream of', this.#space, 'failed:', error);
    this.end();
  }

  /**
   * 'sent' or 'blocked' (the rest after drain), or 'behind' the tail's window; 'sent' may also
   * stop at the reader's own membership change, with `#regroup` set.
   */
  #sendFromTail(now: number): 'sent' | 'blocked' | 'behind' {
    const tail = this.#tail!;
    const from = tail.indexAfter(this.#scanned);
    if (from < 0) return 'behind';
    const entries = tail.entries;
    const joined = from < entries.length && this.#seesAll(entries, from) ? tail.framesFrom(from) : undefined;
    if (joined) {
      // Everything new is the reader's: one write for all of it, the same bytes as every such stream.
      this.cursor = entries[entries.length - 1]!.stored.cursor;
      this.#scanned = Math.max(this.cursor, tail.upTo);
      return this.#write(joined, now) ? 'sent' : 'blocked';
    }
    for (let i = from; i < entries.length; i++) {
      const { stored, frame, membershipOf } = entries[i]!;
      if (membershipOf === this.person && stored.cursor > this.#groupsAt) return this.#stopForGroups();
      if (!this.#groups.has(stored.event.group)) continue;
      // Moved on before writing: a socket may emit 'drain' from inside the write.
      this.cursor = this.#scanned = stored.cursor;
      if (!this.#write(frame, now)) return 'blocked';
    }
    if (tail.upTo > this.#scanned) this.#scanned = tail.upTo;
    return 'sent';
  }

  /** Every entry from `from` on is in the reader's groups, and none changes their membership past `#groupsAt`. */
  #seesAll(entries: readonly TailEntry[], from: number): boolean {
    for (let i = from; i < entries.length; i++) {
      const { stored, membershipOf } = entries[i]!;
      if (!this.#groups.has(stored.event.group) || (membershipOf === this.person && stored.cursor > this.#groupsAt)) return false;
    }
    return true;
  }

  /** The reader's own membership changed past what their groups reflect: nothing more until they are read again. */
  #stopForGroups(): 'sent' {
    this.#regroup = true;
    return 'sent';
  }

  /** Reads the reader's groups again: the position first, so that the groups reflect every event up to it. */
  async #readGroups(): Promise<void> {
    this.#regroup = false;
    const at = await this.#store.lastPosition(this.#space);
    const groups = await this.#store.listGroupsFor(this.person, this.#space);
    this.setGroups(
      groups.map((group) => group.id),
      at,
    );
  }

  /** Catches up from the tail, or from the store when further behind, waiting for the client as needed. */
  async #catchUp(): Promise<void> {
    while (!this.#closed) {
      if (this.#rescan) {
        this.#rescan = false;
        this.#scanned = this.cursor;
      }
      if (this.#regroup) {
        await this.#readGroups();
        continue;
      }
      const sent = this.#sendFromTail(this.#clock());
      if (sent === 'sent' && !this.#regroup) return;
      if (sent === 'blocked') await this.#clientDrained();
      else if (sent === 'behind') await this.#sendFromStore();
    }
  }

  /** Catching up from further back than the shared tail keeps. */
  async #sendFromStore(): Promise<void> {
    // Read first: every event up to here is committed, so the reads below see all of them.
    const upTo = await this.#store.lastPosition(this.#space);
    for (;;) {
      const batch = await this.#store.eventsAfter([...this.#groups], this.#scanned, PAGE);
      if (batch.length === 0) break;
      const [people, reactions] = await Promise.all([
        this.#store.getPeople(batch.map(({ event }) => event.author)),
        reactionTotals(this.#store, batch),
      ]);
      for (const stored of batch) {
        if (this.#closed) return;
        if (membershipChangeOf(stored.event) === this.person && stored.cursor > this.#groupsAt) {
          this.#stopForGroups();
          return;
        }
        // Groups may have changed while the page was read: a group left is not sent from here on.
        if (!this.#groups.has(stored.event.group)) continue;
        this.cursor = this.#scanned = stored.cursor;
        const frame = liveFrame(stored, people.get(stored.event.author), reactions.get(stored.event.id));
        if (!this.#write(frame, this.#clock())) await this.#clientDrained();
      }
      if (batch.length < PAGE) break;
    }
    if (upTo > this.#scanned) this.#scanned = upTo;
  }

  #write(chunk: Uint8Array, now: number): boolean {
    this.lastWriteAt = now;
    const more = this.#sink.write(chunk);
    if (!more) this.blockedSince ??= now;
    return more;
  }

  #clientDrained(): Promise<void> {
    if (this.#closed || this.blockedSince === undefined) return Promise.resolve();
    return new Promise((resolve) => (this.#drained = resolve));
  }
}
