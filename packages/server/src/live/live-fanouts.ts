import type { Clock } from '@mutual/protocol';
import type { Store } from '../store/store.js';
import type { LiveHub } from './hub.js';
import type { LiveStream } from './live-stream.js';
import { SpaceFanout } from './space-fanout.js';

export interface LiveTiming {
  /** A stream that wrote nothing for this long gets a comment line, so proxies keep it open. */
  keepaliveMs: number;
  /** A client that has not taken a byte for this long is cut off (it reconnects and resumes). */
  stallMs: number;
  /** How often the one shared timer looks at every stream. */
  tickMs: number;
}

export const LIVE_TIMING: LiveTiming = { keepaliveMs: 15_000, stallMs: 60_000, tickMs: 5_000 };

/**
 * Every open live stream of the process, grouped by space (one `SpaceFanout` each, dropped with its
 * last stream), and the one timer that keeps them all alive: keep-alives for streams idle for
 * `keepaliveMs`, a re-read of spaces that heard nothing for as long, and the cut-off of clients
 * that stopped reading. No timer per stream but its token's expiry.
 */
export class LiveFanouts {
  readonly #store: Store;
  readonly #hub: LiveHub;
  readonly #clock: Clock;
  readonly #bySpace = new Map<string, SpaceFanout>();
  readonly #timing: LiveTiming;
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor(store: Store, hub: LiveHub, clock: Clock, timing: LiveTiming = LIVE_TIMING) {
    this.#store = store;
    this.#hub = hub;
    this.#clock = clock;
    this.#timing = timing;
  }

  /** How many spaces have open streams (each with its tail). */
  get spaces(): number {
    return this.#bySpace.size;
  }

  /**
   * Feeds `stream` from its space until it is over; `expiresInMs` from now it is ended (its token
   * expired).
   */
  async attach(space: string, stream: LiveStream, expiresInMs: number): Promise<void> {
    let fanout = this.#bySpace.get(space);
    if (!fanout) {
      const position = await this.#store.lastPosition(space);
      // Another stream may have opened it while the position was read.
      fanout = this.#bySpace.get(space) ?? new SpaceFanout(this.#store, space, position, this.#clock);
      this.#bySpace.set(space, fanout);
    }
    const joined = fanout;
    joined.add(stream);
    this.#startTicking();
    // One listener per stream, so that the hub counts open streams.
    const unsubscribe = this.#hub.subscribe(space, (signal) => joined.signal(signal));
    const expiry = setTimeout(() => stream.end(), Math.max(0, expiresInMs));
    stream.whenGone(() => {
      clearTimeout(expiry);
      unsubscribe();
      joined.delete(stream);
      if (joined.size === 0 && this.#bySpace.get(space) === joined) this.#bySpace.delete(space);
      if (this.#bySpace.size === 0) this.#stopTicking();
    });
    if (!stream.closed) await stream.start(joined.tail);
  }

  #startTicking(): void {
    if (this.#ticker) return;
    this.#ticker = setInterval(() => this.#tick(), this.#timing.tickMs);
    this.#ticker.unref();
  }

  #stopTicking(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  #tick(): void {
    const now = this.#clock();
    const { keepaliveMs, stallMs } = this.#timing;
    for (const fanout of this.#bySpace.values()) {
      if (now - fanout.lastWakeAt >= keepaliveMs) fanout.recheck();
      const stalled: LiveStream[] = [];
      for (const stream of fanout.streams()) {
        if (stream.blockedSince !== undefined && now - stream.blockedSince >= stallMs) stalled.push(stream);
        else if (now - stream.lastWriteAt >= keepaliveMs) stream.keepalive(now);
      }
      for (const stream of stalled) stream.end();
    }
  }
}
