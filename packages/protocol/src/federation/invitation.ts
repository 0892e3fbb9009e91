import { createLocalJWKSet, SignJWT, type JSONWebKeySet } from 'jose';
import { systemClock, type Clock } from '../clock.js';
import { TokenError } from '../errors.js';
import { newId } from '../model/ids.js';
import { DomainSchema, type Domain } from '../model/person.js';
import { inspectJwt, verifyJwt } from '../tokens/verify-jwt.js';
import { MAX_PINNED_KEYS } from './api.js';
import { INVITATION_PROFILE, INVITATION_TYPE } from './profiles.js';
import type { SigningKey } from './signing-key.js';

export interface Invitation {
  /** The inviting server's origin. */
  origin: string;
  domain: Domain;
  name: string;
  /** The inviter's public keys: pinned by whoever accepts. */
  jwks: JSONWebKeySet;
  /** Single use: the inviter forgets it once accepted. */
  id: string;
  expiresAt: number;
}

/** Default validity of an invitation. */
export const INVITATION_TTL_SECONDS = 3 * 24 * 3600;

/**
 * An admin's offer to peer with whichever organisation accepts it. It is a secret handed over out
 * of band (like a password reset link): it carries the inviter's keys, signed by those keys.
 */
export async function signInvitation(
  invitation: Omit<Invitation, 'id' | 'expiresAt'>,
  key: SigningKey,
  options: { clock?: Clock; ttlSeconds?: number; id?: string } = {},
): Promise<{ token: string; id: string; expiresAt: number }> {
  const now = Math.floor((options.clock ?? systemClock)() / 1000);
  const id = options.id ?? newId();
  const exp = now + Math.min(options.ttlSeconds ?? INVITATION_TTL_SECONDS, INVITATION_PROFILE.maxAgeSeconds);
  const token = await new SignJWT({ jwks: invitation.jwks, name: invitation.name })
    .setProtectedHeader({ alg: key.alg, typ: INVITATION_TYPE, kid: key.kid })
    .setIssuer(invitation.origin)
    .setSubject(invitation.domain)
    .setAudience('mutual-peering')
    .setJti(id)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .sign(key.key);
  return { token, id, expiresAt: exp * 1000 };
}

/**
 * An invitation carries at most this many of the inviter's keys, its newest (it must fit in a
 * token); the inviter's answer to the acceptor's request carries all of them.
 */
export const MAX_INVITATION_KEYS = 10;

/** Checks an invitation against the keys it carries (its trust comes from how it was handed over). */
export async function verifyInvitation(token: string | undefined, options: { clock?: Clock } = {}): Promise<Invitation> {
  const { payload: unverified } = inspectJwt(token, INVITATION_PROFILE);
  const jwks = unverified.jwks as JSONWebKeySet | undefined;
  // Up to 100 accepted: a server of an earlier version sends every key it has.
  if (!jwks || !Array.isArray(jwks.keys) || jwks.keys.length === 0 || jwks.keys.length > MAX_PINNED_KEYS) {
    throw new TokenError('token_claim_invalid', 'an invitation carries its signer keys');
  }
  if (jwks.keys.some((key) => 'd' in key)) throw new TokenError('token_claim_invalid', 'an invitation must not carry private keys');
  const origin = typeof unverified.iss === 'string' ? unverified.iss : '';
  const payload = await verifyJwt(token, {
    profile: INVITATION_PROFILE,
    issuer: origin,
    audience: 'mutual-peering',
    key: createLocalJWKSet(jwks),
    clock: options.clock ?? systemClock,
  });
  const domain = DomainSchema.safeParse(payload.sub);
  if (!domain.success || typeof payload.name !== 'string') throw new TokenError('token_claim_invalid', 'an invitation names its domain');
  return { origin, domain: domain.data, name: payload.name, jwks, id: payload.jti!, expiresAt: payload.exp! * 1000 };
}
