import { compactVerify, type JWTVerifyGetKey } from 'jose';
import { TokenError } from '../errors.js';
import { ALLOWED_ALGORITHMS } from '../tokens/algorithms.js';
import { inspectJwt } from '../tokens/verify-jwt.js';

/**
 * Verifies a permanent signed record (event proof, agreement signature): a compact JWS of the
 * given `typ`, EdDSA or ES256 only, by one of `keys`. Returns its JSON payload, not yet checked
 * against what it is about — that is the caller's job.
 */
export async function verifySignedRecord(jws: string | undefined, typ: string, keys: JWTVerifyGetKey): Promise<Record<string, unknown>> {
  if (!jws) throw new TokenError('token_missing', 'no signature');
  if (jws.length > 4096) throw new TokenError('token_too_large', 'signature too large');
  // The same structural checks as every token, before any key is looked up: alg, typ, headers.
  inspectJwt(jws, { typ, maxAgeSeconds: 0, requiredClaims: [] });
  try {
    const result = await compactVerify(jws, keys as never, { algorithms: [...ALLOWED_ALGORITHMS] });
    if (result.protectedHeader.typ !== typ) throw new TokenError('token_type_invalid', `expected typ ${typ}`);
    const payload: unknown = JSON.parse(new TextDecoder().decode(result.payload));
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new TokenError('token_malformed', 'the payload is not an object');
    return payload as Record<string, unknown>;
  } catch (cause) {
    if (cause instanceof TokenError) throw cause;
    throw new TokenError('token_signature_invalid', 'the signature does not verify', { cause });
  }
}
