// The outbox worker runs in the background: when the store fails under it (busy, disk full, a
// dropped connection), the process must go on and the queued items must still go out afterwards;
// and a backlog is cut into requests the receiver takes, whatever the script of the text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestOrganisation, type TestOrganisation } from '@mutual/server/testing';
import { eventually } from '../support/eventually.js';
import { settle } from '../support/federation-fixture.js';

const ANA = 'ana@seller.test';
const DANA = 'dana@buyer.test';

describe('the outbox worker when the store fails under it', () => {
  let seller: TestOrganisation;
  let buyer: TestOrganisation;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  before(async () => {
    seller = await startTestOrganisation({ domain: 'seller.test', name: 'Seller Corp' });
    buyer = await startTestOrganisation({ domain: 'buyer.test', name: 'Buyer Manufacturing' });
    await seller.peerWith(buyer);
    await seller.admin.addPerson({ id: ANA, name: 'Ana' });
    await buyer.admin.addPerson({ id: DANA, name: 'Dana' });
    await seller.admin.createSpace({ id: 'acme', name: 'Acme evaluation', buyer: 'buyer.test' });
    await seller.admin.addMember('acme.plan', ANA, 'lead');
    await seller.admin.addMember('acme.plan', DANA);
    await settle([seller, buyer]);
    process.on('unhandledRejection', onUnhandled);
  });
  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    await Promise.allSettled([seller?.close(), buyer?.close()]);
  });

  it('keeps the process up and the items queued, and sends them once the store answers again', async () => {
    const outbox = seller.server.store.outbox;
    const head = outbox.head.bind(outbox);
    let failures = 0;
    outbox.head = async (...args) => {
      if (failures < 2) {
        failures++;
        throw new Error('SQLITE_BUSY: database is locked');
      }
      return head(...args);
    };
    try {
      const answer = await fetch(`${seller.url}/api/groups/acme.plan/posts`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await seller.token(ANA)}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'sent through a locked outbox' }),
      });
      assert.equal(answer.status, 201);
      await eventually(() => assert.equal(failures, 2, 'the worker met the failing store'));
      // The next passes (a wake-up or the poll) find the items still queued and deliver them.
      seller.server.federation.worker.wake();
      await eventually(async () => {
        const page = await buyer.server.store.feedPage({ group: 'acme.plan', viewer: DANA, limit: 10 });
        assert.ok(JSON.stringify(page).includes('sent through a locked outbox'));
      });
      // An unhandled rejection is reported on a later turn: give it one.
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(unhandled, [], 'a failing store under the outbox became an unhandled rejection');
    } finally {
      outbox.head = head;
    }
  });

  it('cuts a backlog by UTF-8 bytes, so that long posts in a three-byte script are not refused as too large', async () => {
    // Forty posts of the longest text, in kanji (3 bytes each in UTF-8), queue while the worker waits.
    const outbox = seller.server.store.outbox;
    const head = outbox.head.bind(outbox);
    let held = true;
    outbox.head = async (...args) => (held ? [] : head(...args));
    const long = (i: number) => `${i} ${'漢'.repeat(19_990)}`;
    try {
      for (let i = 0; i < 40; i++) {
        const answer = await fetch(`${seller.url}/api/groups/acme.plan/posts`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${await seller.token(ANA)}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ text: long(i) }),
        });
        assert.equal(answer.status, 201);
      }
    } finally {
      held = false;
      outbox.head = head;
    }
    seller.server.federation.worker.wake();
    await settle([seller, buyer], 60_000);
    assert.deepEqual(await outbox.failures(), [], 'a batch was refused by the buyer');
    const page = await buyer.server.store.feedPage({ group: 'acme.plan', viewer: DANA, limit: 50 });
    const texts = new Set(page.posts.map((post) => post.text));
    for (let i = 0; i < 40; i++) assert.ok(texts.has(long(i)), `post ${i} reached the buyer`);
  });
});
