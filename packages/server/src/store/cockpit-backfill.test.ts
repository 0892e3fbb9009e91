import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { KyselyStore } from './kysely-store.js';
import { openPostgresStore } from './postgres.js';
import { migrate, openSqliteStore } from './sqlite.js';

const folder = mkdtempSync(join(tmpdir(), 'mutual-backfill-'));
after(() => rmSync(folder, { recursive: true, force: true }));

/**
 * Migration 0007 counts what was written before it: a store is given events, its counters, indexes
 * and the records of 0007 and later are removed (as in a database from before 0007), and migrating again must
 * give the same counters the live projections kept.
 */
async function backfillsLikeTheProjections(store: KyselyStore, schema?: string) {
  await store.createSpace({ id: 's', name: 'S', seller: 'seller.test', buyer: 'buyer.test', stage: 'evaluation' }, '2027-01-01T00:00:00.000Z');
  await store.createGroup({ id: 'g', space: 's', kind: 'plan', name: 'g', home: 'seller.test' }, '2027-01-01T00:00:00.000Z');
  const write = (author: string, at: string, type: 'post' | 'task.created', n: number) =>
    store.append({ space: 's', group: 'g', author, at, type, body: (type === 'post' ? { text: `p${n}` } : { task: `t${n}`, title: `t${n}`, status: 'todo' }) as never });
  let n = 0;
  for (const day of ['2027-01-01', '2027-01-02', '2027-01-05']) {
    await write('ana@seller.test', `${day}T09:00:00.000Z`, 'post', ++n);
    await write('ana@seller.test', `${day}T10:00:00.000Z`, 'task.created', ++n);
    await write('bob@seller.test', `${day}T11:00:00.000Z`, 'post', ++n);
  }
  await store.append({ space: 's', group: 'g', author: 'ana@seller.test', at: '2027-01-05T12:00:00.000Z', type: 'task.updated', body: { task: 't2', changes: { status: 'done', due: '2027-01-03' } } });
  await store.append({ space: 's', group: 'g', author: 'ana@seller.test', at: '2027-01-05T12:01:00.000Z', type: 'task.updated', body: { task: 't5', changes: { workstream: 'proof' } } });
  const live = await store.cockpit.participation(['g'], '2027-01-02');
  const workstreams = async () => (await store.cockpit.workstreamCounts(['g'], '2027-01-04')).sort((a, b) => a.workstream.localeCompare(b.workstream));
  const liveCounts = await workstreams();
  const days = await store.db.selectFrom('participation_days').selectAll().orderBy('day').orderBy('person_id').execute();
  const counts = await store.db.selectFrom('task_counts').selectAll().where('tasks', '<>', 0).orderBy(['workstream', 'status', 'due']).execute();
  assert.equal(days.length, 6);
  assert.deepEqual(counts.map((row) => [row.workstream, row.status, row.due, row.tasks]), [
    ['', 'done', '2027-01-03', 1],
    ['', 'todo', '', 1],
    ['proof', 'todo', '', 1],
  ]);

  for (const table of ['participation_days', 'task_counts']) await store.db.schema.dropTable(table).execute();
  for (const index of ['tasks_open_in_order', 'tasks_blocked_in_order']) await store.db.schema.dropIndex(index).execute();
  // …and what the migrations after it did, so that they run again in order from 0007.
  await store.db.schema.alterTable('notification_settings').dropColumn('locale_chosen').execute();
  for (const index of ['outbox_by_event', 'outbox_submits_by_group']) await store.db.schema.dropIndex(index).execute();
  await sql`delete from kysely_migration where name >= '0007'`.execute(store.db);
  await migrate(store.db, schema);

  assert.deepEqual(await store.db.selectFrom('participation_days').selectAll().orderBy('day').orderBy('person_id').execute(), days);
  assert.deepEqual(await store.db.selectFrom('task_counts').selectAll().orderBy(['workstream', 'status', 'due']).execute(), counts);
  assert.deepEqual(await workstreams(), liveCounts);
  assert.deepEqual(liveCounts, [{ workstream: 'plan', done: 1, total: 2, blocked: 0, overdue: 0 }, { workstream: 'proof', done: 0, total: 1, blocked: 0, overdue: 0 }]);
  const sorted = (rows: typeof live) => [...rows].sort((a, b) => a.person.localeCompare(b.person));
  assert.deepEqual(sorted(await store.cockpit.participation(['g'], '2027-01-02')), sorted(live));
  assert.deepEqual(sorted(live), [
    { person: 'ana@seller.test', posts: 2, taskChanges: 4, lastActive: '2027-01-05T12:01:00.000Z' },
    { person: 'bob@seller.test', posts: 2, taskChanges: 0, lastActive: '2027-01-05T11:00:00.000Z' },
  ]);
}

describe('migration 0007 counts the log and the tasks written before it', () => {
  it('on SQLite', async () => {
    const store = await openSqliteStore(join(folder, 'backfill.db'));
    try {
      await backfillsLikeTheProjections(store);
    } finally {
      await store.close();
    }
  });

  const url = process.env.DATABASE_URL;
  it('on PostgreSQL', { skip: url ? false : 'DATABASE_URL is not set (npm run test:pg starts a throwaway PostgreSQL)' }, async () => {
    const schema = `backfill_${process.pid}_${Date.now().toString(36)}`;
    const store = await openPostgresStore({ url: url!, schema, max: 2 });
    try {
      await backfillsLikeTheProjections(store, schema);
    } finally {
      await store.close();
    }
  });
});
