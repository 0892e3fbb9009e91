import type { RefusedWrite } from '@mutual/protocol';
import { MutualApiError, type MutualApiErrorCode } from './api-error.js';
import type { MutualConnection } from './connection.js';

/** A home answers a submission at once: the first question comes soon after a write is queued… */
const FIRST_ASK_MS = 1_000;
/** …then less and less often while it stays queued (its home may be down for hours). */
const NEXT_ASK_MS = 4_000;
const LATEST_ASK_MS = 60_000;
/** Event ids one question names (the server takes up to 50). */
const IDS_PER_QUESTION = 50;

type OnRefused = (refusal: RefusedWrite) => void;

/** One watch per connection: the widgets of a space share one question to the server. */
const watches = new WeakMap<MutualConnection, RefusalWatch>();

/**
 * Calls `onRefused` if the group's home server refuses a write the viewer's server queued for it
 * (`event` is the id its `202` gave), asking the viewer's server after a second, then less and
 * less often (up to a minute apart) while any write is watched. Returns the function that stops
 * watching it: call it when the write's live echo arrives, or when the widget goes.
 *
 * A function rather than a method, as `following` is: with a `<mutual-space>` of an older bundle,
 * whose API client cannot ask, it watches nothing and queued writes stay queued, as before.
 */
export function watchRefusal(connection: MutualConnection, event: string, onRefused: OnRefused): () => void {
  if (typeof connection.api.refusedWrites !== 'function') return () => {};
  let watch = watches.get(connection);
  if (!watch) watches.set(connection, (watch = new RefusalWatch(connection)));
  return watch.add(event, onRefused);
}

class RefusalWatch {
  readonly #connection: MutualConnection;
  readonly #waiting = new Map<string, Set<OnRefused>>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** When the timer fires (`Date.now()` time). */
  #dueAt = 0;
  /** A question is on its way: the next is scheduled when it is answered, never beside it. */
  #asking = false;
  #nextDelayMs = FIRST_ASK_MS;

  constructor(connection: MutualConnection) {
    this.#connection = connection;
  }

  add(event: string, onRefused: OnRefused): () => void {
    const callbacks = this.#waiting.get(event) ?? new Set();
    this.#waiting.set(event, callbacks);
    callbacks.add(onRefused);
    // A new write: ask soon again, whatever the pace was, but never put off a question due sooner
    // (writes coming every half second must not keep postponing it).
    this.#nextDelayMs = FIRST_ASK_MS;
    if (this.#timer !== undefined && this.#dueAt > Date.now() + FIRST_ASK_MS) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    this.#schedule();
    return () => {
      callbacks.delete(onRefused);
      if (callbacks.size === 0 && this.#waiting.get(event) === callbacks) this.#waiting.delete(event);
    };
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#asking || this.#waiting.size === 0 || this.#connection.closed) return;
    const delay = this.#nextDelayMs;
    this.#nextDelayMs = Math.min(LATEST_ASK_MS, Math.max(NEXT_ASK_MS, delay * 2));
    this.#dueAt = Date.now() + delay;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#ask();
    }, delay);
  }

  async #ask(): Promise<void> {
    const connection = this.#connection;
    this.#asking = true;
    try {
      const events = [...this.#waiting.keys()];
      for (let start = 0; start < events.length && !connection.closed; start += IDS_PER_QUESTION) {
        const { refused } = await connection.api.refusedWrites(connection.space, events.slice(start, start + IDS_PER_QUESTION));
        for (const refusal of refused) {
          const callbacks = this.#waiting.get(refusal.event);
          if (!callbacks) continue;
          this.#waiting.delete(refusal.event);
          for (const onRefused of callbacks) onRefused(refusal);
        }
      }
    } catch {
      // Asked again at the next turn: a network blip must not lose a refusal.
    } finally {
      this.#asking = false;
      this.#schedule();
    }
  }
}

/** Writes whose echo came lately, remembered so that a `202` answered after its echo is not watched. */
const SETTLED_KEPT = 200;

/**
 * One widget's watched writes: each stopped when its live echo comes, all of them when the widget
 * leaves the page or shows something else.
 */
export class RefusalWatches {
  readonly #stops = new Map<string, () => void>();
  readonly #settled = new Set<string>();

  /** Watches `event` unless its echo came already. */
  watch(connection: MutualConnection, event: string, onRefused: OnRefused): void {
    if (this.#stops.has(event) || this.#settled.has(event)) return;
    const stop = watchRefusal(connection, event, (refusal) => {
      this.#stops.delete(event);
      onRefused(refusal);
    });
    this.#stops.set(event, stop);
  }

  /** Its echo came: the home placed it. Said for every event of the viewer's, watched or not yet. */
  settled(event: string): void {
    this.#stops.get(event)?.();
    this.#stops.delete(event);
    this.#settled.add(event);
    if (this.#settled.size > SETTLED_KEPT) this.#settled.delete(this.#settled.values().next().value!);
  }

  clear(): void {
    for (const stop of this.#stops.values()) stop();
    this.#stops.clear();
    this.#settled.clear();
  }
}

/** The codes a refusal is shown by; any other (the home chooses it) shows as a refusal of the request. */
const SHOWN_CODES = new Set<string>(['not_a_member', 'forbidden', 'not_found', 'invalid_request', 'conflict']);

/** A refusal as the error a failed write shows (`409`: the home would not take it; not transient). */
export function refusalError(refusal: RefusedWrite): MutualApiError {
  const code = (SHOWN_CODES.has(refusal.code) ? refusal.code : 'invalid_request') as MutualApiErrorCode;
  return new MutualApiError({ status: 409, code, title: refusal.message });
}
