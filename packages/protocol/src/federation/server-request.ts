import type { JWTVerifyGetKey } from 'jose';
import { systemClock, type Clock } from '../clock.js';
import { TokenError } from '../errors.js';
import { newId } from '../model/ids.js';
import { inspectJwt, verifyJwt } from '../tokens/verify-jwt.js';
import { bodyHash } from './body-hash.js';
import { SERVER_REQUEST_PROFILE, SERVER_REQUEST_TYPE } from './profiles.js';
import { signCompact } from './sign-compact.js';
import type { SigningKey } from './signing-key.js';

export interface RequestToSign {
  /** The sender's origin. */
  issuer: string;
  /** The receiver's origin. */
  audience: string;
  method: string;
  /** Path and query, exactly as sent: `/federation/v1/groups/g/events?after=3`. */
  path: string;
  body: Uint8Array | string;
  key: SigningKey;
  clock?: Clock;
  /** Seconds until expiry; at most the profile's 60. */
  ttlSeconds?: number;
}

/**
 * Signs one server-to-server request: bound to the receiver (`aud`), method (`htm`), path
 * (`htu`) and a SHA-256 of the body (`bh`), short-lived, with a unique `jti` for replay checks.
 */
export async function signServerRequest(request: RequestToSign): Promise<string> {
  const now = Math.floor((request.clock ?? systemClock)() / 1000);
  const claims = {
    htm: request.method.toUpperCase(),
    htu: request.path,
    bh: await bodyHash(request.body),
    iss: request.issuer,
    aud: request.audience,
    jti: newId(),
    iat: now,
    exp: now + Math.min(request.ttlSeconds ?? 30, SERVER_REQUEST_PROFILE.maxAgeSeconds),
  };
  return signCompact(claims, SERVER_REQUEST_TYPE, request.key);
}

export interface ReceivedRequest {
  token: string | undefined;
  /** This server's origin. */
  audience: string;
  method: string;
  path: string;
  body: Uint8Array;
  /** The pinned keys of the peer with this origin, or undefined when it is no peer. */
  keysOf: (issuer: string) => JWTVerifyGetKey | undefined;
  clock?: Clock;
}

export interface VerifiedRequest {
  /** The sending peer's origin. */
  issuer: string;
  jti: string;
  /** When the token expires (ms): the replay record may be forgotten after it. */
  expiresAt: number;
}

/** Verifies a server request strictly; every failure is a TokenError (401) with its own code. */
export async function verifyServerRequest(request: ReceivedRequest): Promise<VerifiedRequest> {
  const { payload: unverified } = inspectJwt(request.token, SERVER_REQUEST_PROFILE);
  const issuer = typeof unverified.iss === 'string' ? unverified.iss : '';
  const keys = request.keysOf(issuer);
  if (!keys) throw new TokenError('token_issuer_unknown', 'the sender is not a peer of this server');
  const payload = await verifyJwt(request.token, {
    profile: SERVER_REQUEST_PROFILE,
    issuer,
    audience: request.audience,
    key: keys,
    clock: request.clock ?? systemClock,
  });
  if (payload.htm !== request.method.toUpperCase()) throw new TokenError('token_claim_invalid', 'signed for another method');
  if (payload.htu !== request.path) throw new TokenError('token_claim_invalid', 'signed for another path');
  if (payload.bh !== (await bodyHash(request.body))) throw new TokenError('token_claim_invalid', 'the body is not the one that was signed');
  if (typeof payload.jti !== 'string' || payload.jti.length > 128) throw new TokenError('token_claim_invalid', '"jti" must be a short string');
  return { issuer, jti: payload.jti, expiresAt: payload.exp! * 1000 };
}
