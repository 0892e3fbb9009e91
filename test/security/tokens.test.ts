// Every bad-token case against both verifiers that face the network: embed tokens on the client
// API and server-request tokens on the federation API. Each is a 401 with its own code, before any
// work: no person recorded, no row changed.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { base64url, exportSPKI, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { bodyHash, EMBED_TOKEN_TYPE, SERVER_REQUEST_TYPE } from '@mutual/protocol';
import { backfillPath, DEAL, startHostileSetup, type HostileSetup } from './support/hostile-setup.js';

interface Profile {
  name: string;
  typ: string;
  /** Claims of a good token of this kind, for `now`. */
  claims(now: number): JWTPayload;
  sign(header: Record<string, unknown>, claims: JWTPayload): Promise<string>;
  /** Presents the token (under a scheme) and returns the status and code. */
  present(token: string | undefined, scheme?: string): Promise<{ status: number; code: string; text: string }>;
  /** What "no work was done" means for this verifier. */
  untouched(): Promise<void>;
  /** Whether presenting the same token twice must fail (single-use tokens). */
  singleUse: boolean;
}

const now = () => Math.floor(Date.now() / 1000);

describe('bad tokens, refused before any work', () => {
  let s: HostileSetup;
  let counter = 0;
  // A fresh person per embed token: if verification let one through, that person would be recorded.
  let person = '';
  let digestBefore: Record<string, string> = {};

  before(async () => {
    s = await startHostileSetup();
  });
  after(() => s?.close());

  const profiles: Profile[] = [
    {
      name: 'embed token (client API)',
      typ: EMBED_TOKEN_TYPE,
      singleUse: false,
      claims: (t) => ({ iss: s.seller.issuer, aud: s.seller.server.config.organisation.origin, sub: person, jti: `j${counter}`, iat: t, exp: t + 300 }),
      sign: (header, claims) => new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', typ: EMBED_TOKEN_TYPE, kid: s.seller.hostKey.kid, ...header } as never).sign(s.seller.hostKey.privateKey),
      async present(token, scheme = 'Bearer') {
        const response = await fetch(`${s.seller.url}/api/me`, { headers: token === undefined ? {} : { Authorization: `${scheme} ${token}` } });
        const text = await response.text();
        return { status: response.status, code: JSON.parse(text).code, text };
      },
      async untouched() {
        assert.equal(await s.seller.server.store.getPerson(person), undefined, 'the person was not recorded');
      },
    },
    {
      name: 'server request (federation API)',
      typ: SERVER_REQUEST_TYPE,
      singleUse: true,
      claims: (t) => ({ iss: s.hostile.origin, aud: s.seller.server.config.organisation.origin, htm: 'GET', htu: backfillPath(`${DEAL}.plan`), bh: '', jti: `j${counter}-${Math.random()}`, iat: t, exp: t + 30 }),
      async sign(header, claims) {
        return new SignJWT({ ...claims, ...(claims.bh === '' && { bh: await bodyHash('') }) })
          .setProtectedHeader({ alg: s.hostile.key.alg, typ: SERVER_REQUEST_TYPE, kid: s.hostile.key.kid, ...header } as never)
          .sign(s.hostile.key.key);
      },
      async present(token, scheme = 'Bearer') {
        const response = await fetch(`${s.seller.url}${backfillPath(`${DEAL}.plan`)}`, { headers: token === undefined ? {} : { Authorization: `${scheme} ${token}` } });
        const text = await response.text();
        return { status: response.status, code: JSON.parse(text).code, text };
      },
      async untouched() {
        assert.deepEqual(s.digest(), digestBefore, 'no row changed, not even the replay memory');
      },
    },
  ];

  const unsigned = (header: Record<string, unknown>, claims: JWTPayload, signature = '') =>
    `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims))}.${signature}`;

  /** Each case makes a token of the profile with one thing wrong; the expected code follows. */
  const cases: Array<[string, (p: Profile) => Promise<string>, string]> = [
    ['alg none', async (p) => unsigned({ alg: 'none', typ: p.typ }, p.claims(now())), 'token_alg_not_allowed'],
    [
      'HS256 keyed with a public key',
      async (p) => {
        const { publicKey } = await generateKeyPair('ES256', { extractable: true });
        const signingInput = `${base64url.encode(JSON.stringify({ alg: 'HS256', typ: p.typ }))}.${base64url.encode(JSON.stringify(p.claims(now())))}`;
        return `${signingInput}.${createHmac('sha256', await exportSPKI(publicKey)).update(signingInput).digest('base64url')}`;
      },
      'token_alg_not_allowed',
    ],
    [
      'RS256, an algorithm not allowed',
      async (p) => {
        const { privateKey } = await generateKeyPair('RS256');
        return new SignJWT(p.claims(now())).setProtectedHeader({ alg: 'RS256', typ: p.typ }).sign(privateKey);
      },
      'token_alg_not_allowed',
    ],
    ['kid holding a path', (p) => p.sign({ kid: '../../../../etc/passwd' }, p.claims(now())), 'token_key_unknown'],
    ['kid holding SQL', (p) => p.sign({ kid: "x' OR '1'='1" }, p.claims(now())), 'token_key_unknown'],
    ['kid naming no known key', (p) => p.sign({ kid: 'retired-2019' }, p.claims(now())), 'token_key_unknown'],
    ['a jku header', (p) => p.sign({ jku: 'http://127.0.0.1:9/jwks.json' }, p.claims(now())), 'token_header_forbidden'],
    ['an x5u header', (p) => p.sign({ x5u: 'http://169.254.169.254/cert.pem' }, p.claims(now())), 'token_header_forbidden'],
    [
      'a jwk header (the token brings its own key)',
      async (p) => {
        const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
        const { exportJWK } = await import('jose');
        return new SignJWT(p.claims(now())).setProtectedHeader({ alg: 'EdDSA', typ: p.typ, jwk: await exportJWK(publicKey) }).sign(privateKey);
      },
      'token_header_forbidden',
    ],
    // jose will not sign an unknown crit; the check runs before any signature is looked at anyway.
    ['a crit header', async (p) => unsigned({ alg: 'EdDSA', typ: p.typ, kid: 'k', crit: ['x-mutual'], 'x-mutual': 1 }, p.claims(now()), 'c2lnbmF0dXJl'), 'token_header_forbidden'],
    ['exp missing', (p) => p.sign({}, { ...p.claims(now()), exp: undefined }), 'token_claim_missing'],
    ['exp in the past', (p) => p.sign({}, { ...p.claims(now() - 600), exp: now() - 120 }), 'token_expired'],
    ['exp zero', (p) => p.sign({}, { ...p.claims(now()), exp: 0 }), 'token_expired'],
    ['exp a string', (p) => p.sign({}, { ...p.claims(now()), exp: String(now() + 30) as never }), 'token_claim_invalid'],
    ['nbf beyond the 60 s tolerance', (p) => p.sign({}, { ...p.claims(now()), nbf: now() + 120 }), 'token_not_yet_valid'],
    ['iat beyond the 60 s tolerance', (p) => p.sign({}, { ...p.claims(now() + 120), exp: now() + 150 }), 'token_not_yet_valid'],
    ['a wrong iss', (p) => p.sign({}, { ...p.claims(now()), iss: 'https://intranet.evil.test' }), 'token_issuer_unknown'],
    ['a wrong aud', (p) => p.sign({}, { ...p.claims(now()), aud: 'http://127.0.0.1:9' }), 'token_audience_invalid'],
    ['two audiences', (p) => p.sign({}, { ...p.claims(now()), aud: [s.seller.server.config.organisation.origin, 'http://127.0.0.1:9'] }), 'token_audience_invalid'],
    ['a wrong typ', (p) => p.sign({ typ: 'JWT' }, p.claims(now())), 'token_type_invalid'],
    ['the typ of another Mutual token', (p) => p.sign({ typ: p.typ === EMBED_TOKEN_TYPE ? SERVER_REQUEST_TYPE : EMBED_TOKEN_TYPE }, p.claims(now())), 'token_type_invalid'],
    ['a 20 KB token', (p) => p.sign({}, { ...p.claims(now()), pad: 'x'.repeat(20_000) }), 'token_too_large'],
    ['three dots of nothing', async () => '..', 'token_malformed'],
  ];

  for (const profile of profiles) {
    describe(profile.name, () => {
      for (const [name, make, code] of cases) {
        it(`refuses ${name}: 401 ${code}`, async () => {
          counter++;
          person = `p${counter}@seller.test`;
          digestBefore = s.digest();
          const token = await make(profile);
          const answer = await profile.present(token);
          assert.equal(answer.status, 401, answer.text);
          assert.equal(answer.code, code, answer.text);
          const signature = token.split('.')[2] ?? '';
          if (signature.length > 16) assert.ok(!answer.text.includes(signature), 'the answer never echoes the token');
          await profile.untouched();
        });
      }

      it('accepts nbf and iat within the 60 s tolerance (the control case)', async () => {
        counter++;
        person = `p${counter}@seller.test`;
        const t = now() + 45;
        const answer = await profile.present(await profile.sign({}, { ...profile.claims(t), nbf: t }));
        assert.equal(answer.status, 200, answer.text);
      });

      it('refuses a good token under another auth scheme', async () => {
        counter++;
        person = `p${counter}@seller.test`;
        digestBefore = s.digest();
        const token = await profile.sign({}, profile.claims(now()));
        for (const scheme of ['Basic', 'Token', 'DPoP']) {
          const answer = await profile.present(token, scheme);
          assert.equal(answer.status, 401, scheme);
          assert.equal(answer.code, 'token_malformed', scheme);
        }
        await profile.untouched();
      });

      it(profile.singleUse ? 'refuses a reused jti' : 'accepts the same embed token again while it lives (a bearer token, not single-use)', async () => {
        counter++;
        person = `p${counter}@seller.test`;
        const token = await profile.sign({}, profile.claims(now()));
        assert.equal((await profile.present(token)).status, 200);
        const again = await profile.present(token);
        if (profile.singleUse) {
          assert.equal(again.status, 401);
          assert.equal(again.code, 'token_replayed');
        } else assert.equal(again.status, 200);
      });
    });
  }

  it('refuses a membership claim presented as an embed token, and an embed token as a server request', async () => {
    const claim = await s.seller.server.federation.deps.claims.claimsFor((await s.seller.server.store.getGroup(`${DEAL}.plan`))!, (await s.seller.server.store.peers.getPeer('hostile.test'))!);
    assert.ok(claim.length > 0);
    const asEmbed = await profiles[0]!.present(claim[0]!);
    assert.equal(asEmbed.status, 401);
    assert.equal(asEmbed.code, 'token_type_invalid');
    const embed = await s.seller.token('sam@seller.test');
    const asRequest = await profiles[1]!.present(embed);
    assert.equal(asRequest.status, 401);
    assert.equal(asRequest.code, 'token_type_invalid');
  });
});
