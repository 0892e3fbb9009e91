import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createLocalJWKSet, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { createEmbedTokenVerifier, signEmbedToken, TokenError, type EmbedTokenVerifier, type PersonId } from '@mutual/protocol';
import { cacheVerifiedTokens } from './verified-token-cache.js';

const AUDIENCE = 'https://mutual.seller.test';
const ISSUER = 'https://intranet.seller.test';
const ANA = 'ana@seller.test' as PersonId;

describe('verified-token cache', () => {
  let privateKey: CryptoKey;
  let real: EmbedTokenVerifier;
  let now = Date.parse('2026-03-02T09:00:00Z');
  const clock = () => now;
  /** The real verifier, counting how often it actually runs. */
  let calls = 0;
  const counted: EmbedTokenVerifier = (token) => {
    calls += 1;
    return real(token);
  };
  const sign = (person: PersonId = ANA, ttlSeconds = 300) =>
    signEmbedToken({ issuer: ISSUER, audience: AUDIENCE, person, privateKey, kid: 'k1', alg: 'EdDSA', clock, ttlSeconds });

  before(async () => {
    const pair = await generateKeyPair('EdDSA', { extractable: true });
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'EdDSA' };
    real = createEmbedTokenVerifier({
      audience: AUDIENCE,
      hostApps: [{ issuer: ISSUER, organisation: 'seller.test', keys: createLocalJWKSet({ keys: [jwk] }) }],
      clock,
    });
  });

  it('verifies a token once, then answers from memory with the same claims', async () => {
    calls = 0;
    const verify = cacheVerifiedTokens(counted, { clock });
    const token = await sign();
    const first = await verify(token);
    const second = await verify(token);
    assert.deepEqual(second, first);
    assert.equal(second.person, ANA);
    assert.equal(calls, 1);
  });

  it('never lets a changed token through on the strength of a cached one', async () => {
    const verify = cacheVerifiedTokens(counted, { clock });
    const token = await sign();
    await verify(token);
    const [header, payload, signature] = token.split('.');
    const flipped = signature!.startsWith('A') ? `B${signature!.slice(1)}` : `A${signature!.slice(1)}`;
    await assert.rejects(verify(`${header}.${payload}.${flipped}`), (error: unknown) => error instanceof TokenError && error.code === 'token_signature_invalid');
    await assert.rejects(verify(`${token}x`), TokenError);
  });

  it('does not remember failures: a bad token is checked and refused every time', async () => {
    calls = 0;
    const verify = cacheVerifiedTokens(counted, { clock });
    const token = await sign('eve@buyer.test' as PersonId);
    await assert.rejects(verify(token), (error: unknown) => error instanceof TokenError && error.code === 'token_subject_invalid');
    await assert.rejects(verify(token), (error: unknown) => error instanceof TokenError && error.code === 'token_subject_invalid');
    await assert.rejects(verify(undefined), (error: unknown) => error instanceof TokenError && error.code === 'token_missing');
    assert.equal(calls, 3);
  });

  it('stops using a token at its exp and refuses it as expired', async () => {
    calls = 0;
    const verify = cacheVerifiedTokens(counted, { clock });
    const token = await sign(ANA, 60);
    await verify(token);
    now += 59_000;
    await verify(token);
    assert.equal(calls, 1);
    // Past exp the cache lets go; the verifier refuses it once its 60 s tolerance is over too.
    now += 2_000;
    await verify(token);
    assert.equal(calls, 2, 'an entry is never used at or after exp');
    now += 61_000;
    await assert.rejects(verify(token), (error: unknown) => error instanceof TokenError && error.code === 'token_expired');
    await assert.rejects(verify(token), (error: unknown) => error instanceof TokenError && error.code === 'token_expired');
    assert.equal(calls, 4);
  });

  it('tells at once whether it remembers a token: only a verified one, only before its exp', async () => {
    calls = 0;
    const verify = cacheVerifiedTokens(counted, { clock });
    const token = await sign(ANA, 60);
    assert.equal(verify.remembered(token), undefined, 'never verified');
    const claims = await verify(token);
    assert.deepEqual(verify.remembered(token), claims);
    assert.equal(verify.remembered(`${token}x`), undefined);
    const refused = await sign('eve@buyer.test' as PersonId);
    await assert.rejects(verify(refused), TokenError);
    assert.equal(verify.remembered(refused), undefined, 'a failure is not remembered');
    now += 60_000;
    assert.equal(verify.remembered(token), undefined, 'not at or after exp');
    assert.equal(calls, 2);
  });

  it('is bounded, forgetting the least recently used token first', async () => {
    calls = 0;
    const verify = cacheVerifiedTokens(counted, { clock, maxEntries: 2 });
    const [a, b, c] = await Promise.all([sign(), sign(), sign()]);
    await verify(a!);
    await verify(b!);
    await verify(a!); // a is now the most recent
    await verify(c!); // evicts b
    assert.equal(calls, 3);
    await verify(a!);
    await verify(c!);
    assert.equal(calls, 3);
    await verify(b!);
    assert.equal(calls, 4);
  });
});
