import assert from 'node:assert/strict';
import { createHash, KeyObject } from 'node:crypto';
import { describe, it } from 'node:test';
import { CompactSign, compactVerify, createLocalJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import { sha256Base64url } from '../model/base64url.js';
import { nodeCrypto } from '../platform/node-crypto.js';
import { signMembershipClaim, verifyMembershipClaim } from './membership-claim.js';
import { SERVER_REQUEST_TYPE } from './profiles.js';
import { signServerRequest, verifyServerRequest } from './server-request.js';
import { signCompact } from './sign-compact.js';

const payload = { iss: 'seller.test', eid: 'n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg', grp: 'acme.plan', seq: 42 };
const typ = 'mutual-event-proof+jws';

describe('signCompact (sign-compact.ts)', () => {
  it('runs on Node crypto here', () => assert.ok(nodeCrypto, 'process.getBuiltinModule found node:crypto'));

  it('makes with node:crypto the very bytes jose makes (Ed25519 is deterministic)', async () => {
    const { privateKey } = await generateKeyPair('EdDSA');
    const key = { kid: 'k1', alg: 'EdDSA' as const, key: privateKey };
    const byJose = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', kid: 'k1', typ }).sign(privateKey);
    assert.equal(await signCompact(payload, typ, key), byJose);
    assert.equal(await signCompact(payload, typ, { ...key, key: KeyObject.from(privateKey) }), byJose, 'a KeyObject signs the same');
  });

  it('signs ES256 as JWS wants it (r‖s, not DER): jose verifies it', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const signed = await signCompact(payload, typ, { kid: 'k2', alg: 'ES256', key: privateKey });
    assert.deepEqual(decodeProtectedHeader(signed), { alg: 'ES256', kid: 'k2', typ });
    const { payload: bytes } = await compactVerify(signed, publicKey, { algorithms: ['ES256'] });
    assert.deepEqual(JSON.parse(new TextDecoder().decode(bytes)), payload);
    assert.equal(signed.split('.')[2]!.length, 86, '64 bytes of signature');
  });

  it('hashes with node:crypto as WebCrypto does', async () => {
    for (const text of ['', 'é', 'x'.repeat(100_000)]) {
      const bytes = new TextEncoder().encode(text);
      const web = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('base64url');
      assert.equal(await sha256Base64url(bytes), web);
      assert.equal(web, createHash('sha256').update(bytes).digest('base64url'));
    }
  });

  it('signs server requests and membership claims that the strict verifiers take, with both algorithms', async () => {
    for (const alg of ['EdDSA', 'ES256'] as const) {
      const { privateKey, publicKey } = await generateKeyPair(alg);
      const key = { kid: `k-${alg}`, alg, key: privateKey };
      const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: key.kid, alg }] });
      const body = JSON.stringify({ writes: [] });
      const request = { issuer: 'https://mutual.buyer.test', audience: 'https://mutual.seller.test', method: 'POST', path: '/federation/v1/groups/acme.plan/submit' };
      const token = await signServerRequest({ ...request, body, key });
      assert.deepEqual(decodeProtectedHeader(token), { alg, kid: key.kid, typ: SERVER_REQUEST_TYPE });
      const verified = await verifyServerRequest({ ...request, token, audience: request.audience, body: new TextEncoder().encode(body), keysOf: () => keys });
      assert.equal(verified.issuer, request.issuer);
      await assert.rejects(verifyServerRequest({ ...request, token, body: new TextEncoder().encode(`${body} `), keysOf: () => keys }), /not the one that was signed/);

      const claim = await signMembershipClaim({ issuer: 'https://mutual.seller.test', audience: 'https://mutual.buyer.test', person: 'sofia@buyer.test', group: 'acme.plan', space: 'acme', role: 'member' }, key);
      const checked = await verifyMembershipClaim(claim, { issuer: 'https://mutual.seller.test', audience: 'https://mutual.buyer.test', keys });
      assert.deepEqual([checked.person, checked.group, checked.space, checked.role], ['sofia@buyer.test', 'acme.plan', 'acme', 'member']);
      await assert.rejects(verifyMembershipClaim(claim, { issuer: 'https://mutual.seller.test', audience: 'https://mutual.partner.test', keys }), /addressed to another server/);
    }
  });

  it('refuses a key of another kind than its algorithm, as jose does', async () => {
    const p256 = (await generateKeyPair('ES256')).privateKey;
    const p384 = (await generateKeyPair('ES384')).privateKey;
    const ed25519 = (await generateKeyPair('EdDSA')).privateKey;
    await assert.rejects(signCompact(payload, typ, { kid: 'k', alg: 'EdDSA', key: p256 }), /EdDSA signature needs its own kind/);
    await assert.rejects(signCompact(payload, typ, { kid: 'k', alg: 'ES256', key: p384 }), /ES256 signature needs its own kind/);
    await assert.rejects(signCompact(payload, typ, { kid: 'k', alg: 'ES256', key: ed25519 }), /ES256 signature needs its own kind/);
  });
});
