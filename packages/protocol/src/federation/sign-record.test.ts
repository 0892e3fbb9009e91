import assert from 'node:assert/strict';
import { createHash, KeyObject } from 'node:crypto';
import { describe, it } from 'node:test';
import { CompactSign, compactVerify, decodeProtectedHeader, generateKeyPair } from 'jose';
import { sha256Base64url } from '../model/base64url.js';
import { nodeCrypto } from '../platform/node-crypto.js';
import { signRecord } from './sign-record.js';

const payload = { iss: 'seller.test', eid: 'n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg', grp: 'acme.plan', seq: 42 };
const typ = 'mutual-event-proof+jws';

describe('signRecord (sign-record.ts)', () => {
  it('runs on Node crypto here', () => assert.ok(nodeCrypto, 'process.getBuiltinModule found node:crypto'));

  it('makes with node:crypto the very bytes jose makes (Ed25519 is deterministic)', async () => {
    const { privateKey } = await generateKeyPair('EdDSA');
    const key = { kid: 'k1', alg: 'EdDSA' as const, key: privateKey };
    const byJose = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', kid: 'k1', typ }).sign(privateKey);
    assert.equal(await signRecord(payload, typ, key), byJose);
    assert.equal(await signRecord(payload, typ, { ...key, key: KeyObject.from(privateKey) }), byJose, 'a KeyObject signs the same');
  });

  it('signs ES256 as JWS wants it (r‖s, not DER): jose verifies it', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const signed = await signRecord(payload, typ, { kid: 'k2', alg: 'ES256', key: privateKey });
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
});
