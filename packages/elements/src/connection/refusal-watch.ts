import type { RefusedWrite } from '@mutual/protocol';
import { MutualApiError, type MutualApiErrorCode } from './api-error.js';
import type { MutualConnection } from './connection.js';

/** A home answers a submission at once: the first question comes soon after a write is queued… */
const FIRST_ASK_MS = 1_000;
/** …then every few seconds while a widget shows a queued write (its home may be down for hours). */
const ASK_EVERY_MS = 4_000;

type OnRefused = (refusal: RefusedWrite) => void;

/** One watch per connection: the widgets of a space share one question to the server. */
const watches = new WeakMap<MutualConnection, RefusalWatch>();

/**
 * Calls `onRefused` if the group's home server refuses a write the viewer's server queued for it
 * (`event` is the id its `202` gave), asking the server every few seconds while any write is
 * watched. Returns the function that stops watching it: call it when the write's live echo
 * arrives, or when the widget goes. Writes the home placed are never listed, so a watch its echo
 * did not stop costs a request every few seconds and nothing more.
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

  constructor(connection: MutualConnection) {
    this.#connection = connection;
  }

  add(event: string, onRefused: OnRefused): () => void {
    const callbacks = this.#waiting.get(event) ?? new Set();
    this.#waiting.set(event, callbacks);
    callbacks.add(onRefused);
    this.#schedule(FIRST_ASK_MS);
    return () => {
      callbacks.delete(onRefused);
      if (callbacks.size === 0 && this.#waiting.get(event) === callbacks) this.#waiting.delete(event);
    };
  }

  #schedule(delayMs: number): void {
    if (this.#timer === undefined && this.#waiting.size > 0) this.#timer = setTimeout(() => void this.#ask(), delayMs);
  }

  async #ask(): Promise<void> {
    const connection = this.#connection;
    try {
      if (this.#waiting.size === 0 || connection.closed) return;
      const { refused } = await connection.api.refusedWrites(connection.space);
      for (const refusal of refused) {
        const callbacks = this.#waiting.get(refusal.event);
        if (!callbacks) continue;
        this.#waiting.delete(refusal.event);
        for (const onRefused of callbacks) onRefused(refusal);
      }
    } catch {
      // Asked again at the next turn: a network blip must not lose a refusal.
    } finally {
      this.#timer = undefined;
      if (!connection.closed) this.#schedule(ASK_EVERY_MS);
    }
  }
}

/**
 * One widget's watched writes: each stopped when its live echo comes, all of them when the widget
 * leaves the page or shows another group.
 */
export class RefusalWatches {
  readonly #stops = new Map<string, () => void>();

  watch(connection: MutualConnection, event: string, onRefused: OnRefused): void {
    if (this.#stops.has(event)) return;
    const stop = watchRefusal(connection, event, (refusal) => {
      this.#stops.delete(event);
      onRefused(refusal);
    });
    this.#stops.set(event, stop);
  }

  /** Its echo came: the home placed it. */
  settled(event: string): void {
    this.#stops.get(event)?.();
    this.#stops.delete(event);
  }

  clear(): void {
    for (const stop of this.#stops.values()) stop();
    this.#stops.clear();
  }
}

/** A refusal as the error a failed write shows (`409`: the home would not take it; not transient). */
export function refusalError(refusal: RefusedWrite): MutualApiError {
  return new MutualApiError({ status: 409, code: refusal.code as MutualApiErrorCode, title: refusal.message });
}
