import type { GroupEvent } from '@mutual/protocol';
import { sql, type Kysely } from 'kysely';
import { precompile } from './precompiled-query.js';
import type { Database } from './schema.js';

/** Events that count as writing in a group (the cockpit's "posts"). */
export const POST_TYPES = ['post', 'reply'] as const;
/** Events that count as moving the plan (the cockpit's "task changes"). */
export const PLAN_CHANGE_TYPES = ['task.created', 'task.updated', 'milestone.set'] as const;

const counted = new Set<string>([...POST_TYPES, ...PLAN_CHANGE_TYPES]);

/** The UTC calendar day of an instant (`YYYY-MM-DD`): events' `at` are ISO instants in UTC. */
export const dayOf = (at: string) => at.slice(0, 10);

/** One more post or plan change for an author on a day (every counted event runs it: compiled once). */
const countIn = precompile(6, (db, group, day, person, posts, planChanges, at) =>
  db
    .insertInto('participation_days')
    .values({ group_id: group!, day: day!, person_id: person!, posts: posts as unknown as number, plan_changes: planChanges as unknown as number, last_active: at! })
    .onConflict((oc) =>
      oc.columns(['group_id', 'day', 'person_id']).doUpdateSet({
        posts: sql`participation_days.posts + excluded.posts`,
        plan_changes: sql`participation_days.plan_changes + excluded.plan_changes`,
        // greatest() is PostgreSQL's, max(a, b) SQLite's: a case says it in both.
        last_active: sql`case when excluded.last_active > participation_days.last_active then excluded.last_active else participation_days.last_active end`,
      }),
    ),
);

/**
 * Counts one event into `participation_days` (per group, UTC day and author), in the transaction
 * that stores it, so the cockpit reads a few hundred counters instead of every recent event.
 * Not idempotent on its own: the store calls it exactly once per event, right after inserting the
 * event row (whose id is unique), so a duplicate never reaches it.
 */
export async function recordParticipation(trx: Kysely<Database>, event: GroupEvent): Promise<void> {
  if (!counted.has(event.type)) return;
  const post = (POST_TYPES as readonly string[]).includes(event.type) ? 1 : 0;
  await countIn(trx, event.group, dayOf(event.at), event.author, post, 1 - post, event.at);
}
