import type { JWTVerifyGetKey } from 'jose';
import { TokenError } from '../errors.js';
import { canonicalJson } from '../model/canonical-json.js';
import { bodyHash } from './body-hash.js';
import { AGREEMENT_SIGNATURE_TYPE } from './profiles.js';
import type { SigningKey } from './signing-key.js';
import { signCompact } from './sign-compact.js';
import { verifySignedRecord } from './verify-record.js';

/** What both organisations sign when they commit to a milestone or a success criterion. */
export interface AgreementTerms {
  agreement: string;
  space: string;
  group: string;
  kind: 'milestone' | 'success-criterion';
  title: string;
  /** Due date for a milestone, `YYYY-MM-DD`. */
  date?: string;
  /** How success is measured, for a success criterion. */
  measure?: string;
  /** The two organisations bound by it (domains), sorted. */
  parties: string[];
}

interface AgreementSignaturePayload {
  iss: string;
  agr: string;
  h: string;
}

/** The terms of an agreement recorded in a group, as both parties sign them. */
export function agreementTerms(
  group: { id: string; space: string },
  fields: { agreement: string; kind: AgreementTerms['kind']; title: string; date?: string; measure?: string; parties: string[] },
): AgreementTerms {
  return {
    agreement: fields.agreement,
    space: group.space,
    group: group.id,
    kind: fields.kind,
    title: fields.title,
    ...(fields.date !== undefined && { date: fields.date }),
    ...(fields.measure !== undefined && { measure: fields.measure }),
    parties: [...fields.parties].sort(),
  };
}

/** The hash both parties sign: SHA-256 of the terms' canonical JSON. */
export const termsHash = (terms: AgreementTerms) => bodyHash(canonicalJson(terms));

/** One organisation's signature over the terms. Permanent: no expiry. */
export async function signAgreement(terms: AgreementTerms, domain: string, key: SigningKey): Promise<string> {
  const payload: AgreementSignaturePayload = { iss: domain, agr: terms.agreement, h: await termsHash(terms) };
  return signCompact(payload, AGREEMENT_SIGNATURE_TYPE, key);
}

/** Checks that `domain` signed exactly these terms. */
export async function verifyAgreementSignature(terms: AgreementTerms, signature: string, domain: string, keys: JWTVerifyGetKey): Promise<void> {
  const payload = (await verifySignedRecord(signature, AGREEMENT_SIGNATURE_TYPE, keys)) as Partial<AgreementSignaturePayload>;
  if (payload.iss !== domain || payload.agr !== terms.agreement || payload.h !== (await termsHash(terms))) {
    throw new TokenError('token_claim_invalid', 'the signature is for other terms');
  }
}
