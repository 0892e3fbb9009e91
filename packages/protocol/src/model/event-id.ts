import { sha256Base64url } from './base64url.js';
import { canonicalJson } from './canonical-json.js';
import type { EventDraft, EventId } from './events.js';

/**
 * An event's id is the base64url SHA-256 of the canonical JSON of what it says
 * (space, group, type, author, at, body) — not of its sequence number, which the home server
 * assigns later. The same content always has the same id, so applying twice is detectable.
 */
export async function eventId(draft: EventDraft): Promise<EventId> {
  const { space, group, type, author, at, body } = draft;
  return sha256Base64url(new TextEncoder().encode(canonicalJson({ space, group, type, author, at, body })));
}
