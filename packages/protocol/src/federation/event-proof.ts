import type { JWTVerifyGetKey } from 'jose';
import { TokenError } from '../errors.js';
import { eventId } from '../model/event-id.js';
import type { GroupEvent } from '../model/events.js';
import { EVENT_PROOF_TYPE } from './profiles.js';
import type { SigningKey } from './signing-key.js';
import { signCompact } from './sign-compact.js';
import { verifySignedRecord } from './verify-record.js';

/** What the home server signs for each event it places in a group's log. */
interface EventProofPayload {
  /** The home organisation's domain. */
  iss: string;
  eid: string;
  grp: string;
  seq: number;
}

/**
 * The home server's signature over an event's place in its group's log: the content-derived id
 * (which covers space, group, type, author, time and body) with the group and sequence number.
 * It has no expiry: it is a permanent record, verifiable with the home's keys, old ones included.
 */
export async function signEventProof(event: GroupEvent, home: string, key: SigningKey): Promise<string> {
  const payload: EventProofPayload = { iss: home, eid: event.id, grp: event.group, seq: event.seq };
  return signCompact(payload, EVENT_PROOF_TYPE, key);
}

/**
 * Checks that an event is exactly what its home server sequenced: the proof verifies with the
 * home's keys, and its id, group and sequence number match the event, whose id is recomputed
 * from its content.
 */
export async function verifyEventProof(event: GroupEvent, proof: string | undefined, home: string, keys: JWTVerifyGetKey): Promise<void> {
  const payload = (await verifySignedRecord(proof, EVENT_PROOF_TYPE, keys)) as Partial<EventProofPayload>;
  const { id, seq, space, group, type, author, at, body } = event;
  if (payload.iss !== home || payload.grp !== group || payload.seq !== seq || payload.eid !== id) {
    throw new TokenError('token_claim_invalid', 'the proof is for another event');
  }
  if ((await eventId({ space, group, type, author, at, body } as never)) !== id) {
    throw new TokenError('token_claim_invalid', 'the event content does not match its id');
  }
}
