// A member server that is down, refuses, hangs or runs on a skewed clock: the home's deliveries are
// retried with capped backoff, never lost, kept in order; a refusal stops retries and shows to the
// admin; one stuck peer holds nobody else back; skew within tolerance works and beyond it fails clearly.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { acceptInvitation, createInvitation, startTestOrganisation, type TestOrganisation } from '@mutual/server/testing';
import { apiAs } from '../support/api-client.js';
import { eventually } from '../support/eventually.js';
import { settle } from '../support/federation-fixture.js';
import type { Received } from '../support/hostile-peer.js';
import { backfillPath, DEAL, startHostileSetup, type HostileSetup } from './support/hostile-setup.js';

const RETRY_MAX_MS = 200;
const PLAN = `${DEAL}.plan`;
const PROOF = `${DEAL}.proof`;

describe('faults at a member server', () => {
  let s: HostileSetup;
  let n = 0;
  const post = (group: string) => apiAs(s.seller, 'sam@seller.test').post(`/groups/${group}/posts`, { text: `message ${++n}` });
  const deliveriesOf = (group: string, from = 0) =>
    s.hostile.received.slice(from).filter((r) => r.method === 'POST' && r.path === `/federation/v1/groups/${group}/events`);
  const seqs = (requests: Received[]) => requests.flatMap((r) => (r.body.events as Array<{ event: { seq: number } }>).map((e) => e.event.seq));

  let buyer: TestOrganisation;

  before(async () => {
    s = await startHostileSetup({ retryMaxMs: RETRY_MAX_MS });
    buyer = await startTestOrganisation({ domain: 'buyer.test', name: 'Buyer' });
    await s.seller.peerWith(buyer);
    await buyer.admin.addPerson({ id: 'bo@buyer.test', name: 'Bo' });
    await s.seller.admin.addMember(PLAN, 'bo@buyer.test');
    await settle([s.seller, buyer]);
  });
  after(async () => {
    await buyer?.close();
    await s?.close();
  });

  it('retries a peer that is down with backoff capped at the maximum; nothing lost, order kept', async () => {
    const from = s.hostile.received.length;
    const downFor = 9;
    let failed = 0;
    const ok = new Set<number>();
    s.hostile.answer((request) => {
      if (request.path !== `/federation/v1/groups/${PLAN}/events`) return { status: 404, body: {} };
      if (failed < downFor) {
        failed++;
        return { status: 503, body: { code: 'internal' } };
      }
      const events = (request.body.events as Array<{ event: { seq: number } }>).map((e) => e.event.seq);
      for (const seq of events) ok.add(seq);
      return { status: 200, body: { applied: Math.max(...events), held: 0 } };
    });
    const first = await s.seller.server.store.lastSeq(PLAN);
    for (let i = 0; i < 5; i++) assert.equal((await post(PLAN)).status, 201);
    const last = await s.seller.server.store.lastSeq(PLAN);
    await eventually(() => assert.equal(ok.size, last - first), { timeoutMs: 15_000 });
    await eventually(async () => assert.equal((await s.seller.server.store.outbox.pending()).length, 0));

    const attempts = deliveriesOf(PLAN, from);
    const gaps = attempts.slice(1, downFor + 1).map((r, i) => r.at - attempts[i]!.at);
    // Capped: no wait beyond the maximum (plus the worker's poll interval and scheduling slack).
    for (const gap of gaps) assert.ok(gap <= RETRY_MAX_MS + 200 + 250, `a retry waited ${gap} ms: ${gaps.join(', ')}`);
    // And backed off: once at the cap, retries are at least half of it apart (the jitter's floor).
    for (const gap of gaps.slice(-3)) assert.ok(gap >= RETRY_MAX_MS / 2 - 20, `retries too close: ${gaps.join(', ')}`);
    // Every attempt carried the queue's head first, in order; the successful ones cover every event once, in order.
    const delivered = seqs(attempts.slice(downFor));
    assert.deepEqual([...new Set(delivered)], Array.from({ length: last - first }, (_, i) => first + i + 1));
    for (const attempt of attempts.slice(0, downFor)) assert.equal(seqs([attempt])[0], first + 1, 'a retry starts again at the oldest undelivered event');
  });

  it('stops retrying after a permanent refusal, shows it to the admin, and moves on', async () => {
    const from = s.hostile.received.length;
    s.hostile.answer((request) => {
      if (request.path === `/federation/v1/groups/${PROOF}/events`) return { status: 403, body: { code: 'forbidden', title: 'we do not want this group' } };
      const events = (request.body?.events ?? []) as Array<{ event: { seq: number } }>;
      return { status: 200, body: { applied: Math.max(0, ...events.map((e) => e.event.seq)), held: 0 } };
    });
    assert.equal((await post(PROOF)).status, 201);
    assert.equal((await post(PLAN)).status, 201);
    await eventually(async () => assert.equal((await s.seller.server.store.outbox.pending()).length, 0));
    const failures = await s.seller.server.store.outbox.failures();
    const refused = failures.filter((f) => f.group === PROOF && f.target === 'hostile.test');
    assert.equal(refused.length, 1, 'the refused delivery is kept for the admin');
    assert.match(refused[0]!.lastError ?? '', /403/);
    assert.match(refused[0]!.lastError ?? '', /^forbidden: /, 'kept as `code: message`, as a refused write is told to its author');
    assert.equal(deliveriesOf(PROOF, from).length, 1, 'tried once, not retried');
    assert.equal(deliveriesOf(PLAN, from).length, 1, 'the queue moved on to the next item');
    // Later work does not bring the refused item back.
    assert.equal((await post(PLAN)).status, 201);
    await eventually(() => assert.equal(deliveriesOf(PLAN, from).length, 2));
    assert.equal(deliveriesOf(PROOF, from).length, 1);
  });

  describe('with a second, well-behaved member server', () => {
    it('keeps delivering to other peers while one holds every connection open', async () => {
      const from = s.hostile.received.length;
      s.hostile.answer(() => 'hold');
      const first = await post(PLAN);
      await eventually(() => assert.ok(deliveriesOf(PLAN, from).length > 0, 'the stuck peer is being tried'));
      // While the stuck peer's request hangs (up to the sender's 10 s timeout), later writes still
      // reach the other peer at once.
      const answer = await post(PLAN);
      assert.equal(answer.status, 201);
      const started = Date.now();
      await eventually(async () => assert.equal((await buyer.server.store.sealedByIds([first.body.id, answer.body.id])).length, 2, 'the buyer has both'), { timeoutMs: 3_000 });
      assert.ok(Date.now() - started < 2_000, `the buyer waited ${Date.now() - started} ms behind a stuck peer`);
      // Cut the held connections: the home retries, and the stuck peer gets the event after all.
      s.hostile.release();
      await settle([s.seller, buyer]);
      assert.ok(deliveriesOf(PLAN).some((r) => (r.body.events as Array<{ event: { id: string } }>).some((e) => e.event.id === answer.body.id)), 'the stuck peer got it after all');
    });

    it('works with a peer whose clock is off within the tolerance, and fails clearly beyond it', async () => {
      const ahead = await startTestOrganisation({ domain: 'ahead.test', clock: () => Date.now() + 45_000 });
      const far = await startTestOrganisation({ domain: 'far.test', clock: () => Date.now() + 5 * 60_000 });
      try {
        await s.seller.peerWith(ahead);
        await ahead.admin.addPerson({ id: 'al@ahead.test', name: 'Al' });
        await s.seller.admin.addMember(PLAN, 'al@ahead.test');
        await settle([s.seller, ahead]);
        const queued = await apiAs(ahead, 'al@ahead.test').post(`/groups/${PLAN}/posts`, { text: 'from 45 s ahead' });
        assert.equal(queued.status, 202);
        await eventually(async () => assert.ok(JSON.stringify(await s.seller.server.store.feedPage({ group: PLAN, viewer: 'sam@seller.test', limit: 100 })).includes('from 45 s ahead'), 'placed at the home'));
        // Five minutes ahead: the very first signed request is refused, with a code that says why.
        const { token } = await createInvitation(s.seller.server.federation.deps);
        await assert.rejects(acceptInvitation(far.server.federation.deps, token), (error: { code?: string; message: string }) => /token_not_yet_valid/.test(`${error.code} ${error.message}`));
        // The same for a request from a pinned peer: 401 token_not_yet_valid, nothing done.
        const skewed = await s.hostile.send(s.seller, { path: backfillPath(PLAN), clock: () => Date.now() + 5 * 60_000 });
        assert.equal(skewed.status, 401);
        assert.equal(skewed.body.code, 'token_not_yet_valid');
        const withinTolerance = await s.hostile.send(s.seller, { path: backfillPath(PLAN), clock: () => Date.now() - 45_000 });
        assert.equal(withinTolerance.status, 200);
      } finally {
        await Promise.allSettled([ahead.close(), far.close()]);
      }
    });
  });
});
