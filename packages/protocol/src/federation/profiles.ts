import type { JwtProfile } from '../tokens/verify-jwt.js';

/** The version every federation document and request speaks. */
export const FEDERATION_PROTOCOL = 'mutual-federation/1';

/** Where a server publishes its metadata and its public keys. */
export const WELL_KNOWN_METADATA_PATH = '/.well-known/mutual';
export const WELL_KNOWN_JWKS_PATH = '/.well-known/mutual/jwks.json';

/** Each kind of token has its own `typ`, so one can never be presented as another. */
export const SERVER_REQUEST_TYPE = 'mutual-request+jwt';
export const MEMBERSHIP_CLAIM_TYPE = 'mutual-membership+jwt';
export const INVITATION_TYPE = 'mutual-invitation+jwt';
export const EVENT_PROOF_TYPE = 'mutual-event+jws';
export const AGREEMENT_SIGNATURE_TYPE = 'mutual-agreement+jws';

export const SERVER_REQUEST_PROFILE: JwtProfile = {
  typ: SERVER_REQUEST_TYPE,
  maxAgeSeconds: 60,
  requiredClaims: ['jti', 'htm', 'htu', 'bh'],
};

export const MEMBERSHIP_CLAIM_PROFILE: JwtProfile = {
  typ: MEMBERSHIP_CLAIM_TYPE,
  maxAgeSeconds: 15 * 60,
  requiredClaims: ['jti', 'sub', 'grp', 'spc', 'role'],
};

export const INVITATION_PROFILE: JwtProfile = {
  typ: INVITATION_TYPE,
  maxAgeSeconds: 7 * 24 * 3600,
  requiredClaims: ['jti', 'sub', 'jwks', 'name'],
};
