import { SignJWT, type CryptoKey, type JWTVerifyGetKey, type KeyObject } from 'jose';
import { systemClock, type Clock } from '../clock.js';
import { TokenError } from '../errors.js';
import { newId } from '../model/ids.js';
import { domainOf, PersonIdSchema, type Domain, type PersonId } from '../model/person.js';
import type { SigningAlgorithm } from './algorithms.js';
import { inspectJwt, verifyJwt, type JwtProfile } from './verify-jwt.js';

/** The `typ` of an embed token: a host app vouching for its signed-in user. */
export const EMBED_TOKEN_TYPE = 'mutual-embed+jwt';

/** Embed tokens live minutes, not hours: the widgets ask the host for a new one before expiry. */
export const MAX_EMBED_TOKEN_AGE_SECONDS = 15 * 60;

export const EMBED_TOKEN_PROFILE: JwtProfile = {
  typ: EMBED_TOKEN_TYPE,
  maxAgeSeconds: MAX_EMBED_TOKEN_AGE_SECONDS,
  requiredClaims: ['sub', 'jti'],
};

/** A host application (intranet, portal) allowed to sign embed tokens for its organisation's people. */
export interface HostApp {
  /** The `iss` its tokens carry. */
  issuer: string;
  /** The organisation whose people it may vouch for. */
  organisation: Domain;
  /** Resolves the verification key from the token header (e.g. jose's createLocalJWKSet). */
  keys: JWTVerifyGetKey;
}

export interface EmbedTokenVerifierOptions {
  /** This server's origin: every embed token must name it in `aud`. */
  audience: string;
  hostApps: readonly HostApp[];
  clock?: Clock;
}

export interface EmbedClaims {
  issuer: string;
  person: PersonId;
  /** Display name as the host app knows it, if it sent one. */
  name: string | undefined;
  /** The person's e-mail address, if the host app sent one (used only by their own server). */
  email?: string | undefined;
  /** The person's language (`en` or `fr`), if the host app sent a `locale` it recognises. */
  locale?: 'en' | 'fr' | undefined;
  jti: string;
  expiresAt: number;
}

/** A plausible single mailbox: no spaces, no display name, no list (it goes in a To header). */
const EMAIL = /^(?=.{3,254}$)[^\s@<>(),;:"\\]+@[^\s@<>(),;:"\\]+\.[^\s@<>(),;:"\\]+$/;

/** `fr`, `fr-CA`, `en-GB`… → the languages Mutual speaks. */
function localeOf(tag: string): 'en' | 'fr' | undefined {
  const language = tag.toLowerCase().split(/[-_]/)[0];
  return language === 'fr' || language === 'en' ? language : undefined;
}

/**
 * Verifies an embed token: EdDSA or ES256 only, `typ` {@link EMBED_TOKEN_TYPE}, `iss` a configured
 * host app, `aud` this server, `exp`, `iat`, `sub`, `jti` present, age bounded, and `sub` a person
 * of the host app's own organisation.
 */
export function createEmbedTokenVerifier(options: EmbedTokenVerifierOptions) {
  const clock = options.clock ?? systemClock;
  const byIssuer = new Map(options.hostApps.map((app) => [app.issuer, app]));

  return async function verifyEmbedToken(token: string | undefined): Promise<EmbedClaims> {
    const { payload: unverified } = inspectJwt(token, EMBED_TOKEN_PROFILE);
    const app = typeof unverified.iss === 'string' ? byIssuer.get(unverified.iss) : undefined;
    if (!app) throw new TokenError('token_issuer_unknown', 'the issuer is not a configured host app');

    const payload = await verifyJwt(token, {
      profile: EMBED_TOKEN_PROFILE,
      issuer: app.issuer,
      audience: options.audience,
      key: app.keys,
      clock,
    });
    const person = PersonIdSchema.safeParse(payload.sub);
    if (!person.success || domainOf(person.data) !== app.organisation) {
      throw new TokenError('token_subject_invalid', `subject must be a person of ${app.organisation}`);
    }
    if (typeof payload.jti !== 'string' || payload.jti.length === 0 || payload.jti.length > 128) {
      throw new TokenError('token_claim_invalid', '"jti" must be a short string');
    }
    const name = typeof payload.name === 'string' && payload.name.length <= 120 ? payload.name : undefined;
    const email = typeof payload.email === 'string' && EMAIL.test(payload.email) ? payload.email : undefined;
    const locale = typeof payload.locale === 'string' ? localeOf(payload.locale) : undefined;
    return { issuer: app.issuer, person: person.data, name, email, locale, jti: payload.jti, expiresAt: payload.exp! * 1000 };
  };
}

export type EmbedTokenVerifier = ReturnType<typeof createEmbedTokenVerifier>;

export interface SignEmbedTokenOptions {
  issuer: string;
  /** The Mutual server's origin. */
  audience: string;
  person: PersonId;
  name?: string;
  /** The person's e-mail address, for their own server's notifications. */
  email?: string;
  /** The person's language, e.g. `fr` or `en-GB`. */
  locale?: string;
  privateKey: CryptoKey | KeyObject;
  kid: string;
  alg: SigningAlgorithm;
  /** Seconds until expiry; at most {@link MAX_EMBED_TOKEN_AGE_SECONDS}. Default 5 minutes. */
  ttlSeconds?: number;
  clock?: Clock;
}

/** What a host app runs on its server side to vouch for its signed-in user. */
export async function signEmbedToken(options: SignEmbedTokenOptions): Promise<string> {
  const now = Math.floor((options.clock ?? systemClock)() / 1000);
  const ttl = Math.min(options.ttlSeconds ?? 300, MAX_EMBED_TOKEN_AGE_SECONDS);
  const claims = {
    ...(options.name && { name: options.name }),
    ...(options.email && { email: options.email }),
    ...(options.locale && { locale: options.locale }),
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg, typ: EMBED_TOKEN_TYPE, kid: options.kid })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(options.person)
    .setJti(newId())
    .setIssuedAt(now)
    .setExpirationTime(now + ttl)
    .sign(options.privateKey);
}
