import { LIVE_EVENT_NAME, type Person, type ReactionTotal } from '@mutual/protocol';
import type { StoredEvent } from '../store/store.js';

/**
 * One event as a Server-Sent Events message, encoded once: a space's streams all send the same
 * bytes (`event: group-event`, `id: <position>`, `data: LiveMessage`). JSON has no line breaks, so
 * one `data:` line holds it. A reaction carries its entry's reactions (see reaction-totals.ts).
 */
export function liveFrame({ cursor, event }: StoredEvent, author: Person | undefined, reactions?: readonly ReactionTotal[]): Uint8Array {
  // A Buffer (a Uint8Array): Node's sockets take it as is, where a plain Uint8Array is wrapped anew on every write.
  return Buffer.from(`event: ${LIVE_EVENT_NAME}\nid: ${cursor}\ndata: ${JSON.stringify({ event, author, reactions })}\n\n`);
}
