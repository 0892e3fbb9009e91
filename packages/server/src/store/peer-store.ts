import type { JSONWebKeySet, JWK } from 'jose';

export interface ServerKeyRecord {
  kid: string;
  alg: 'EdDSA' | 'ES256';
  privateJwk: JWK;
  publicJwk: JWK;
  createdAt: string;
}

export interface PeerRecord {
  domain: string;
  origin: string;
  name: string;
  /** Every key of the peer we have pinned; it only grows, so old signatures keep verifying. */
  jwks: JSONWebKeySet;
  /** Our key this peer has acknowledged; requests to it are signed with it. */
  signingKid: string | null;
  since: string;
}

export type InvitationOutcome = 'redeemed' | 'unknown' | 'used' | 'expired';

/** What federation remembers: our keys, our peers, invitations, replay ids, claims. */
export interface PeerStore {
  serverKeys(): Promise<ServerKeyRecord[]>;
  /** Adds a key and, in the same transaction, an announcement of it to each of `announceTo`. */
  addServerKey(key: ServerKeyRecord, announceTo?: readonly string[]): Promise<void>;

  listPeers(): Promise<PeerRecord[]>;
  getPeer(domain: string): Promise<PeerRecord | undefined>;
  getPeerByOrigin(origin: string): Promise<PeerRecord | undefined>;
  savePeer(peer: PeerRecord): Promise<void>;
  setPeerKeys(domain: string, jwks: JSONWebKeySet): Promise<void>;
  setSigningKid(domain: string, kid: string): Promise<void>;
  removePeer(domain: string): Promise<void>;

  createInvitation(id: string, createdAt: string, expiresAt: string): Promise<void>;
  /** Marks a single-use invitation as used, atomically. */
  redeemInvitation(id: string, by: string, at: string): Promise<InvitationOutcome>;

  /** Records a request id; false if it was seen before (a replay). Forgets expired ids. */
  rememberRequest(issuer: string, jti: string, expiresAt: number, now: number): Promise<boolean>;
  /** Whether a request id is remembered, without writing (see {@link Store.append}'s `request`). */
  requestSeen(issuer: string, jti: string, now: number): Promise<boolean>;
  /** Deletes the request ids expired by `now` (those stored with a write are not cleaned there). */
  forgetExpiredRequests(now: number): Promise<void>;

  saveClaim(group: string, person: string, token: string, expiresAt: number): Promise<void>;
  getClaim(group: string, person: string): Promise<{ token: string; expiresAt: number } | undefined>;
}
