import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { TokenError } from '../errors.js';
import { createEmbedTokenVerifier, EMBED_TOKEN_TYPE, signEmbedToken } from './embed-token.js';

const ISSUER = 'https://intranet.seller.test';
const AUDIENCE = 'https://mutual.seller.test';
const T0 = Date.parse('2027-01-01T10:00:00Z');

async function setup(alg: 'EdDSA' | 'ES256') {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg };
  let now = T0;
  const verify = createEmbedTokenVerifier({
    audience: AUDIENCE,
    hostApps: [{ issuer: ISSUER, organisation: 'seller.test', keys: createLocalJWKSet({ keys: [jwk] }) }],
    clock: () => now,
  });
  const sign = (ttlSeconds = 300) =>
    signEmbedToken({ issuer: ISSUER, audience: AUDIENCE, person: 'ana@seller.test', name: 'Ana', privateKey, kid: 'k1', alg, ttlSeconds, clock: () => T0 });
  return { verify, sign, privateKey, setNow: (value: number) => (now = value) };
}

async function rejects(promise: Promise<unknown>, code: string) {
  await assert.rejects(promise, (error: unknown) => error instanceof TokenError && error.code === code);
}

describe('embed tokens', () => {
  for (const alg of ['EdDSA', 'ES256'] as const) {
    it(`round-trips with ${alg}`, async () => {
      const { verify, sign } = await setup(alg);
      const claims = await verify(await sign());
      assert.equal(claims.person, 'ana@seller.test');
      assert.equal(claims.name, 'Ana');
      assert.equal(claims.issuer, ISSUER);
      assert.equal(claims.expiresAt, T0 + 300_000);
    });
  }

  it('accepts up to 60 s of clock skew and no more', async () => {
    const { verify, sign, setNow } = await setup('EdDSA');
    const token = await sign(60);
    setNow(T0 + 60_000 + 59_000);
    await verify(token);
    setNow(T0 + 60_000 + 61_000);
    await rejects(verify(token), 'token_expired');
    setNow(T0 - 59_000);
    await verify(token);
    setNow(T0 - 61_000);
    await rejects(verify(token), 'token_not_yet_valid');
  });

  it('caps the lifetime a host app may give', async () => {
    const { verify, privateKey } = await setup('EdDSA');
    const long = await new SignJWT({ sub: 'ana@seller.test', jti: 'j' })
      .setProtectedHeader({ alg: 'EdDSA', typ: EMBED_TOKEN_TYPE, kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(T0 / 1000)
      .setExpirationTime(T0 / 1000 + 3600)
      .sign(privateKey);
    await rejects(verify(long), 'token_too_old');
  });

  it('never puts the token in an error message', async () => {
    const { verify, sign, setNow } = await setup('EdDSA');
    const token = await sign(60);
    setNow(T0 + 3_600_000);
    try {
      await verify(token);
      assert.fail('should have thrown');
    } catch (error) {
      const text = `${(error as Error).message} ${JSON.stringify(error)} ${String((error as Error).stack)}`;
      assert.ok(!text.includes(token));
      assert.ok(!text.includes(token.split('.')[2]!));
    }
  });
});
