import type { GroupEvent } from '@mutual/protocol';
import type { Kysely } from 'kysely';
import { recordNotifications } from '../notify/record-notifications.js';
import { enqueueWebhookDeliveries } from '../webhooks/enqueue.js';
import { recordCockpitCounters } from './cockpit-projections.js';
import { precompile } from './precompiled-query.js';
import type { Database } from './schema.js';

/** Every post and reply is one of these: compiled once. */
const insertEntry = precompile(9, (db, id, group, parent, author, text, at, seq, cursor, clientId) =>
  db
    .insertInto('entries')
    .values({
      id: id!,
      group_id: group!,
      parent_id: parent!,
      author: author!,
      text: text!,
      at: at!,
      seq: seq as unknown as number,
      cursor: cursor as unknown as number,
      client_id: clientId!,
    })
    .onConflict((oc) => oc.column('id').doNothing()),
);

/**
 * The event types whose projection below writes a group's row (other than its position) or its
 * memberships: the store tells its membership cache before and after writing one. Keep in step
 * with the `member.added`, `member.removed` and `group.changed` cases.
 */
const GROUP_OR_MEMBERS_TYPES: ReadonlySet<GroupEvent['type']> = new Set(['member.added', 'member.removed', 'group.changed']);

export function changesGroupOrMembers(type: GroupEvent['type']): boolean {
  return GROUP_OR_MEMBERS_TYPES.has(type);
}

/**
 * Updates the derived tables (entries, reactions, tasks, milestones, memberships) for one event,
 * inside the transaction that appended it. Each case is idempotent, so replaying a log rebuilds
 * the same state — except the cockpit's counters, which count each event the one time the store
 * applies it (cockpit-projections.ts).
 */
export async function applyEvent(trx: Kysely<Database>, event: GroupEvent, cursor: number): Promise<void> {
  // Same transaction: a notification is durable exactly when its event is (notify/).
  await recordNotifications(trx, event);
  // …and so is a webhook delivery (webhooks/).
  await enqueueWebhookDeliveries(trx, event);
  // …and the cockpit's counters, which read a changed task before the switch below changes it.
  await recordCockpitCounters(trx, event);
  const group = event.group;
  switch (event.type) {
    case 'post':
    case 'reply':
      // A reply belongs under a post of its own group. A home's sealed event could name a post of
      // another group, where it would show to that group's members: it stays in the log, unshown.
      if (event.type === 'reply' && !(await isEntryOf(trx, group, event.body.parent))) return;
      await insertEntry(
        trx,
        ...[event.id, group, event.type === 'reply' ? event.body.parent : null, event.author, event.body.text, event.at, event.seq, cursor, event.body.clientId ?? null],
      );
      return;
    case 'reaction': {
      // Likewise, a reaction counts only on an entry of its own group.
      if (!(await isEntryOf(trx, group, event.body.target))) return;
      const key = { entry_id: event.body.target, person_id: event.author, emoji: event.body.emoji };
      if (event.body.on) {
        await trx.insertInto('reactions').values(key).onConflict((oc) => oc.doNothing()).execute();
      } else {
        await trx
          .deleteFrom('reactions')
          .where('entry_id', '=', key.entry_id)
          .where('person_id', '=', key.person_id)
          .where('emoji', '=', key.emoji)
          .execute();
      }
      return;
    }
    case 'task.created': {
      const { task, title, owner, due, status, deliverable, workstream } = event.body;
      await trx
        .insertInto('tasks')
        .values({
          group_id: group,
          id: task,
          title,
          owner: owner ?? null,
          due: due ?? null,
          status,
          deliverable: deliverable ?? null,
          workstream: workstream ?? null,
          created_by: event.author,
          created_at: event.at,
          updated_at: event.at,
        })
        .onConflict((oc) => oc.columns(['group_id', 'id']).doNothing())
        .execute();
      return;
    }
    case 'task.updated': {
      const { changes } = event.body;
      await trx
        .updateTable('tasks')
        .set({
          ...(changes.title !== undefined && { title: changes.title }),
          ...(changes.owner !== undefined && { owner: changes.owner }),
          ...(changes.due !== undefined && { due: changes.due }),
          ...(changes.status !== undefined && { status: changes.status }),
          ...(changes.deliverable !== undefined && { deliverable: changes.deliverable }),
          ...(changes.workstream !== undefined && { workstream: changes.workstream }),
          updated_at: event.at,
        })
        .where('group_id', '=', group)
        .where('id', '=', event.body.task)
        .execute();
      return;
    }
    case 'milestone.set': {
      const { milestone, title, date, done } = event.body;
      const row = { title, date, done: done ? 1 : 0, updated_at: event.at };
      await trx
        .insertInto('milestones')
        .values({ group_id: group, id: milestone, created_by: event.author, ...row })
        .onConflict((oc) => oc.columns(['group_id', 'id']).doUpdateSet(row))
        .execute();
      return;
    }
    case 'member.added': {
      const { person, role } = event.body;
      await trx
        .insertInto('memberships')
        .values({ group_id: group, person_id: person, role })
        .onConflict((oc) => oc.columns(['group_id', 'person_id']).doUpdateSet({ role }))
        .execute();
      return;
    }
    case 'member.removed':
      await trx
        .deleteFrom('memberships')
        .where('group_id', '=', group)
        .where('person_id', '=', event.body.person)
        .execute();
      return;
    case 'group.changed':
      await trx.updateTable('groups').set({ name: event.body.name }).where('id', '=', group).execute();
      return;
    case 'agreement.proposed': {
      const { agreement, kind, title, date, measure, parties, by, signature } = event.body;
      await trx
        .insertInto('agreements')
        .values({
          group_id: group,
          id: agreement,
          kind,
          title,
          date: date ?? null,
          measure: measure ?? null,
          parties: JSON.stringify(parties),
          proposed_by: by,
          proposer_signature: signature,
          proposed_at: event.at,
          countersigned_by: null,
          countersignature: null,
          countersigned_at: null,
        })
        .onConflict((oc) => oc.columns(['group_id', 'id']).doNothing())
        .execute();
      return;
    }
    case 'agreement.countersigned':
      await trx
        .updateTable('agreements')
        .set({ countersigned_by: event.body.by, countersignature: event.body.signature, countersigned_at: event.at })
        .where('group_id', '=', group)
        .where('id', '=', event.body.agreement)
        .where('countersignature', 'is', null)
        .execute();
      return;
  }
}

/** Is `entry` a post or reply of `group`? (The group's log puts it before anything that refers to it.) */
async function isEntryOf(trx: Kysely<Database>, group: string, entry: string): Promise<boolean> {
  return (await entryOf(trx, entry, group)).rows.length > 0;
}

const entryOf = precompile(2, (db, entry, group) => db.selectFrom('entries').select('id').where('id', '=', entry!).where('group_id', '=', group!));
