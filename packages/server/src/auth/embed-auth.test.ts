import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { base64url, exportSPKI, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { EMBED_TOKEN_TYPE } from '@mutual/protocol';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';

const ANA = 'ana@seller.test';

describe('embed-token authentication over HTTP', () => {
  let org: TestOrganisation;
  const now = () => Math.floor(Date.now() / 1000);

  before(async () => {
    org = await startTestOrganisation();
    await org.admin.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test' });
    await org.admin.addPerson({ id: ANA, name: 'Ana' });
    await org.admin.addMember('acme.plan', ANA);
  });
  after(() => org.close());

  /** A token from the real host-app key, with any header or claim changed. */
  async function craft(changes: { header?: Record<string, unknown>; claims?: JWTPayload; drop?: string[] } = {}) {
    const claims: JWTPayload = {
      iss: org.issuer,
      aud: org.server.config.organisation.origin,
      sub: ANA,
      jti: crypto.randomUUID(),
      iat: now(),
      exp: now() + 300,
      ...changes.claims,
    };
    for (const name of changes.drop ?? []) delete claims[name];
    return new SignJWT(claims)
      .setProtectedHeader({ alg: org.hostKey.alg, typ: EMBED_TOKEN_TYPE, kid: org.hostKey.kid, ...changes.header } as never)
      .sign(org.hostKey.privateKey);
  }

  function unsigned(header: Record<string, unknown>, claims: JWTPayload, signature = '') {
    const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
    return `${encode(header)}.${encode(claims)}.${signature}`;
  }

  async function status(token: string | undefined, init: { scheme?: string; path?: string } = {}) {
    const headers: Record<string, string> = {};
    if (token !== undefined) headers.Authorization = `${init.scheme ?? 'Bearer'} ${token}`;
    const response = await fetch(`${org.url}${init.path ?? '/api/spaces'}`, { headers });
    const body = (await response.json()) as { code?: string; title?: string; detail?: string };
    return { status: response.status, code: body.code, text: JSON.stringify(body), type: response.headers.get('content-type') };
  }

  it('accepts a good token', async () => {
    const result = await status(await craft());
    assert.equal(result.status, 200);
  });

  const cases: Array<[string, () => Promise<string | undefined>, string]> = [
    ['no token', async () => undefined, 'token_missing'],
    [
      'alg none',
      async () => unsigned({ alg: 'none', typ: EMBED_TOKEN_TYPE }, { iss: org.issuer, aud: org.server.config.organisation.origin, sub: ANA, jti: 'x', iat: now(), exp: now() + 60 }),
      'token_alg_not_allowed',
    ],
    [
      'HS256 signed with the public key as secret',
      async () => {
        const { publicKey } = await generateKeyPair('ES256', { extractable: true });
        const pem = await exportSPKI(publicKey);
        const header = base64url.encode(JSON.stringify({ alg: 'HS256', typ: EMBED_TOKEN_TYPE, kid: org.hostKey.kid }));
        const payload = base64url.encode(
          JSON.stringify({ iss: org.issuer, aud: org.server.config.organisation.origin, sub: ANA, jti: 'x', iat: now(), exp: now() + 60 }),
        );
        const mac = createHmac('sha256', pem).update(`${header}.${payload}`).digest('base64url');
        return `${header}.${payload}.${mac}`;
      },
      'token_alg_not_allowed',
    ],
    [
      'an algorithm outside EdDSA and ES256 (ES384)',
      async () => {
        const { privateKey } = await generateKeyPair('ES384');
        return new SignJWT({ sub: ANA, jti: 'x' })
          .setProtectedHeader({ alg: 'ES384', typ: EMBED_TOKEN_TYPE })
          .setIssuer(org.issuer)
          .setAudience(org.server.config.organisation.origin)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(privateKey);
      },
      'token_alg_not_allowed',
    ],
    ['expired', () => craft({ claims: { iat: now() - 600, exp: now() - 120 } }), 'token_expired'],
    ['missing exp', () => craft({ drop: ['exp'] }), 'token_claim_missing'],
    ['missing jti', () => craft({ drop: ['jti'] }), 'token_claim_missing'],
    ['missing sub', () => craft({ drop: ['sub'] }), 'token_claim_missing'],
    ['wrong iss', () => craft({ claims: { iss: 'https://intranet.evil.test' } }), 'token_issuer_unknown'],
    ['wrong aud', () => craft({ claims: { aud: 'https://mutual.other.test' } }), 'token_audience_invalid'],
    ['wrong typ', () => craft({ header: { typ: 'JWT' } }), 'token_type_invalid'],
    ['a jku header', () => craft({ header: { jku: 'http://127.0.0.1:1/keys' } }), 'token_header_forbidden'],
    ['iat in the future beyond tolerance', () => craft({ claims: { iat: now() + 300, exp: now() + 400 } }), 'token_not_yet_valid'],
    ['a lifetime longer than allowed', () => craft({ claims: { exp: now() + 24 * 3600 } }), 'token_too_old'],
    ['a person of another organisation', () => craft({ claims: { sub: 'eve@buyer.test' } }), 'token_subject_invalid'],
    [
      'signed by an unknown key',
      async () => {
        const { privateKey } = await generateKeyPair('EdDSA');
        return new SignJWT({ sub: ANA, jti: 'x' })
          .setProtectedHeader({ alg: 'EdDSA', typ: EMBED_TOKEN_TYPE, kid: org.hostKey.kid })
          .setIssuer(org.issuer)
          .setAudience(org.server.config.organisation.origin)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(privateKey);
      },
      'token_signature_invalid',
    ],
    ['a 20 KB token', async () => `${'a'.repeat(20_000)}.b.c`, 'token_too_large'],
  ];

  for (const [name, make, code] of cases) {
    it(`refuses ${name} with 401 ${code}`, async () => {
      const token = await make();
      const result = await status(token);
      assert.equal(result.status, 401, result.text);
      assert.equal(result.code, code, result.text);
      assert.equal(result.type, 'application/problem+json');
      if (token) {
        assert.ok(!result.text.includes(token), 'the answer never echoes the token');
        const signature = token.split('.')[2] ?? '';
        if (signature.length >= 20) assert.ok(!result.text.includes(signature), 'nor its signature');
      }
    });
  }

  it('refuses a good token under another auth scheme', async () => {
    const result = await status(await craft(), { scheme: 'Basic' });
    assert.equal(result.status, 401);
    assert.equal(result.code, 'token_malformed');
  });

  it('refuses a token it already knows under any other header than exactly Bearer and the token', async () => {
    const token = await craft();
    assert.equal((await status(token)).status, 200);
    // (Trailing white space is not among them: HTTP trims it from header values before we see them.)
    for (const header of [`bearer ${token}`, `Bearer  ${token}`, `Bearer ${token}.`, `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`]) {
      const response = await fetch(`${org.url}/api/spaces`, { headers: { Authorization: header } });
      assert.equal(response.status, 401, header.replace(token, '<token>').replace(token.slice(0, -1), '<token minus one>'));
    }
    assert.equal((await status(token)).status, 200);
  });

  it('ignores a token in the query string', async () => {
    const token = await craft();
    const response = await fetch(`${org.url}/api/spaces?token=${token}&access_token=${token}`);
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { code: string }).code, 'token_missing');
  });
});
