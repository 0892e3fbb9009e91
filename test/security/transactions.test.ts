// Batches from a hostile peer: too many or too large, one bad item among good ones, a backfill
// answer smuggling another group's events, events out of order or repeated.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateKeyPair } from 'jose';
import { MAX_EVENTS_PER_REQUEST } from '@mutual/protocol';
import { eventually } from '../support/eventually.js';
import { DEAL, EVE, hostileHome, HOSTILE_GROUP, SAM, startHostileSetup, type HostileSetup } from './support/hostile-setup.js';

describe('transactions from a hostile peer', () => {
  let s: HostileSetup;
  let home: ReturnType<typeof hostileHome>;
  const proof = `${DEAL}.proof`;
  let eveClaim: string;
  const write = (text: string, author = EVE) => ({
    draft: { space: DEAL, group: proof, type: 'post', author, at: new Date().toISOString(), body: { text } },
    claim: eveClaim,
    author: { id: author, name: 'Eve', organisation: author.split('@')[1] },
  });
  const texts = async () => JSON.stringify(await s.seller.server.store.feedPage({ group: proof, viewer: SAM, limit: 200 }));

  before(async () => {
    s = await startHostileSetup();
    home = hostileHome(s);
    const claims = await s.hostile.send(s.seller, { path: `/federation/v1/groups/${proof}/claims` });
    eveClaim = claims.body.claims.find((c: string) => JSON.parse(Buffer.from(c.split('.')[1]!, 'base64url').toString()).sub === EVE);
  });
  after(() => s?.close());

  it('refuses more writes or events than a request may carry: 413, nothing placed', async () => {
    const before = await s.seller.server.store.lastSeq(proof);
    const many = await s.hostile.send(s.seller, { path: `/federation/v1/groups/${proof}/submit`, body: { writes: Array.from({ length: MAX_EVENTS_PER_REQUEST + 1 }, (_, i) => write(`flood ${i}`)) } });
    assert.equal(many.status, 413, JSON.stringify(many.body).slice(0, 200));
    assert.equal(many.body.code, 'body_too_large');
    const events = Array.from({ length: MAX_EVENTS_PER_REQUEST + 1 }, () => ({ event: {}, proof: 'x' }));
    const delivery = await home.deliver(events);
    assert.equal(delivery.status, 413);
    assert.equal(await s.seller.server.store.lastSeq(proof), before);
  });

  it('refuses an oversized event with 413', async () => {
    const answer = await s.hostile.send(s.seller, { path: `/federation/v1/groups/${proof}/submit`, body: { writes: [{ ...write('x'), pad: 'y'.repeat(300 * 1024) }] } });
    assert.equal(answer.status, 413);
    assert.equal(answer.body.code, 'body_too_large');
  });

  it('rejects only the bad write among good ones', async () => {
    const answer = await s.hostile.send(s.seller, {
      path: `/federation/v1/groups/${proof}/submit`,
      body: { writes: [write('good one'), write('forged for Sam', SAM), { ...write('bad claim'), claim: 'a.b.c' }, write('good two')] },
    });
    assert.equal(answer.status, 200);
    const [first, forged, badClaim, second] = answer.body.results;
    assert.ok(first.seq && second.seq, JSON.stringify(answer.body.results));
    assert.equal(forged.error.code, 'forbidden');
    assert.match(badClaim.error.code, /^token_/);
    const feed = await texts();
    assert.ok(feed.includes('good one') && feed.includes('good two'));
    assert.ok(!feed.includes('forged for Sam') && !feed.includes('bad claim'));
  });

  it('rejects only the event with a forged proof; the ones after it wait for the real one', async () => {
    const { privateKey } = await generateKeyPair('EdDSA');
    const e1 = await home.event(1, 'member.added', { person: SAM, role: 'member' });
    const e2 = await home.event(2, 'post', { text: 'real two' }, 'zoe@hostile.test');
    const forged = await s.hostile.seal((await home.event(3, 'post', { text: 'forged three' }, 'zoe@hostile.test')).event, { kid: s.hostile.key.kid, alg: 'EdDSA', key: privateKey });
    const e4 = await home.event(4, 'post', { text: 'real four' }, 'zoe@hostile.test');
    s.hostile.answer(() => ({ status: 503, body: {} })); // the home is "down" for backfill meanwhile
    const answer = await home.deliver([e1, e2, forged, e4]);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual({ applied: answer.body.applied, held: answer.body.held, rejected: answer.body.rejected }, { applied: 2, held: 1, rejected: 1 });
    const e3 = await home.event(3, 'post', { text: 'real three' }, 'zoe@hostile.test');
    const fixed = await home.deliver([e3]);
    assert.equal(fixed.body.applied, 4);
    const log = await s.seller.server.store.sealedAfter(HOSTILE_GROUP, 0, 10);
    assert.deepEqual(log.map((e) => e.event.id), [e1, e2, e3, e4].map((e) => e.event.id));
  });

  it('applies the same event delivered ten times once', async () => {
    const e5 = await home.event(5, 'post', { text: 'said once' }, 'zoe@hostile.test');
    for (let i = 0; i < 10; i++) assert.equal((await home.deliver([e5, e5])).body.applied, 5);
    const log = await s.seller.server.store.sealedAfter(HOSTILE_GROUP, 0, 50);
    assert.equal(log.filter((e) => e.event.id === e5.event.id).length, 1);
    assert.equal(log.length, 5);
  });

  it('holds n+2 before n+1, fetches the gap from the home, and rejects a backfill answer holding another group’s events', async () => {
    const e6 = await home.event(6, 'post', { text: 'six' }, 'zoe@hostile.test');
    const e7 = await home.event(7, 'post', { text: 'seven' }, 'zoe@hostile.test');
    // A second group of the hostile peer, which the seller's people are not in.
    const other = { ...home.group, id: `${DEAL}.hostile-other`, workstream: 'hostile-other' };
    const smuggled = await home.event(6, 'post', { text: 'smuggled' }, 'zoe@hostile.test', other);
    const space = (await s.seller.server.store.getSpace(DEAL))!;
    let asked = 0;
    s.hostile.answer((request) => {
      if (!request.path.startsWith(`/federation/v1/groups/${HOSTILE_GROUP}/events?after=5`)) return { status: 404, body: {} };
      asked++;
      // First answer: another group's events (and another group's header) in place of the gap.
      if (asked === 1) return { status: 200, body: { space, group: other, events: [smuggled], people: [], last: 6 } };
      if (asked === 2) return { status: 200, body: { space, group: home.group, events: [smuggled], people: [], last: 7 } };
      return { status: 200, body: { space, group: home.group, events: [e6, e7], people: [], last: 7 } };
    });
    const first = await home.deliver([e7]);
    assert.equal(first.body.held, 1);
    await eventually(() => assert.ok(asked >= 1, 'the home was asked'));
    await s.seller.server.federation.deps.backfiller.idle();
    assert.equal(await s.seller.server.store.getGroup(other.id), undefined, 'the other group was not introduced');
    assert.equal(await s.seller.server.store.lastSeq(HOSTILE_GROUP), 5, 'nothing applied from the wrong answer');
    assert.equal(asked, 1, 'a failed backfill waits for the next delivery: no loop of requests');
    // The next delivery leaving a gap asks again: the second answer's events are of the wrong group too.
    await home.deliver([e7]);
    await eventually(() => assert.ok(asked >= 2, 'the home was asked again'));
    await s.seller.server.federation.deps.backfiller.idle();
    assert.equal(await s.seller.server.store.lastSeq(HOSTILE_GROUP), 5);
    assert.equal(asked, 2, 'a page that brings nothing useful does not start another backfill');
    await home.deliver([e7]);
    await eventually(async () => assert.equal(await s.seller.server.store.lastSeq(HOSTILE_GROUP), 7));
    const log = await s.seller.server.store.sealedAfter(HOSTILE_GROUP, 5, 10);
    assert.deepEqual(log.map((e) => e.event.id), [e6.event.id, e7.event.id]);
    assert.ok(!JSON.stringify(await s.seller.server.store.sealedAfter(HOSTILE_GROUP, 0, 50)).includes('smuggled'));
  });
});
