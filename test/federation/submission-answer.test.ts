// A write submitted to its group's home comes back in the submission's answer: the submitter
// applies it from there, and the home queues no delivery of it to the submitter (half the traffic
// of a remote write), while every other member server still gets it by delivery.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiAs } from '../support/api-client.js';
import { eventually } from '../support/eventually.js';
import { group, PEOPLE, settle, startFederation, type Federation } from '../support/federation-fixture.js';

describe('the answer to a submission', () => {
  let f: Federation;
  before(async () => {
    f = await startFederation();
  });
  after(() => f?.close());

  it('carries the placed event to the submitter, which the home then does not deliver to it', async (t) => {
    const proof = group('proof');
    // Hold the home's deliveries, to see what it queues.
    await f.seller.server.federation.worker.stop();
    t.after(() => f.seller.server.federation.worker.start());
    const queued = await apiAs(f.buyer, PEOPLE.ivan).post(`/groups/${proof}/posts`, { text: 'SSO test passed on staging' });
    assert.equal(queued.status, 202);
    const id = queued.body.event;

    // The buyer's server has it from the answer, before any delivery.
    await eventually(async () => assert.ok((await f.buyer.server.store.sealedByIds([id])).length === 1, 'not applied from the answer yet'));
    // Applied first, then taken out of the buyer's outbox.
    await eventually(async () => assert.deepEqual(await f.buyer.server.store.outbox.pending(), [], 'the submission left the buyer’s outbox'));
    const deliveries = (await f.seller.server.store.outbox.pending()).filter((item) => item.kind === 'deliver' && item.eventId === id);
    assert.deepEqual(deliveries.map((item) => item.target), ['partner.test'], 'queued for the partner, not for the submitter');

    f.seller.server.federation.worker.start();
    await settle([f.seller, f.buyer, f.partner]);
    assert.equal((await f.partner.server.store.sealedByIds([id])).length, 1);
    const seen = await apiAs(f.buyer, PEOPLE.sofia).get(`/groups/${proof}/posts`);
    assert.equal(seen.body.posts[0]?.id, id, 'in the buyer’s feed');
    // The next post by the seller follows it on the buyer's replica, with no gap.
    const next = await apiAs(f.seller, PEOPLE.sam).post(`/groups/${proof}/posts`, { text: 'Great, moving on to SCIM' });
    await eventually(async () => assert.equal((await f.buyer.server.store.lastSeq(proof)), next.body.seq));
  });

  it('is applied before the submission leaves the outbox: a failed apply submits again', async () => {
    const proof = group('proof');
    const applier = f.buyer.server.federation.deps.applier;
    const receive = applier.receive.bind(applier);
    let failures = 0;
    // The buyer's first apply of an answer fails (its disk, say).
    applier.receive = async (...args: Parameters<typeof receive>) => {
      if (failures++ === 0) throw new Error('disk full');
      return receive(...args);
    };
    try {
      const queued = await apiAs(f.buyer, PEOPLE.ivan).post(`/groups/${proof}/posts`, { text: 'Load test booked for Friday' });
      assert.equal(queued.status, 202);
      await eventually(async () => assert.equal((await f.buyer.server.store.sealedByIds([queued.body.event])).length, 1), { timeoutMs: 15_000 });
      assert.ok(failures >= 2, 'applied on the second submission');
      await settle([f.seller, f.buyer, f.partner]);
      const onSeller = (await f.seller.server.store.eventsAfter([proof], 0, 1000)).filter((e) => e.event.body && (e.event.body as { text?: string }).text === 'Load test booked for Friday');
      assert.equal(onSeller.length, 1, 'placed once, though submitted twice');
    } finally {
      applier.receive = receive;
    }
  });
});
