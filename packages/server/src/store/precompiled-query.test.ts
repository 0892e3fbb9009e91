import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { Database } from './schema.js';
import { precompile } from './precompiled-query.js';
import { openSqliteStore } from './sqlite.js';

describe('precompile (precompiled-query.ts)', () => {
  it('compiles once and runs with new values, keeping the constants the query made', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      await store.createSpace({ id: 's1', name: 'S1', seller: 'seller.test', buyer: 'buyer.test', stage: 'evaluation' }, '2027-01-01T00:00:00.000Z');
      await store.createSpace({ id: 's2', name: 'S2', seller: 'seller.test', buyer: 'buyer.test', stage: 'evaluation' }, '2027-01-01T00:00:00.000Z');
      let builds = 0;
      const bump = precompile(1, (db, space) => {
        builds++;
        return db.updateTable('spaces').set((eb) => ({ last_pos: eb('last_pos', '+', 2) })).where('id', '=', space!).returning(['id', 'last_pos']);
      });
      assert.deepEqual((await bump(store.db, 's1')).rows, [{ id: 's1', last_pos: 2 }]);
      assert.deepEqual((await bump(store.db, 's2')).rows, [{ id: 's2', last_pos: 2 }]);
      assert.deepEqual((await bump(store.db, 's1')).rows, [{ id: 's1', last_pos: 4 }], 'the + 2 is kept');
      assert.deepEqual((await bump(store.db, 'none')).rows, []);
      assert.equal(builds, 1);
      await store.db.transaction().execute(async (trx) => {
        await bump(trx, 's2');
        throw new Error('roll back');
      }).catch(() => {});
      assert.equal(await store.lastPosition('s2'), 2, 'runs in the transaction it is given');
      assert.equal(builds, 1, 'a transaction shares its database\'s compiled form');
    } finally {
      await store.close();
    }
  });

  it('refuses a build that does not use every value as a parameter', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      const unused = precompile(2, (db, id) => db.selectFrom('spaces').selectAll().where('id', '=', id!));
      await assert.rejects(unused(store.db, 'a', 'b'), /value 1 is not used/);
      await assert.rejects(precompile(1, (db, id) => db.selectFrom('spaces').selectAll().where('id', '=', id!))(store.db), /expected 1 values/);
    } finally {
      await store.close();
    }
  });

  it('compiles once per dialect: one query serves a SQLite and a PostgreSQL store', async () => {
    const store = await openSqliteStore(':memory:');
    const ran: string[] = [];
    const postgres = new Kysely<Database>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (db) => new PostgresIntrospector(db),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
      log: (event) => void ran.push(event.query.sql),
    });
    try {
      const byId = precompile(1, (db, id) => db.selectFrom('spaces').select('id').where('id', '=', id!));
      await byId(postgres, 'a');
      await store.createSpace({ id: 'a', name: 'A', seller: 'seller.test', buyer: 'buyer.test', stage: 'evaluation' }, '2027-01-01T00:00:00.000Z');
      assert.deepEqual((await byId(store.db, 'a')).rows, [{ id: 'a' }], 'SQLite runs its own form, not PostgreSQL\'s $1');
      await byId(postgres, 'b');
      assert.deepEqual(ran, ['select "id" from "spaces" where "id" = $1', 'select "id" from "spaces" where "id" = $1']);
    } finally {
      await store.close();
      await postgres.destroy();
    }
  });
});
