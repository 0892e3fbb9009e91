import type { JWTVerifyGetKey } from 'jose';
import { systemClock, type Clock } from '../clock.js';
import { TokenError } from '../errors.js';
import { RoleSchema, type Role } from '../model/group.js';
import { newId } from '../model/ids.js';
import { PersonIdSchema, type PersonId } from '../model/person.js';
import { verifyJwt } from '../tokens/verify-jwt.js';
import { MEMBERSHIP_CLAIM_PROFILE, MEMBERSHIP_CLAIM_TYPE } from './profiles.js';
import { signCompact } from './sign-compact.js';
import type { SigningKey } from './signing-key.js';

export interface MembershipClaim {
  /** The group's home server (origin). */
  issuer: string;
  /** The member's server (origin). */
  audience: string;
  person: PersonId;
  group: string;
  space: string;
  role: Role;
  expiresAt: number;
}

/** Default life of a claim; the home renews it while the membership lasts. */
export const MEMBERSHIP_CLAIM_TTL_SECONDS = 10 * 60;

/** The home server's statement that a person of another organisation holds a role in a group. */
export async function signMembershipClaim(
  claim: Omit<MembershipClaim, 'expiresAt'>,
  key: SigningKey,
  options: { clock?: Clock; ttlSeconds?: number } = {},
): Promise<string> {
  const now = Math.floor((options.clock ?? systemClock)() / 1000);
  const claims = {
    grp: claim.group,
    spc: claim.space,
    role: claim.role,
    iss: claim.issuer,
    aud: claim.audience,
    sub: claim.person,
    jti: newId(),
    iat: now,
    exp: now + Math.min(options.ttlSeconds ?? MEMBERSHIP_CLAIM_TTL_SECONDS, MEMBERSHIP_CLAIM_PROFILE.maxAgeSeconds),
  };
  return signCompact(claims, MEMBERSHIP_CLAIM_TYPE, key);
}

export interface VerifyMembershipClaimOptions {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
  clock?: Clock;
}

export async function verifyMembershipClaim(token: string | undefined, options: VerifyMembershipClaimOptions): Promise<MembershipClaim> {
  const payload = await verifyJwt(token, {
    profile: MEMBERSHIP_CLAIM_PROFILE,
    issuer: options.issuer,
    audience: options.audience,
    key: options.keys,
    clock: options.clock ?? systemClock,
  });
  const person = PersonIdSchema.safeParse(payload.sub);
  const role = RoleSchema.safeParse(payload.role);
  if (!person.success || !role.success || typeof payload.grp !== 'string' || typeof payload.spc !== 'string') {
    throw new TokenError('token_claim_invalid', 'a membership claim names a person, a group, a space and a role');
  }
  return {
    issuer: options.issuer,
    audience: options.audience,
    person: person.data,
    group: payload.grp,
    space: payload.spc,
    role: role.data,
    expiresAt: payload.exp! * 1000,
  };
}
