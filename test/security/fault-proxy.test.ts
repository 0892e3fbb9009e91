// Two servers, each behind a fault-injecting TCP proxy, with events flowing both ways: dropped
// connections, bodies cut mid-way, answers lost after the receiver committed, 2xx turned to 500,
// duplicated requests, random delays; then a partition with writes on both sides. Afterwards both
// servers hold identical logs per group, nothing lost, nothing applied twice.
// (1,000 events here; 10,000 in test/soak.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../support/eventually.js';
import { settle } from '../support/federation-fixture.js';
import { FAULTS, flowBothWays, SELLER_GROUP, startTwoWay, type TwoWay } from './support/two-way-flow.js';

describe('faults on the wire, both ways', () => {
  let t: TwoWay;
  before(async () => {
    t = await startTwoWay();
  });
  after(() => t?.close());

  it('applies once what the receiver committed but answered 500 for', async () => {
    t.buyer.proxy.faults = { ...t.buyer.proxy.faults, answer500: 1 };
    const answer = await fetch(`${t.seller.url}/api/groups/${SELLER_GROUP}/posts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await t.seller.token('sam@seller.test')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'committed, answered 500' }),
    });
    const { id } = (await answer.json()) as { id: string };
    // The buyer applies it; the seller, told 500, keeps it queued and tries again.
    await eventually(async () => assert.equal((await t.buyer.server.store.sealedByIds([id])).length, 1, 'the buyer applied it'));
    await eventually(async () => assert.ok((await t.seller.server.store.outbox.pending()).some((item) => item.eventId === id && item.attempts > 0), 'the seller retries'));
    t.buyer.proxy.faults = { ...t.buyer.proxy.faults, answer500: 0 };
    await settle([t.seller, t.buyer]);
    const log = await t.buyer.server.store.sealedAfter(SELLER_GROUP, 0, 10_000);
    assert.equal(log.filter(({ event }) => event.id === id).length, 1);
    assert.ok(t.buyer.proxy.counts.answer500 >= 1, 'it was answered 500');
  });

  it('converges after 1,000 events both ways through faults', { timeout: 180_000 }, async () => {
    const counts = await flowBothWays(t, 1_000, FAULTS);
    // The faults did happen (otherwise this proves nothing).
    for (const side of [counts.seller, counts.buyer]) {
      assert.ok(side.drop + side.cutRequest + side.cutResponse + side.answer500 + side.duplicate >= 3, JSON.stringify(side));
    }
  });

  it('converges after a partition with writes on both sides', async () => {
    await flowBothWays(t, 80, { partition: true });
    assert.ok(t.seller.proxy.counts.partition > 0 && t.buyer.proxy.counts.partition > 0, 'the partition refused traffic both ways');
  });
});
