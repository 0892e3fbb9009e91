import { expect } from '@open-wc/testing';
import { readTokenSubject, readTokenTimes, TokenSource } from './token-source.js';

const base64url = (value: unknown): string =>
  btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A JWT-shaped string: the client never verifies, it only reads the times. */
function fakeToken(claims: { iat?: number; exp?: number; n?: number; sub?: string }): string {
  return `${base64url({ alg: 'EdDSA', typ: 'mutual-embed+jwt' })}.${base64url(claims)}.c2ln`;
}

describe('TokenSource', () => {
  it('reads exp and iat in milliseconds', () => {
    expect(readTokenTimes(fakeToken({ iat: 100, exp: 400 }))).to.deep.equal({ expiresAt: 400_000, issuedAt: 100_000 });
    expect(readTokenTimes('not a token')).to.equal(undefined);
    expect(readTokenTimes(fakeToken({}))).to.equal(undefined);
  });

  it('keeps a fixed token, even an old one, for the server to judge', async () => {
    const token = fakeToken({ iat: 0, exp: 1 });
    const source = new TokenSource({ token }, { clock: () => 10_000_000 });
    expect(await source.getToken()).to.equal(token);
    expect(source.canRefresh).to.equal(false);
    source.close();
  });

  it('fails with no token and no provider', async () => {
    const source = new TokenSource({});
    let code: unknown;
    try {
      await source.getToken();
    } catch (error) {
      code = (error as { code?: unknown }).code;
    }
    expect(code).to.equal('token_unavailable');
  });

  it('asks the provider again 30 s before expiry, once for concurrent callers', async () => {
    let now = 1_000_000;
    let calls = 0;
    const source = new TokenSource(
      { tokenProvider: async () => fakeToken({ iat: now / 1000, exp: now / 1000 + 300, n: ++calls }) },
      { clock: () => now },
    );
    const [first, second] = await Promise.all([source.getToken(), source.getToken()]);
    expect(first).to.equal(second);
    expect(calls).to.equal(1);

    now += 269_000; // 31 s before expiry: still good
    expect(await source.getToken()).to.equal(first);
    now += 2_000; // 29 s before expiry: time for the next one
    expect(await source.getToken()).not.to.equal(first);
    expect(calls).to.equal(2);
    source.close();
  });

  it('refreshes a short-lived token at half its life, not 30 s early', async () => {
    let now = 1_000_000;
    let calls = 0;
    const source = new TokenSource(
      { tokenProvider: async () => fakeToken({ iat: now / 1000, exp: now / 1000 + 20, n: ++calls }) },
      { clock: () => now },
    );
    const first = await source.getToken();
    now += 9_000;
    expect(await source.getToken()).to.equal(first);
    now += 2_000;
    expect(await source.getToken()).not.to.equal(first);
    source.close();
  });

  it('uses the given token first and the provider afterwards', async () => {
    const now = 1_000_000;
    const token = fakeToken({ iat: now / 1000, exp: now / 1000 + 300 });
    const fresh = fakeToken({ iat: now / 1000, exp: now / 1000 + 600 });
    const source = new TokenSource({ token, tokenProvider: async () => fresh }, { clock: () => now });
    expect(await source.getToken()).to.equal(token);
    expect(await source.refresh()).to.equal(fresh);
    expect(await source.getToken()).to.equal(fresh);
    source.close();
  });

  it('wraps a provider failure', async () => {
    const source = new TokenSource({
      tokenProvider: async () => {
        throw new Error('host is down');
      },
    });
    let code: unknown;
    try {
      await source.getToken();
    } catch (error) {
      code = (error as { code?: unknown }).code;
    }
    expect(code).to.equal('token_unavailable');
    source.close();
  });

  it('gives up on a provider that never answers, and asks again on the next call', async () => {
    let calls = 0;
    const source = new TokenSource(
      {
        tokenProvider: () => {
          calls++;
          return calls === 1 ? new Promise<string>(() => undefined) : Promise.resolve(fakeToken({ exp: Date.now() / 1000 + 600 }));
        },
      },
      { providerTimeoutMs: 50 },
    );
    let failure: { code?: unknown; message?: unknown } | undefined;
    try {
      await source.getToken();
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure?.code).to.equal('token_unavailable');
    expect(String(failure?.message)).to.contain('did not answer');
    expect(await source.getToken(), 'not stuck behind the first call').to.be.a('string');
    expect(calls).to.equal(2);
    source.close();
  });

  it('says when tokens start coming for another person, not on a refresh for the same one', async () => {
    const exp = Date.now() / 1000 + 600;
    let changes = 0;
    const source = new TokenSource({ token: fakeToken({ exp, sub: 'ana@seller.test' }) }, { onSubjectChange: () => changes++ });
    expect(readTokenSubject(fakeToken({ exp, sub: 'ana@seller.test' }))).to.equal('ana@seller.test');
    source.setCredentials({ token: fakeToken({ exp, sub: 'ana@seller.test', n: 2 }) });
    expect(changes, 'a new token for the same person').to.equal(0);
    source.setCredentials({ token: fakeToken({ exp, sub: 'bob@seller.test' }) });
    expect(changes).to.equal(1);
    source.setCredentials({ tokenProvider: async () => fakeToken({ exp, sub: 'carla@buyer.test' }) });
    await source.refresh();
    expect(changes, 'a provider that signs for someone else').to.equal(2);
    source.close();
  });

  it('hands the callers of a refresh begun before new credentials the new credentials’ token', async () => {
    const exp = Date.now() / 1000 + 600;
    let answerOld!: (token: string) => void;
    const source = new TokenSource({ tokenProvider: () => new Promise<string>((resolve) => (answerOld = resolve)) });
    const pending = source.getToken();
    const fresh = fakeToken({ exp, n: 2 });
    source.setCredentials({ token: fresh, tokenProvider: async () => fresh });
    answerOld(fakeToken({ exp, n: 1 }));
    expect(await pending).to.equal(fresh);
    source.close();
  });
});
