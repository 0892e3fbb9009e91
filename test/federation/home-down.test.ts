// The seller (the home of proof) is stopped while the buyer's people keep writing; when it comes
// back, every write arrives once, in the order it was written.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestOrganisation, type TestOrganisation } from '@mutual/server/testing';
import { apiAs } from '../support/api-client.js';
import { logDigest } from '../support/database.js';
import { eventually } from '../support/eventually.js';
import { group, PEOPLE, settle, startFederation, type Federation } from '../support/federation-fixture.js';

describe('the home server goes down while a member server writes', () => {
  let f: Federation;
  let restarted: TestOrganisation | undefined;

  before(async () => {
    f = await startFederation();
  });
  after(async () => {
    await restarted?.close();
    await f?.close();
  });

  it('queues every write durably and delivers each once, in order, after the restart', async () => {
    const port = Number(new URL(f.seller.url).port);
    await f.seller.close();
    const sofia = apiAs(f.buyer, PEOPLE.sofia);
    const texts = Array.from({ length: 12 }, (_, i) => `finding ${String(i + 1).padStart(2, '0')}`);
    for (const [i, text] of texts.entries()) {
      const answer = await sofia.post(`/groups/${group('proof')}/posts`, { text, clientId: `sofia-down-${i}` });
      assert.equal(answer.status, 202, 'acknowledged while the home is down: it is in the outbox');
    }
    // A retried send (same clientId) while the home is down is the same write, queued once.
    const retry = await sofia.post(`/groups/${group('proof')}/posts`, { text: texts[0], clientId: 'sofia-down-0' });
    assert.equal(retry.status, 202);
    const waiting = await f.buyer.server.store.outbox.pending();
    assert.equal(waiting.find((item) => item.kind === 'submit')!.eventId, retry.body.event);
    assert.equal(waiting.filter((item) => item.kind === 'submit').length, texts.length);

    // Let a few retries fail against the closed port, then bring the seller back where it was.
    await eventually(async () => {
      const items = await f.buyer.server.store.outbox.pending();
      assert.ok(items.some((item) => item.attempts >= 2), 'retried with backoff while the home was down');
    });
    restarted = await startTestOrganisation({ domain: 'seller.test', name: 'Seller Corp', databaseFile: f.files.seller, port, hostKeys: f.seller.hostKeys });
    f.seller = restarted;
    await settle([f.seller, f.buyer, f.partner]);

    const onSeller = await apiAs(f.seller, PEOPLE.sam).get(`/groups/${group('proof')}/posts?limit=100`);
    const received = onSeller.body.posts.map((p: any) => p.text).filter((t: string) => t.startsWith('finding')).reverse();
    assert.deepEqual(received, texts, 'every write, once, in the order written');
    await eventually(() => assert.deepEqual(logDigest(f.files.buyer, group('proof')), logDigest(f.files.seller, group('proof'))));
  });
});
