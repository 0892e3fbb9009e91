import type { GroupEvent } from '@mutual/protocol';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Stands for "none" in `task_counts`' key columns (a primary key cannot hold null in PostgreSQL). */
export const NONE = '';

interface Bucket {
  group: string;
  workstream: string | null;
  status: string;
  due: string | null;
}

/**
 * Keeps `task_counts` (how many tasks of a group have each workstream, status and due date) in
 * step with `tasks`, in the transaction of the event that changes them, so the cockpit's
 * per-workstream counts read a few hundred counters instead of every task. Called before the
 * event is applied to `tasks`: a change moves its task from the bucket of the row as it was.
 */
export async function recordTaskCounts(trx: Kysely<Database>, event: GroupEvent): Promise<void> {
  if (event.type !== 'task.created' && event.type !== 'task.updated') return;
  const before = await trx
    .selectFrom('tasks')
    .select(['workstream', 'status', 'due'])
    .where('group_id', '=', event.group)
    .where('id', '=', event.body.task)
    .executeTakeFirst();
  if (event.type === 'task.created') {
    // A second creation of the same task changes nothing (apply-event.ts ignores it).
    if (before) return;
    const { workstream, status, due } = event.body;
    await add(trx, { group: event.group, workstream: workstream ?? null, status, due: due ?? null }, 1);
    return;
  }
  if (!before) return;
  const { changes } = event.body;
  const after: Bucket = {
    group: event.group,
    workstream: changes.workstream !== undefined ? changes.workstream : before.workstream,
    status: changes.status ?? before.status,
    due: changes.due !== undefined ? changes.due : before.due,
  };
  if (after.workstream === before.workstream && after.status === before.status && after.due === before.due) return;
  await add(trx, { group: event.group, ...before }, -1);
  await add(trx, after, 1);
}

async function add(trx: Kysely<Database>, bucket: Bucket, delta: 1 | -1) {
  await trx
    .insertInto('task_counts')
    .values({ group_id: bucket.group, workstream: bucket.workstream ?? NONE, status: bucket.status, due: bucket.due ?? NONE, tasks: delta })
    .onConflict((oc) => oc.columns(['group_id', 'workstream', 'status', 'due']).doUpdateSet({ tasks: sql`task_counts.tasks + excluded.tasks` }))
    .execute();
}
