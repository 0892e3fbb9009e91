// The attack cases of docs/federation.md, each against real servers: nothing gets through, and
// nothing changes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateKeyPair, importJWK, type CryptoKey } from 'jose';
import { generateKeys } from '@mutual/server';
import { acceptInvitation, createInvitation } from '@mutual/server/testing';
import { eventId, signEventProof, signServerRequest, type Delivery, type SigningKey } from '@mutual/protocol';
import { apiAs } from '../support/api-client.js';
import { group, PEOPLE, settle, SPACE, startFederation, type Federation } from '../support/federation-fixture.js';

describe('a hostile or confused peer', () => {
  let f: Federation;
  let buyerKey: SigningKey;

  before(async () => {
    f = await startFederation();
    buyerKey = await f.buyer.server.federation.deps.keys.signingKey();
  });
  after(() => f?.close());

  interface Send {
    method?: 'GET' | 'POST';
    path: string;
    body?: unknown;
    /** What is signed, when it differs from what is sent. */
    signedBody?: unknown;
    key?: SigningKey;
    issuer?: string;
    audience?: string;
    token?: string | null;
  }

  /** Sends a request to the seller as the buyer's server would, with any part of it altered. */
  async function send({ method = 'POST', path, body, signedBody, key = buyerKey, issuer = f.buyer.url, audience = f.seller.url, token }: Send) {
    const text = body === undefined ? '' : JSON.stringify(body);
    const signedText = signedBody === undefined ? text : JSON.stringify(signedBody);
    const auth = token === null ? undefined : (token ?? (await signServerRequest({ issuer, audience, method, path, body: signedText, key })));
    const response = await fetch(`${f.seller.url}${path}`, {
      method,
      headers: { ...(auth && { Authorization: `Bearer ${auth}` }), 'Content-Type': 'application/json' },
      ...(method === 'POST' && { body: text }),
    });
    return { status: response.status, body: (await response.json()) as any, token: auth };
  }

  const backfill = (slug: string) => `/federation/v1/groups/${group(slug)}/events?after=0&limit=10`;

  it('serves backfill of a group the peer has members in', async () => {
    const answer = await send({ method: 'GET', path: backfill('steering') });
    assert.equal(answer.status, 200);
    assert.ok(answer.body.events.length > 0);
  });

  it('refuses an unsigned request', async () => {
    const answer = await send({ method: 'GET', path: backfill('steering'), token: null });
    assert.equal(answer.status, 401);
    assert.equal(answer.body.code, 'token_missing');
  });

  it('refuses a request addressed to another server', async () => {
    const answer = await send({ method: 'GET', path: backfill('steering'), audience: f.partner.url });
    assert.equal(answer.status, 401);
    assert.equal(answer.body.code, 'token_audience_invalid');
  });

  it('refuses a request replayed', async () => {
    const first = await send({ method: 'GET', path: backfill('steering') });
    assert.equal(first.status, 200);
    const again = await send({ method: 'GET', path: backfill('steering'), token: first.token! });
    assert.equal(again.status, 401);
    assert.equal(again.body.code, 'token_replayed');
  });

  it('takes a submission once when the same signed request arrives twice at once, and refuses it after', async () => {
    // The replay record is stored with the append it authorises (one commit): both copies must
    // still not both get through.
    await settle([f.seller, f.buyer]);
    const path = `/federation/v1/groups/${group('proof')}/submit`;
    const claim = (await f.buyer.server.store.peers.getClaim(group('proof'), PEOPLE.sofia))?.token;
    assert.ok(claim, 'the buyer holds a claim for Sofia');
    const text = `twice at once ${Date.now()}`;
    const draft = { space: SPACE, group: group('proof'), type: 'post', author: PEOPLE.sofia, at: new Date().toISOString(), body: { text } };
    const body = { writes: [{ draft, claim, author: { id: PEOPLE.sofia, name: 'Sofia', organisation: 'buyer.test' } }] };
    const token = await signServerRequest({ issuer: f.buyer.url, audience: f.seller.url, method: 'POST', path, body: JSON.stringify(body), key: buyerKey });
    const both = await Promise.all([send({ path, body, token }), send({ path, body, token })]);
    assert.deepEqual(both.map((answer) => answer.status).sort(), [200, 401]);
    assert.equal(both.find((answer) => answer.status === 401)!.body.code, 'token_replayed');
    assert.equal(both.find((answer) => answer.status === 200)!.body.results[0].error, undefined);
    const later = await send({ path, body, token });
    assert.equal(later.status, 401);
    assert.equal(later.body.code, 'token_replayed');
    const posts = (await f.seller.server.store.sealedAfter(group('proof'), 0, 1000)).filter(({ event }) => (event.body as { text?: string }).text === text);
    assert.equal(posts.length, 1);
  });

  it('remembers a submission whose every write was refused: its replay is refused too', async () => {
    const path = `/federation/v1/groups/${group('proof')}/submit`;
    const draft = { space: SPACE, group: group('proof'), type: 'post', author: PEOPLE.sofia, at: new Date().toISOString(), body: { text: 'with a bad claim' } };
    const body = { writes: [{ draft, claim: 'not-a-claim', author: { id: PEOPLE.sofia, name: 'Sofia', organisation: 'buyer.test' } }] };
    const first = await send({ path, body });
    assert.equal(first.status, 200);
    assert.ok(first.body.results[0].error, 'the write was refused');
    const again = await send({ path, body, token: first.token! });
    assert.equal(again.status, 401);
    assert.equal(again.body.code, 'token_replayed');
  });

  it('refuses a body altered after signing, and a request signed for another path', async () => {
    const path = `/federation/v1/groups/${group('proof')}/submit`;
    const draft = { space: SPACE, group: group('proof'), type: 'post', author: PEOPLE.sofia, at: new Date().toISOString(), body: { text: 'original' } };
    const write = (text: string) => ({ writes: [{ draft: { ...draft, body: { text } }, claim: 'x', author: { id: PEOPLE.sofia, name: 'Sofia', organisation: 'buyer.test' } }] });
    const altered = await send({ path, body: write('altered'), signedBody: write('original') });
    assert.equal(altered.status, 401);
    assert.equal(altered.body.code, 'token_claim_invalid');
    const token = await signServerRequest({ issuer: f.buyer.url, audience: f.seller.url, method: 'GET', path: backfill('plan'), body: '', key: buyerKey });
    const elsewhere = await send({ method: 'GET', path: backfill('steering'), token });
    assert.equal(elsewhere.status, 401);
    assert.equal(elsewhere.body.code, 'token_claim_invalid');
  });

  it('refuses a key it never pinned, and a sender that is not a peer', async () => {
    const { privateKey } = await generateKeyPair('EdDSA');
    const stranger: SigningKey = { kid: buyerKey.kid, alg: 'EdDSA', key: privateKey };
    const wrongKey = await send({ method: 'GET', path: backfill('steering'), key: stranger });
    assert.equal(wrongKey.status, 401);
    assert.equal(wrongKey.body.code, 'token_signature_invalid');
    const notPeer = await send({ method: 'GET', path: backfill('steering'), key: stranger, issuer: 'http://127.0.0.1:1' });
    assert.equal(notPeer.status, 401);
    assert.equal(notPeer.body.code, 'token_issuer_unknown');
  });

  it('refuses an embed token or a membership claim in place of a server request', async () => {
    const embed = await f.seller.token(PEOPLE.sam);
    const asEmbed = await send({ method: 'GET', path: backfill('steering'), token: embed });
    assert.equal(asEmbed.status, 401);
    assert.equal(asEmbed.body.code, 'token_type_invalid');
    const claim = (await f.buyer.server.store.peers.getClaim(group('steering'), PEOPLE.dana))!.token;
    const asClaim = await send({ method: 'GET', path: backfill('steering'), token: claim });
    assert.equal(asClaim.status, 401);
    assert.equal(asClaim.body.code, 'token_type_invalid');
    // And the reverse: a server request is no embed token.
    const request = await signServerRequest({ issuer: f.buyer.url, audience: f.seller.url, method: 'GET', path: '/api/spaces', body: '', key: buyerKey });
    const asApi = await fetch(`${f.seller.url}/api/spaces`, { headers: { Authorization: `Bearer ${request}` } });
    assert.equal(asApi.status, 401);
    assert.equal(((await asApi.json()) as any).code, 'token_type_invalid');
  });

  it('refuses backfill, claims and submissions for a group the peer has no member in', async () => {
    for (const slug of ['internal', 'contract']) {
      const answer = await send({ method: 'GET', path: backfill(slug) });
      assert.equal(answer.status, 403, slug);
      assert.equal(answer.body.code, 'not_a_member');
      const claims = await send({ method: 'GET', path: `/federation/v1/groups/${group(slug)}/claims` });
      assert.equal(claims.status, 403);
    }
    const unknown = await send({ method: 'GET', path: '/federation/v1/groups/acme.nothing/events?after=0' });
    assert.equal(unknown.status, 403);
  });

  it('rejects a write whose author is not a person of the signing server', async () => {
    const claim = (await f.buyer.server.store.peers.getClaim(group('proof'), PEOPLE.sofia))!.token;
    const forged = {
      writes: [
        {
          draft: { space: SPACE, group: group('proof'), type: 'post', author: PEOPLE.sam, at: new Date().toISOString(), body: { text: 'Discount approved (forged)' } },
          claim,
          author: { id: PEOPLE.sam, name: 'Sam', organisation: 'seller.test' },
        },
      ],
    };
    const answer = await send({ path: `/federation/v1/groups/${group('proof')}/submit`, body: forged });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.results[0].error.code, 'forbidden');
    const feed = await apiAs(f.seller, PEOPLE.sam).get(`/groups/${group('proof')}/posts`);
    assert.ok(!feed.body.posts.some((p: any) => p.text.includes('forged')));
  });

  it('rejects a write with another person’s claim, or a claim the home did not sign', async () => {
    const danaClaim = (await f.buyer.server.store.peers.getClaim(group('plan'), PEOPLE.dana))!.token;
    const draft = { space: SPACE, group: group('plan'), type: 'post', author: PEOPLE.ivan, at: new Date().toISOString(), body: { text: 'with Dana’s claim' } };
    const author = { id: PEOPLE.ivan, name: 'Ivan', organisation: 'buyer.test' };
    const other = await send({ path: `/federation/v1/groups/${group('plan')}/submit`, body: { writes: [{ draft, claim: danaClaim, author }] } });
    assert.equal(other.body.results[0].error.code, 'forbidden');
    const selfMade = await send({ path: `/federation/v1/groups/${group('plan')}/submit`, body: { writes: [{ draft, claim: 'not.a.claim', author }] } });
    assert.match(selfMade.body.results[0].error.code, /^token_/);
  });

  it('verifies a claim again for each peer that presents it: one the home remembers for the buyer is refused from the partner', async () => {
    const claim = (await f.buyer.server.store.peers.getClaim(group('proof'), PEOPLE.sofia))!.token;
    const write = (author: string, organisation: string, text: string) => ({
      writes: [{ draft: { space: SPACE, group: group('proof'), type: 'post', author, at: new Date().toISOString(), body: { text } }, claim, author: { id: author, name: author, organisation } }],
    });
    // The buyer presents it twice: the second time the home answers from what it remembers.
    for (const text of ['Claim checked once', 'Claim remembered']) {
      const answer = await send({ path: `/federation/v1/groups/${group('proof')}/submit`, body: write(PEOPLE.sofia, 'buyer.test', text) });
      assert.equal(answer.body.results[0].error, undefined, text);
    }
    // The partner, a peer too, presents the same token for its own person: verified for the
    // partner (the claim is for the buyer), not taken from what the buyer's use left behind.
    const partnerKey = await f.partner.server.federation.deps.keys.signingKey();
    const stolen = await send({ path: `/federation/v1/groups/${group('proof')}/submit`, body: write(PEOPLE.paul, 'partner.test', 'With Sofia’s claim'), key: partnerKey, issuer: f.partner.url });
    assert.equal(stolen.status, 200);
    assert.match(stolen.body.results[0].error.code, /^token_/);
    const feed = await apiAs(f.seller, PEOPLE.sam).get(`/groups/${group('proof')}/posts`);
    assert.ok(!feed.body.posts.some((p: any) => p.text.includes('Sofia’s claim')));
  });

  it('refuses deliveries for a group from a server that is not its home', async () => {
    const space = (await f.seller.server.store.getSpace(SPACE))!;
    const plan = (await f.seller.server.store.getGroup(group('plan')))!;
    const takeover: Delivery = { space, group: { ...plan, home: 'buyer.test' }, events: [], people: [], claims: [] };
    const answer = await send({ path: `/federation/v1/groups/${group('plan')}/events`, body: takeover });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.code, 'not_home');
    const mismatch = await send({ path: `/federation/v1/groups/${group('proof')}/events`, body: { ...takeover, group: { ...plan, id: group('steering'), home: 'buyer.test' } } });
    assert.equal(mismatch.status, 400);
  });

  it('does not apply events whose proof was not made by the home', async () => {
    // The buyer homes a group shared with the seller, then tries to slip in an event signed by a key the seller never pinned.
    await f.buyer.admin.createGroup({ id: 'acme.review', space: SPACE, kind: 'workstream', workstream: 'review', name: 'Review' });
    await f.buyer.admin.addMember('acme.review', PEOPLE.sam);
    await settle([f.seller, f.buyer, f.partner]);
    const review = (await f.seller.server.store.getGroup('acme.review'))!;
    const space = (await f.seller.server.store.getSpace(SPACE))!;
    const seq = (await f.seller.server.store.lastSeq('acme.review')) + 1;
    const draft = { space: SPACE, group: 'acme.review', type: 'post' as const, author: PEOPLE.dana, at: new Date().toISOString(), body: { text: 'unsigned truth' } };
    const event = { ...draft, id: await eventId(draft), seq };
    const { privateKey } = await generateKeyPair('EdDSA');
    const proof = await signEventProof(event, 'buyer.test', { kid: buyerKey.kid, alg: 'EdDSA', key: privateKey });
    const answer = await send({ path: '/federation/v1/groups/acme.review/events', body: { space, group: review, events: [{ event, proof }], people: [], claims: [] } });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.applied, seq - 1, 'nothing was applied');
    const tampered = { ...event, body: { text: 'edited after sealing' } };
    const realProof = await signEventProof(event, 'buyer.test', buyerKey);
    const second = await send({ path: '/federation/v1/groups/acme.review/events', body: { space, group: review, events: [{ event: tampered, proof: realProof }], people: [], claims: [] } });
    assert.equal(second.body.applied, seq - 1, 'a body that does not match its id is not applied');
  });

  it('normalises a draft before placing it, so every receiver derives the same id', async () => {
    const claim = (await f.buyer.server.store.peers.getClaim(group('proof'), PEOPLE.sofia))!.token;
    const draft = { space: SPACE, group: group('proof'), type: 'post', author: PEOPLE.sofia, at: new Date().toISOString(), body: { text: '   padded finding   ', extra: 'dropped' } };
    const answer = await send({ path: `/federation/v1/groups/${group('proof')}/submit`, body: { writes: [{ draft, claim, author: { id: PEOPLE.sofia, name: 'Sofia', organisation: 'buyer.test' } }] } });
    assert.equal(answer.status, 200);
    assert.ok(answer.body.results[0].seq, JSON.stringify(answer.body));
    await settle([f.seller, f.buyer, f.partner]);
    for (const org of [f.seller, f.buyer, f.partner]) {
      const events = await org.server.store.eventsAfter([group('proof')], 0, 1000);
      const placed = events.find((e) => e.event.id === answer.body.results[0].id);
      assert.deepEqual(placed?.event.body, { text: 'padded finding' }, org.domain);
    }
  });

  it('never lets an invitation replace a peer already pinned', async () => {
    const { token } = await createInvitation(f.seller.server.federation.deps);
    // The partner is a peer already: its own server refuses to accept again…
    await assert.rejects(acceptInvitation(f.partner.server.federation.deps, token), (error: any) => error.code === 'conflict');
    // …and a stranger presenting the buyer's domain with its own origin and keys is refused by the seller.
    const keys = await generateKeys('EdDSA');
    const body = { invitation: token, domain: 'buyer.test', name: 'Not the buyer', origin: 'http://127.0.0.1:1', jwks: keys.publicJwks };
    const key = { kid: keys.kid, alg: 'EdDSA' as const, key: (await importJWK(keys.privateJwk, 'EdDSA')) as CryptoKey };
    const tokenHeader = await signServerRequest({ issuer: body.origin, audience: f.seller.url, method: 'POST', path: '/federation/v1/peering/accept', body: JSON.stringify(body), key });
    const response = await fetch(`${f.seller.url}/federation/v1/peering/accept`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokenHeader}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 409);
    assert.equal((await f.seller.server.store.peers.getPeer('buyer.test'))!.origin, f.buyer.url, 'the pinned buyer is untouched');
  });
});
