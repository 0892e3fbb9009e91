import type { Clock, PersonId } from '@mutual/protocol';
import type { Store } from '../store/store.js';
import { liveFrame } from './live-frame.js';
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
 */
export class LiveStream {
  readonly person: PersonId;
  /** The position of the last event sent (the SSE id). */
  cursor: number;
  /** Every event up to this position has been looked at: sent, or not the reader's. */
  #scanned: number;
  #groups: Set<string>;
  /** A group was added: look again from the last event sent, as a new reader would. */
  #rescan = false;
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

  constructor(options: { person: PersonId; space: string; groups: Iterable<string>; cursor: number; sink: SseSink; store: Store; clock: Clock }) {
    this.person = options.person;
    this.#space = options.space;
    this.#groups = new Set(options.groups);
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
    if (this.#sendFromTail(now) === 'behind') {
      this.#busy = true;
      this.#catchUp()
        .then(() => {
          this.#busy = false;
          this.deliver(this.#clock());
        })
        .catch((error: unknown) => this.fail(error));
    }
  }

  /** The reader's groups now; a group added means looking again from the last event sent. */
  setGroups(groups: readonly string[]): void {
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

  /** 'sent' or 'blocked' (the rest after drain), or 'behind' the tail's window. */
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
      const { stored, frame } = entries[i]!;
      if (!this.#groups.has(stored.event.group)) continue;
      // Moved on before writing: a socket may emit 'drain' from inside the write.
      this.cursor = this.#scanned = stored.cursor;
      if (!this.#write(frame, now)) return 'blocked';
    }
    if (tail.upTo > this.#scanned) this.#scanned = tail.upTo;
    return 'sent';
  }

  #seesAll(entries: readonly TailEntry[], from: number): boolean {
    for (let i = from; i < entries.length; i++) if (!this.#groups.has(entries[i]!.stored.event.group)) return false;
    return true;
  }

  /** Catches up from the tail, or from the store when further behind, waiting for the client as needed. */
  async #catchUp(): Promise<void> {
    while (!this.#closed) {
      if (this.#rescan) {
        this.#rescan = false;
        this.#scanned = this.cursor;
      }
      const sent = this.#sendFromTail(this.#clock());
      if (sent === 'sent') return;
      if (sent === 'blocked') await this.#clientDrained();
      else await this.#sendFromStore();
    }
  }

  /** Catching up from further back than the shared tail keeps. */
  async #sendFromStore(): Promise<void> {
    // Read first: every event up to here is committed, so the reads below see all of them.
    const upTo = await this.#store.lastPosition(this.#space);
    for (;;) {
      const batch = await this.#store.eventsAfter([...this.#groups], this.#scanned, PAGE);
      if (batch.length === 0) break;
      const people = await this.#store.getPeople(batch.map(({ event }) => event.author));
      for (const stored of batch) {
        if (this.#closed) return;
        // Groups may have changed while the page was read: a group left is not sent from here on.
        if (!this.#groups.has(stored.event.group)) continue;
        this.cursor = this.#scanned = stored.cursor;
        if (!this.#write(liveFrame(stored, people.get(stored.event.author)), this.#clock())) await this.#clientDrained();
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
