import type { StoredEvent } from '../store/store.js';

export type HubListener = (stored: StoredEvent) => void;

/**
 * In-process fan-out of freshly appended events to the live streams of their space. Streams filter
 * by the reader's groups themselves; the hub only routes by space.
 */
export class LiveHub {
  readonly #bySpace = new Map<string, Set<HubListener>>();

  subscribe(space: string, listener: HubListener): () => void {
    let listeners = this.#bySpace.get(space);
    if (!listeners) this.#bySpace.set(space, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#bySpace.delete(space);
    };
  }

  publish(stored: StoredEvent): void {
    for (const listener of this.#bySpace.get(stored.event.space) ?? []) listener(stored);
  }

  /** How many streams are open, for /healthz and metrics. */
  get subscriberCount(): number {
    let count = 0;
    for (const listeners of this.#bySpace.values()) count += listeners.size;
    return count;
  }
}
