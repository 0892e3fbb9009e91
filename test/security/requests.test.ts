// Server-to-server requests from a hostile peer: each one altered in a single way, each refused
// with its own code before any work, and the receiver's database unchanged afterwards.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { generateKeyPair, importJWK, SignJWT, type CryptoKey } from 'jose';
import { EMBED_TOKEN_TYPE, signServerRequest, type SigningKey } from '@mutual/protocol';
import { generateKeys, parseConfig, startServer, type RunningServer } from '@mutual/server';
import { HostilePeer } from '../support/hostile-peer.js';
import { backfillPath, DEAL, startHostileSetup, type HostileSetup } from './support/hostile-setup.js';

describe('server requests from a hostile peer', () => {
  let s: HostileSetup;
  const plan = `${DEAL}.plan`;

  before(async () => {
    s = await startHostileSetup();
  });
  after(() => s?.close());

  /** Sends, expects the status and code, and checks that the seller's database did not change. */
  async function refused(request: Parameters<HostilePeer['send']>[1], status: number, code: string, peer: HostilePeer = s.hostile) {
    // An authenticated request's id is remembered against replay even when its body is refused.
    const replayMemory = ({ seen_requests: _, ...rest }: Record<string, string>) => (status === 401 ? { seen_requests: _, ...rest } : rest);
    const before = replayMemory(s.digest());
    const answer = await peer.send(s.seller, request);
    assert.equal(answer.status, status, JSON.stringify(answer.body));
    assert.equal(answer.body.code, code, JSON.stringify(answer.body));
    if (answer.token) assert.ok(!JSON.stringify(answer.body).includes(answer.token.split('.')[2]!), 'the answer never echoes the token');
    assert.deepEqual(replayMemory(s.digest()), before, 'nothing changed on the receiver');
    return answer;
  }

  it('serves a well-signed backfill of a group the peer is in (the control case)', async () => {
    const answer = await s.hostile.send(s.seller, { path: backfillPath(plan) });
    assert.equal(answer.status, 200);
    assert.ok(answer.body.events.length > 0);
  });

  it('refuses an unsigned request', async () => void await refused({ path: backfillPath(plan), token: null }, 401, 'token_missing'));

  it('refuses a request addressed to another server', async () => void await refused({ path: backfillPath(plan), audience: 'http://127.0.0.1:9' }, 401, 'token_audience_invalid'));

  it('refuses a body altered after signing', async () => {
    const delivery = { space: {}, group: {}, events: [], people: [], claims: [] };
    await refused({ path: `/federation/v1/groups/${plan}/events`, body: delivery, signedBody: { ...delivery, people: [1] } }, 401, 'token_claim_invalid');
  });

  it('refuses a request signed for another path, another method or another query', async () => {
    await refused({ path: backfillPath(plan), signedPath: backfillPath(`${DEAL}.proof`) }, 401, 'token_claim_invalid');
    await refused({ path: backfillPath(plan, 5), signedPath: backfillPath(plan, 0) }, 401, 'token_claim_invalid');
    await refused({ method: 'POST', path: `/federation/v1/groups/${plan}/submit`, body: { writes: [] }, signedMethod: 'GET' }, 401, 'token_claim_invalid');
  });

  it('refuses a delivery whose URL group is not the body’s group', async () => {
    const space = (await s.seller.server.store.getSpace(DEAL))!;
    const hostileGroup = { id: `${DEAL}.hostile-ws`, space: DEAL, kind: 'workstream' as const, workstream: 'hostile-ws', name: 'H', home: 'hostile.test' };
    await refused({ path: `/federation/v1/groups/${DEAL}.other/events`, body: { space, group: hostileGroup, events: [], people: [], claims: [] } }, 400, 'invalid_request');
  });

  it('refuses a replayed request, even a GET that changes nothing', async () => {
    const first = await s.hostile.send(s.seller, { path: backfillPath(plan) });
    assert.equal(first.status, 200);
    await refused({ path: backfillPath(plan), token: first.token! }, 401, 'token_replayed');
  });

  it('refuses a key the receiver never pinned: an unknown kid, or the right kid with another key', async () => {
    const { privateKey } = await generateKeyPair('EdDSA');
    await refused({ path: backfillPath(plan), key: { kid: 'never-pinned', alg: 'EdDSA', key: privateKey } }, 401, 'token_key_unknown');
    await refused({ path: backfillPath(plan), key: { kid: s.hostile.key.kid, alg: 'EdDSA', key: privateKey } }, 401, 'token_signature_invalid');
    // The pinned key with another algorithm's header: no key of that type matches.
    const es = await generateKeyPair('ES256');
    await refused({ path: backfillPath(plan), key: { kid: s.hostile.key.kid, alg: 'ES256', key: es.privateKey } }, 401, 'token_key_unknown');
  });

  it('refuses a peer once disconnected: its pinned key is gone with it', async () => {
    const gone = await HostilePeer.start('gone.test');
    try {
      assert.equal((await gone.peerWith(s.seller)).status, 200);
      assert.equal((await gone.send(s.seller, { path: backfillPath(plan) })).status, 403, 'a peer, but with no member in the group');
      await s.seller.server.store.peers.removePeer('gone.test');
      s.seller.server.federation.deps.directory.invalidate();
      await refused({ path: backfillPath(plan) }, 401, 'token_issuer_unknown', gone);
    } finally {
      await gone.close();
    }
  });

  it('refuses a token that is already expired, or one issued too far ahead', async () => {
    await refused({ path: backfillPath(plan), clock: () => Date.now() - 10 * 60_000 }, 401, 'token_expired');
    await refused({ path: backfillPath(plan), clock: () => Date.now() + 5 * 60_000 }, 401, 'token_not_yet_valid');
  });

  it('refuses a body over 2 MiB with 413 before reading a token', async () => {
    const huge = JSON.stringify({ writes: [], pad: 'x'.repeat(2 * 1024 * 1024 + 10) });
    await refused({ method: 'POST', path: `/federation/v1/groups/${plan}/submit`, body: huge, token: null }, 413, 'body_too_large');
  });

  it('refuses a signed body that is not JSON, or not the schema', async () => {
    await refused({ method: 'POST', path: `/federation/v1/groups/${plan}/submit`, body: '{"writes": [' }, 400, 'invalid_request');
    await refused({ method: 'POST', path: `/federation/v1/groups/${plan}/submit`, body: { writes: 'everything' } }, 400, 'invalid_request');
    await refused({ method: 'POST', path: '/federation/v1/keys', body: { jwks: { keys: [] } } }, 400, 'invalid_request');
  });

  it('changes nothing when a request is cut in the middle of its body', async () => {
    const before = s.digest();
    const body = JSON.stringify({ writes: [] });
    const token = await signServerRequest({ issuer: s.hostile.origin, audience: s.seller.url, method: 'POST', path: `/federation/v1/groups/${plan}/submit`, body, key: s.hostile.key });
    const port = Number(new URL(s.seller.url).port);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST /federation/v1/groups/${plan}/submit HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${body.length + 500}\r\n\r\n${body}`);
        socket.end();
      });
      let text = '';
      socket.on('data', (chunk) => (text += chunk));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    assert.doesNotMatch(answer, /^HTTP\/1\.1 2/, 'a truncated request is never acknowledged');
    assert.deepEqual(s.digest(), before);
  });

  it('keeps answering others while a peer holds many connections open with half-sent headers', async () => {
    const port = Number(new URL(s.seller.url).port);
    const sockets = await Promise.all(
      Array.from({ length: 50 }, () => new Promise<ReturnType<typeof connect>>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write('POST /federation/v1/groups/deal.plan/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n');
          resolve(socket);
        });
        socket.on('error', () => {});
      })),
    );
    try {
      const started = Date.now();
      const answer = await s.hostile.send(s.seller, { path: backfillPath(plan) });
      assert.equal(answer.status, 200);
      assert.ok(Date.now() - started < 2_000, 'a well-behaved request is not starved');
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  });
});

describe('host-app keys fetched from a URL', () => {
  let jwksServer: Server;
  let server: RunningServer;
  let redirectTargetHits = 0;
  let hostKey: SigningKey;
  const issuer = 'https://intranet.seller.test';

  before(async () => {
    const keys = await generateKeys('EdDSA');
    hostKey = { kid: keys.kid, alg: 'EdDSA', key: (await importJWK(keys.privateJwk, 'EdDSA')) as CryptoKey };
    // The "JWKS URL" redirects to another loopback address that does serve the real keys: a
    // verifier that followed redirects would accept the token; ours must not.
    jwksServer = createServer((request, response) => {
      if (request.url === '/real-keys') {
        redirectTargetHits++;
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(keys.publicJwks));
        return;
      }
      response.writeHead(302, { Location: `http://localhost:${(jwksServer.address() as AddressInfo).port}/real-keys` });
      response.end();
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const port = (jwksServer.address() as AddressInfo).port;
    server = await startServer(
      parseConfig({
        organisation: { domain: 'seller.test', name: 'Seller' },
        listen: { host: '127.0.0.1', port: 0 },
        database: { file: ':memory:' },
        hostApps: [{ issuer, jwksUrl: `http://127.0.0.1:${port}/jwks.json`, origins: ['http://127.0.0.1:9'] }],
      }),
    );
  });
  after(async () => {
    await server?.close();
    await new Promise<void>((resolve) => jwksServer?.close(() => resolve()));
  });

  it('does not follow a redirect from the JWKS URL (to loopback, link-local or anywhere): 401, and the target is never asked', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ sub: 'ana@seller.test', jti: 'redirect-case', iss: issuer, aud: server.config.organisation.origin, iat: now, exp: now + 300 })
      .setProtectedHeader({ alg: 'EdDSA', typ: EMBED_TOKEN_TYPE, kid: hostKey.kid })
      .sign(hostKey.key);
    const response = await fetch(`${server.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { code: string };
    assert.equal(response.status, 401);
    assert.equal(body.code, 'token_key_unknown');
    assert.equal(redirectTargetHits, 0, 'the redirect was not followed');
    assert.equal(await server.store.getPerson('ana@seller.test'), undefined, 'no side effect: the person was not recorded');
  });

  it('never fetches keys from a URL a token names (jku, x5u) — the header alone is refused', async () => {
    for (const header of [{ jku: `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/real-keys` }, { x5u: 'http://169.254.169.254/latest' }]) {
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({ sub: 'ana@seller.test', jti: 'x', iss: issuer, aud: server.config.organisation.origin, iat: now, exp: now + 300 })
        .setProtectedHeader({ alg: 'EdDSA', typ: EMBED_TOKEN_TYPE, kid: hostKey.kid, ...header } as never)
        .sign(hostKey.key);
      const response = await fetch(`${server.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(response.status, 401);
      assert.equal(((await response.json()) as { code: string }).code, 'token_header_forbidden');
    }
    assert.equal(redirectTargetHits, 0);
  });
});

