import { systemClock, type Clock, type EmbedClaims, type EmbedTokenVerifier } from '@mutual/protocol';

export interface VerifiedTokenCacheOptions {
  /** How many verified tokens to remember; the least recently used leaves first. */
  maxEntries?: number;
  clock?: Clock;
}

/**
 * Remembers tokens that verified, so a busy caller does not pay a signature check per request
 * (verifying caps a server near a fifth of its bare speed, and each check is a thread-pool job
 * and a turn of the event loop). Safe because the key is the whole token string (any changed byte
 * misses) with whatever else the verification depended on, an entry is only used strictly before
 * the token's own expiry, failures are never stored (a bad token is verified, and refused, every
 * time), and the map is bounded. What a token vouches for is checked again where it matters:
 * membership, on every request and at every write.
 */
export class VerifiedTokens<Claims extends { expiresAt: number }> {
  readonly #maxEntries: number;
  readonly #clock: Clock;
  // A Map iterates in insertion order: re-inserting on a hit makes its first key the least recent.
  readonly #verified = new Map<string, Claims>();

  constructor(options: VerifiedTokenCacheOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#clock = options.clock ?? systemClock;
    if (!Number.isInteger(this.#maxEntries) || this.#maxEntries < 1) throw new TypeError('maxEntries must be a positive integer');
  }

  /** The claims under `key` if they verified before and have not expired (by the clock); else `undefined`. */
  remembered(key: string): Claims | undefined {
    const claims = this.#verified.get(key);
    if (!claims) return undefined;
    this.#verified.delete(key);
    // Expired entries are dropped and the token verified again, which refuses it with its code.
    if (!(this.#clock() < claims.expiresAt)) return undefined;
    this.#verified.set(key, claims);
    return claims;
  }

  /** The remembered claims under `key`, or `verify()`'s, remembered if it succeeds and has not expired. */
  async verify(key: string, verify: () => Promise<Claims>): Promise<Claims> {
    const known = this.remembered(key);
    if (known) return known;
    const claims = await verify();
    if (this.#clock() < claims.expiresAt) {
      this.#verified.set(key, claims);
      if (this.#verified.size > this.#maxEntries) this.#verified.delete(this.#verified.keys().next().value!);
    }
    return claims;
  }
}

/** A verifier that remembers, and can tell at once (without a promise) whether it knows a token. */
export interface CachedTokenVerifier extends EmbedTokenVerifier {
  /** The claims of `token` if it verified before and has not expired (by the clock); else `undefined`. */
  remembered(token: string): EmbedClaims | undefined;
}

/** Embed tokens, remembered by the whole token (they name their audience and issuer themselves). */
export function cacheVerifiedTokens(verify: EmbedTokenVerifier, options: VerifiedTokenCacheOptions = {}): CachedTokenVerifier {
  const tokens = new VerifiedTokens<EmbedClaims>(options);
  const verifyCached = (token: string | undefined) => (token === undefined ? verify(token) : tokens.verify(token, () => verify(token)));
  return Object.assign(verifyCached, { remembered: (token: string) => tokens.remembered(token) });
}
