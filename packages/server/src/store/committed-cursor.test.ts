import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { committedCursorHorizon, holdCursorHorizon } from './committed-cursor.js';
import { openPostgresStore } from './postgres.js';

const url = process.env.DATABASE_URL;

// On PostgreSQL an append in another process may hold a lower cursor than one already committed:
// the horizon waits for the appends in flight (see committed-cursor.ts).
if (url) {
  describe('the committed cursor horizon on PostgreSQL', () => {
    it('waits for an append in flight, and reads the highest cursor once it is over', async () => {
      const store = await openPostgresStore({ url, schema: `t${process.pid}_${Date.now().toString(36)}_horizon`, max: 5 });
      let finish!: () => void;
      const finished = new Promise<void>((resolve) => (finish = resolve));
      try {
        let holding!: () => void;
        const held = new Promise<void>((resolve) => (holding = resolve));
        // An append in flight: its transaction holds the lock shared until it ends.
        const inFlight = store.db.transaction().execute(async (trx) => {
          await holdCursorHorizon(trx);
          holding();
          await finished;
        });
        await held;
        let horizon: number | undefined;
        const reading = store.db
          .transaction()
          .execute((trx) => committedCursorHorizon(trx))
          .then((value) => (horizon = value));
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.equal(horizon, undefined, 'the horizon was read while an append was in flight');
        finish();
        await inFlight;
        await reading;
        assert.equal(horizon, 0, 'no event in this fresh schema');
      } finally {
        finish();
        await store.close();
      }
    });
  });
} else {
  describe('the committed cursor horizon on PostgreSQL', { skip: 'DATABASE_URL is not set: run `npm run test:pg`, which starts a throwaway PostgreSQL' }, () => {});
}
