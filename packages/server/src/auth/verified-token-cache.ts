import { systemClock, type Clock, type EmbedClaims, type EmbedTokenVerifier } from '@mutual/protocol';

export interface VerifiedTokenCacheOptions {
  /** How many verified tokens to remember; the least recently used leaves first. */
  maxEntries?: number;
  clock?: Clock;
}

/**
 * Remembers tokens that verified, so a busy widget does not pay a signature check per request
 * (verifying caps a server near a fifth of its bare speed). Safe because the key is the whole
 * token string (any changed byte misses), an entry is only used strictly before the token's own
 * `exp`, failures are never stored (a bad token is verified, and refused, every time), and the
 * map is bounded. What the token vouches for is only who the caller is: membership is still
 * checked per request by the routes.
 */
/** A verifier that remembers, and can tell at once (without a promise) whether it knows a token. */
export interface CachedTokenVerifier extends EmbedTokenVerifier {
  /** The claims of `token` if it verified before and has not expired (by the clock); else `undefined`. */
  remembered(token: string): EmbedClaims | undefined;
}

export function cacheVerifiedTokens(verify: EmbedTokenVerifier, options: VerifiedTokenCacheOptions = {}): CachedTokenVerifier {
  const maxEntries = options.maxEntries ?? 10_000;
  const clock = options.clock ?? systemClock;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new TypeError('maxEntries must be a positive integer');
  // A Map iterates in insertion order: re-inserting on a hit makes its first key the least recent.
  const verified = new Map<string, EmbedClaims>();

  function remembered(token: string): EmbedClaims | undefined {
    const claims = verified.get(token);
    if (!claims) return undefined;
    verified.delete(token);
    // Expired entries are dropped and the token verified again, which refuses it with its code.
    if (!(clock() < claims.expiresAt)) return undefined;
    verified.set(token, claims);
    return claims;
  }

  async function verifyCached(token: string | undefined): Promise<EmbedClaims> {
    const known = token === undefined ? undefined : remembered(token);
    if (known) return known;
    const claims = await verify(token);
    if (token !== undefined && clock() < claims.expiresAt) {
      verified.set(token, claims);
      if (verified.size > maxEntries) verified.delete(verified.keys().next().value!);
    }
    return claims;
  }
  return Object.assign(verifyCached, { remembered });
}
