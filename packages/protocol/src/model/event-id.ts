import { canonicalJson } from './canonical-json.js';
import type { EventDraft, EventId } from './events.js';

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * An event's id is the base64url SHA-256 of the canonical JSON of what it says
 * (space, group, type, author, at, body) — not of its sequence number, which the home server
 * assigns later. The same content always has the same id, so applying twice is detectable.
 */
export async function eventId(draft: EventDraft): Promise<EventId> {
  const { space, group, type, author, at, body } = draft;
  const bytes = new TextEncoder().encode(canonicalJson({ space, group, type, author, at, body }));
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}
