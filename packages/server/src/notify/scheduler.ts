import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { committedCursorHorizon } from '../store/committed-cursor.js';
import type { DigestPayload } from './compose-digest.js';
import type { NotificationSettingsStore } from './settings-store.js';

/** The day (UTC) an instant falls on, `YYYY-MM-DD`. */
export const dayOf = (instant: number) => new Date(instant).toISOString().slice(0, 10);

/** The latest digest time at or before `now`: today at the hour if it has passed, else yesterday. */
export function digestBoundary(now: number, hourUtc: number): number {
  const today = new Date(now);
  const boundary = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), hourUtc);
  return boundary <= now ? boundary : boundary - 24 * 3600 * 1000;
}

/**
 * Writes the time-driven notifications: a reminder on the day a task of one of our people is due,
 * and one the day after if it is still not done. Each (task, due date) gets each reminder once,
 * whatever the number of processes or restarts (unique dedupe key).
 */
export async function planDueReminders(db: Kysely<Database>, now: number): Promise<number> {
  const today = dayOf(now);
  let written = 0;
  for (const kind of ['due', 'overdue'] as const) {
    const tasks = await db
      .selectFrom('tasks')
      .innerJoin('notification_settings', 'notification_settings.person_id', 'tasks.owner')
      .innerJoin('memberships', (join) => join.onRef('memberships.group_id', '=', 'tasks.group_id').onRef('memberships.person_id', '=', 'tasks.owner'))
      .innerJoin('groups', 'groups.id', 'tasks.group_id')
      .select(['tasks.group_id', 'tasks.id', 'tasks.owner', 'tasks.due', 'groups.space_id'])
      .where('tasks.status', '!=', 'done')
      .where('tasks.due', kind === 'due' ? '=' : '<', today)
      .where('notification_settings.email', 'is not', null)
      .where('notification_settings.mode', '!=', 'off')
      // Reminders already written are not looked at again (the unique key would refuse them anyway).
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('notification_outbox')
              .select('notification_outbox.id')
              .whereRef('notification_outbox.dedupe_key', '=', sql<string>`cast(${kind} as text) || ':' || tasks.group_id || ':' || tasks.id || ':' || tasks.due`),
          ),
        ),
      )
      .execute();
    for (const task of tasks) {
      const result = await db
        .insertInto('notification_outbox')
        .values({
          person_id: task.owner!,
          kind,
          dedupe_key: `${kind}:${task.group_id}:${task.id}:${task.due}`,
          space_id: task.space_id,
          group_id: task.group_id,
          event_id: null,
          task_id: task.id,
          payload: JSON.stringify({ due: task.due }),
          created_at: new Date(now).toISOString(),
          state: 'pending',
          attempts: 0,
          next_attempt_at: 0,
          leased_until: 0,
          last_error: null,
          sent_at: null,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .executeTakeFirst();
      written += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
  }
  return written;
}

/**
 * Plans each person's daily digest once the day's digest hour has passed: one row covering the
 * log from where the last digest stopped to now, taking in the alerts held for it — one
 * transaction per person, guarded so that two processes plan it once.
 */
export async function planDigests(db: Kysely<Database>, settings: NotificationSettingsStore, now: number, hourUtc: number): Promise<number> {
  const boundary = digestBoundary(now, hourUtc);
  let planned = 0;
  for (const person of await settings.digestDue(boundary)) {
    const done = await db.transaction().execute(async (trx) => {
      // Not just the highest cursor: on PostgreSQL a lower one may still be committing elsewhere.
      const through = await committedCursorHorizon(trx);
      const claimed = await trx
        .updateTable('notification_settings')
        .set({ digest_at: boundary, digest_cursor: through })
        .where('person_id', '=', person.person)
        .where('digest_at', '=', person.digestAt)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return false;
      const held = await trx.selectFrom('notification_outbox').select('id').where('person_id', '=', person.person).where('state', '=', 'held').orderBy('id').execute();
      const heldIds = held.map((row) => Number(row.id));
      if (heldIds.length) await trx.updateTable('notification_outbox').set({ state: 'digested' }).where('id', 'in', heldIds).execute();
      const payload: DigestPayload = { afterCursor: person.digestCursor, throughCursor: through, held: heldIds };
      await trx
        .insertInto('notification_outbox')
        .values({
          person_id: person.person,
          kind: 'digest',
          dedupe_key: `digest:${person.person}:${boundary}`,
          space_id: null,
          group_id: null,
          event_id: null,
          task_id: null,
          payload: JSON.stringify(payload),
          created_at: new Date(now).toISOString(),
          state: 'pending',
          attempts: 0,
          next_attempt_at: 0,
          leased_until: 0,
          last_error: null,
          sent_at: null,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .execute();
      return true;
    });
    if (done) planned += 1;
  }
  return planned;
}
