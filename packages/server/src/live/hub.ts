import type { PersonId } from '@mutual/protocol';
import type { StoredEvent } from '../store/store.js';

/**
 * What a live stream needs to know: something happened in a space, and whose membership (if
 * anyone's) changed. Streams then read what their reader may see from the store, so a signal can
 * be lost or repeated without an event being lost or repeated.
 */
export interface SpaceSignal {
  space: string;
  /** Set when the event added or removed this person from a group. */
  membershipOf?: PersonId;
}

export type HubListener = (signal: SpaceSignal) => void;

/** The person this event adds to or removes from a group, if it is such an event. */
export function membershipChangeOf(event: StoredEvent['event']): PersonId | undefined {
  return (event.type === 'member.added' || event.type === 'member.removed') && typeof event.body.person === 'string' ? event.body.person : undefined;
}

export function signalOf({ event }: StoredEvent): SpaceSignal {
  const membershipOf = membershipChangeOf(event);
  return { space: event.space, ...(membershipOf && { membershipOf }) };
}

/**
 * In-process fan-out of "something happened in space X" to the live streams of that space. With
 * several processes on PostgreSQL, a notifier feeds it the other processes' signals too.
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
    this.signal(signalOf(stored));
  }

  signal(signal: SpaceSignal): void {
    for (const listener of this.#bySpace.get(signal.space) ?? []) listener(signal);
  }

  /** Wakes every stream (after a lost connection to the notifier: something may have been missed). */
  wakeAll(): void {
    for (const [space, listeners] of this.#bySpace) for (const listener of listeners) listener({ space });
  }

  /** How many streams are open, for /healthz and metrics. */
  get subscriberCount(): number {
    let count = 0;
    for (const listeners of this.#bySpace.values()) count += listeners.size;
    return count;
  }
}
