import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Store } from './store.js';

/**
 * Outbox leases (one drain per peer at a time) behave alike whether kept in a table (PostgreSQL,
 * several processes) or in memory (SQLite, one process). Run by both stores' tests.
 */
export function describeOutboxLeaseConformance(name: string, openStore: () => Promise<Store>) {
  describe(`outbox leases: ${name}`, () => {
    it('gives a peer’s queue to one holder at a time, until it is released or expires', async () => {
      const store = await openStore();
      try {
        const { outbox } = store;
        assert.equal(await outbox.lease('buyer.test', 'a', 1_000, 100), true);
        assert.equal(await outbox.lease('buyer.test', 'b', 1_050, 100), false, 'held by a');
        assert.equal(await outbox.lease('partner.test', 'b', 1_050, 100), true, 'another peer is free');
        assert.equal(await outbox.lease('buyer.test', 'a', 1_090, 100), true, 'the holder renews');
        assert.equal(await outbox.lease('buyer.test', 'b', 1_150, 100), false, 'renewed until 1,190');
        await outbox.release('buyer.test', 'b');
        assert.equal(await outbox.lease('buyer.test', 'b', 1_150, 100), false, 'only the holder releases');
        await outbox.release('buyer.test', 'a');
        assert.equal(await outbox.lease('buyer.test', 'b', 1_160, 100), true, 'released');
        assert.equal(await outbox.lease('buyer.test', 'a', 1_261, 100), true, 'b’s lease expired at 1,260');
        assert.equal(await outbox.lease('buyer.test', 'b', 1_262, 100), false);
      } finally {
        await store.close();
      }
    });
  });
}
