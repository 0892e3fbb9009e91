import type { JSONWebKeySet } from 'jose';

/**
 * The shape of `vectors.json`, shared by the generator and the suite that checks it. Every signed
 * artefact carries what a verifier needs (token, expected audience or issuer, method, path, body,
 * the verification time, which key set) and the verdict: `"valid"` or the exact error code.
 */

/** `"valid"`, or the stable `code` of the error the verifier must report. */
export type Verdict = string;

/** Names a key set in {@link Vectors.keySets}. */
export type KeySetName = string;

interface Signed {
  name: string;
  expect: Verdict;
  /** Why this vector exists, when the name alone does not say it. */
  note?: string;
}

export interface CanonicalJsonVector {
  name: string;
  /** JSON text, parsed by the verifier's own JSON parser before canonicalisation. */
  input: string;
  output: string;
}

export interface EventIdVector {
  name: string;
  /** The draft: space, group, type, author, at, body (any other member is ignored). */
  draft: Record<string, unknown>;
  /** Canonical JSON of `{ space, group, type, author, at, body }`: the bytes that are hashed. */
  canonical: string;
  id: string;
}

export interface BodyHashVector {
  name: string;
  /** UTF-8 text of the body. */
  body: string;
  hash: string;
}

export interface EmbedTokenVector extends Signed {
  token: string;
  /** The verifying server's origin. */
  audience: string;
  /** The one host app the verifier trusts. */
  hostApp: { issuer: string; organisation: string; keys: KeySetName };
  /** Verification time, ISO 8601. */
  at: string;
  /** For valid vectors: what the verifier returns (a subset). */
  result?: Record<string, unknown>;
}

export interface ServerRequestVector extends Signed {
  token: string;
  /** The receiver's origin. */
  audience: string;
  method: string;
  /** Path and query as received. */
  path: string;
  /** UTF-8 text of the body as received ("" for none). */
  body: string;
  /** The receiver's pinned peers. */
  peers: { origin: string; keys: KeySetName }[];
  at: string;
  result?: Record<string, unknown>;
}

export interface MembershipClaimVector extends Signed {
  token: string;
  /** The group's home server (origin). */
  issuer: string;
  /** The member's server (origin). */
  audience: string;
  keys: KeySetName;
  at: string;
  result?: Record<string, unknown>;
}

export interface InvitationVector extends Signed {
  token: string;
  at: string;
  result?: Record<string, unknown>;
}

export interface EventProofVector extends Signed {
  /** The event as it travels (a GroupEvent). */
  event: Record<string, unknown>;
  proof: string;
  /** The home organisation's domain. */
  home: string;
  keys: KeySetName;
}

export interface AgreementSignatureVector extends Signed {
  /** The terms as the verifier reconstructs them (parties sorted). */
  terms: Record<string, unknown>;
  /** base64url SHA-256 of the canonical JSON of `terms`: what was signed. */
  termsHash: string;
  signature: string;
  /** The signing organisation's domain. */
  domain: string;
  keys: KeySetName;
}

export interface Vectors {
  protocol: string;
  description: string;
  /** The clock the artefacts were signed with. */
  signedAt: string;
  keySets: Record<KeySetName, JSONWebKeySet>;
  canonicalJson: CanonicalJsonVector[];
  eventIds: EventIdVector[];
  bodyHashes: BodyHashVector[];
  embedTokens: EmbedTokenVector[];
  serverRequests: ServerRequestVector[];
  membershipClaims: MembershipClaimVector[];
  invitations: InvitationVector[];
  eventProofs: EventProofVector[];
  agreementSignatures: AgreementSignatureVector[];
}

/** Every kind of vector the file holds; the suite insists on at least one of each. */
export const VECTOR_KINDS = [
  'canonicalJson',
  'eventIds',
  'bodyHashes',
  'embedTokens',
  'serverRequests',
  'membershipClaims',
  'invitations',
  'eventProofs',
  'agreementSignatures',
] as const satisfies readonly (keyof Vectors)[];
