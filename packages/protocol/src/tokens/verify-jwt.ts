import { decodeProtectedHeader, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { CLOCK_TOLERANCE_SECONDS, type Clock } from '../clock.js';
import { TokenError, type MutualErrorCode } from '../errors.js';
import { ALLOWED_ALGORITHMS, FORBIDDEN_HEADER_PARAMETERS, MAX_TOKEN_LENGTH } from './algorithms.js';

/** What a kind of token must look like: each kind has its own `typ`. */
export interface JwtProfile {
  /** The exact `typ` header, e.g. `mutual-embed+jwt`. */
  typ: string;
  /** Longest accepted lifetime: `now - iat` and `exp - iat` must both stay within it (seconds). */
  maxAgeSeconds: number;
  /** Claims that must be present besides `iss`, `aud`, `exp` and `iat`. */
  requiredClaims: readonly string[];
}

export interface VerifyJwtOptions {
  profile: JwtProfile;
  issuer: string;
  audience: string;
  key: JWTVerifyGetKey;
  clock: Clock;
  /** Seconds; never more than {@link CLOCK_TOLERANCE_SECONDS}. */
  clockToleranceSeconds?: number;
}

export interface UnverifiedJwt {
  header: Record<string, unknown>;
  payload: JWTPayload;
}

function fail(code: MutualErrorCode, message: string, cause?: unknown): never {
  throw new TokenError(code, message, { cause });
}

/**
 * Cheap structural checks that run before any key is looked up: size, header shape, algorithm,
 * `typ`, and headers that try to choose the key. Returns the unverified header and payload so the
 * caller can pick the issuer's keys; nothing in them is trusted yet.
 */
export function inspectJwt(token: string | undefined, profile: JwtProfile): UnverifiedJwt {
  if (!token) fail('token_missing', 'no token was presented');
  if (token.length > MAX_TOKEN_LENGTH) fail('token_too_large', `token longer than ${MAX_TOKEN_LENGTH} bytes`);
  const parts = token.split('.');
  if (parts.length !== 3) fail('token_malformed', 'not a compact JWS');
  let header: Record<string, unknown>;
  let payload: JWTPayload;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
    payload = JSON.parse(new TextDecoder().decode(base64urlDecode(parts[1]!))) as JWTPayload;
  } catch (cause) {
    fail('token_malformed', 'header or payload is not base64url JSON', cause);
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    fail('token_malformed', 'payload is not a JSON object');
  }
  if (!(ALLOWED_ALGORITHMS as readonly unknown[]).includes(header.alg)) {
    fail('token_alg_not_allowed', `algorithm ${JSON.stringify(String(header.alg))} is not allowed`);
  }
  for (const name of FORBIDDEN_HEADER_PARAMETERS) {
    if (name in header) fail('token_header_forbidden', `header parameter "${name}" is not accepted`);
  }
  if (header.typ !== profile.typ) fail('token_type_invalid', `expected typ ${profile.typ}`);
  return { header, payload };
}

function base64urlDecode(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new TypeError('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * Verifies a JWT strictly against a profile: allowed algorithms only, the profile's `typ`, the
 * given issuer and audience, `exp` and `iat` required, a bounded age, a clock tolerance of at most
 * {@link CLOCK_TOLERANCE_SECONDS}. Every failure is a {@link TokenError} with its own code; no
 * message ever contains the token.
 */
export async function verifyJwt(token: string | undefined, options: VerifyJwtOptions): Promise<JWTPayload> {
  const { profile, clock } = options;
  inspectJwt(token, profile);
  const tolerance = Math.min(options.clockToleranceSeconds ?? CLOCK_TOLERANCE_SECONDS, CLOCK_TOLERANCE_SECONDS);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token!, keyOrUnknown(options.key), {
      algorithms: [...ALLOWED_ALGORITHMS],
      typ: profile.typ,
      issuer: options.issuer,
      audience: options.audience,
      clockTolerance: tolerance,
      maxTokenAge: profile.maxAgeSeconds,
      requiredClaims: ['exp', 'iat', ...profile.requiredClaims],
      currentDate: new Date(clock()),
    }));
  } catch (cause) {
    throw fromJoseError(cause);
  }
  // A token addressed to several servers could be replayed at each: one audience, exactly.
  if (payload.aud !== options.audience) fail('token_audience_invalid', 'the token must name exactly this server as its audience');
  if (payload.jti !== undefined && (typeof payload.jti !== 'string' || payload.jti.length === 0)) {
    fail('token_claim_invalid', '"jti" must be a non-empty string');
  }
  for (const claim of ['exp', 'iat', 'nbf'] as const) {
    if (payload[claim] !== undefined && !Number.isInteger(payload[claim])) {
      fail('token_claim_invalid', `"${claim}" must be a whole number of seconds`);
    }
  }
  // A token may not promise itself a longer life than the profile allows.
  if (payload.exp! - payload.iat! > profile.maxAgeSeconds) {
    fail('token_too_old', `lifetime longer than ${profile.maxAgeSeconds} s`);
  }
  return payload;
}

/**
 * Any failure to find the issuer's key — no match, a JWKS URL that answers a redirect or an error,
 * a timeout — is `token_key_unknown`, not a malformed token: the token may be fine, its key is not
 * to be had. (A redirect is never followed: it could lead to an internal address.)
 */
function keyOrUnknown(getKey: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await getKey(header, token);
    } catch (cause) {
      if (cause instanceof TokenError) throw cause;
      const code = (cause as { code?: unknown })?.code;
      if (code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') throw cause;
      throw new TokenError('token_key_unknown', 'the issuer keys could not be loaded', { cause });
    }
  };
}

function fromJoseError(error: unknown): TokenError {
  if (error instanceof TokenError) return error;
  const code = (error as { code?: unknown })?.code;
  const claim = (error as { claim?: unknown })?.claim;
  const reason = (error as { reason?: unknown })?.reason;
  const make = (mutualCode: MutualErrorCode, message: string) => new TokenError(mutualCode, message, { cause: error });
  switch (code) {
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return make('token_alg_not_allowed', 'algorithm not allowed');
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return make('token_signature_invalid', 'signature does not verify');
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return make('token_key_unknown', 'no known key matches the token');
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
      return make('token_key_unknown', 'the issuer keys could not be loaded');
    case 'ERR_JWT_EXPIRED':
      return claim === 'iat' ? make('token_too_old', 'token is older than allowed') : make('token_expired', 'token has expired');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (reason === 'missing') return make('token_claim_missing', `required claim "${String(claim)}" is missing`);
      if (claim === 'typ') return make('token_type_invalid', 'unexpected typ');
      if (claim === 'iss') return make('token_issuer_unknown', 'unexpected issuer');
      if (claim === 'aud') return make('token_audience_invalid', 'token is addressed to another server');
      if (claim === 'nbf' || claim === 'iat') return make('token_not_yet_valid', `"${claim}" is in the future`);
      return make('token_claim_invalid', `claim "${String(claim)}" is invalid`);
    case 'ERR_JWT_INVALID':
    case 'ERR_JWS_INVALID':
    case 'ERR_JWK_INVALID':
      return make('token_malformed', 'token is malformed');
    default:
      return make('token_malformed', 'token could not be verified');
  }
}
