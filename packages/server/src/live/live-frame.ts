import { LIVE_EVENT_NAME, type Person } from '@mutual/protocol';
import type { StoredEvent } from '../store/store.js';

const encoder = new TextEncoder();

/**
 * One event as a Server-Sent Events message, encoded once: a space's streams all send the same
 * bytes (`event: group-event`, `id: <position>`, `data: LiveMessage`). JSON has no line breaks, so
 * one `data:` line holds it.
 */
export function liveFrame({ cursor, event }: StoredEvent, author: Person | undefined): Uint8Array {
  return encoder.encode(`event: ${LIVE_EVENT_NAME}\nid: ${cursor}\ndata: ${JSON.stringify({ event, author })}\n\n`);
}
