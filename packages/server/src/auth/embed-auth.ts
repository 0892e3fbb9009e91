import { MutualError, type Clock, type EmbedClaims, type EmbedTokenVerifier, type PersonId } from '@mutual/protocol';
import type { MiddlewareHandler } from 'hono';
import type { Store } from '../store/store.js';
import { cacheVerifiedTokens } from './verified-token-cache.js';

export interface EmbedAuthVariables {
  person: PersonId;
  claims: EmbedClaims;
}

export interface EmbedAuthOptions {
  verify: EmbedTokenVerifier;
  store: Store;
  /** The verifier's clock: a remembered token is used only before its `exp` by this clock. */
  clock?: Clock;
  /** How many verified tokens to remember (default 10,000). */
  cachedTokens?: number;
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/;

/**
 * Authenticates every client API request by its embed token (`Authorization: Bearer …` only:
 * never a query parameter or a cookie), and records the person on first sight so that others
 * see their name. Sets `person` and `claims` on the context.
 */
export function embedAuth(options: EmbedAuthOptions): MiddlewareHandler<{ Variables: EmbedAuthVariables }> {
  if (!options.verify || !options.store) throw new TypeError('embedAuth needs verify and store');
  const verify = cacheVerifiedTokens(options.verify, {
    ...(options.clock && { clock: options.clock }),
    ...(options.cachedTokens !== undefined && { maxEntries: options.cachedTokens }),
  });
  // People whose row is known to be current, so a busy reader does not write on every request.
  const known = new Map<PersonId, string | undefined>();

  return async function embedAuthentication(c, next) {
    if (c.req.method === 'OPTIONS') return next();
    const header = c.req.header('Authorization');
    // A remembered token matched the pattern when it was first verified: only others are checked.
    let claims = header?.startsWith('Bearer ') ? verify.remembered(header.slice(7)) : undefined;
    if (!claims) {
      const match = header ? BEARER.exec(header) : null;
      if (header && !match) throw new MutualError('token_malformed', 'expected the Bearer scheme');
      claims = await verify(match?.[1]);
    }
    if (!known.has(claims.person) || (claims.name && known.get(claims.person) !== claims.name)) {
      const existing = await options.store.getPerson(claims.person);
      const name = claims.name ?? existing?.name ?? claims.person.slice(0, claims.person.indexOf('@'));
      if (!existing || existing.name !== name) {
        await options.store.upsertPerson({ ...existing, id: claims.person, name, organisation: claims.person.slice(claims.person.indexOf('@') + 1) });
      }
      if (known.size > 10_000) known.clear();
      known.set(claims.person, name);
    }
    c.set('person', claims.person);
    c.set('claims', claims);
    return next();
  };
}
