import type { GroupEvent, PersonId } from '@mutual/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { mentionsIn } from './mentions.js';
import type { NotificationKind } from './tables.js';

interface Candidate {
  person: PersonId;
  kind: Extract<NotificationKind, 'mention' | 'assigned'>;
  task?: string;
}

/** Who an event may concern personally: people it mentions, and a task's new owner. */
function candidatesOf(event: GroupEvent): Candidate[] {
  switch (event.type) {
    case 'post':
    case 'reply':
      return mentionsIn(event.body.text).map((person) => ({ person, kind: 'mention' }));
    case 'task.created':
      return event.body.owner ? [{ person: event.body.owner, kind: 'assigned', task: event.body.task }] : [];
    case 'task.updated':
      return event.body.changes.owner ? [{ person: event.body.changes.owner, kind: 'assigned', task: event.body.task }] : [];
    default:
      return [];
  }
}

/**
 * Writes the notification outbox rows an event calls for, inside the transaction that applies it
 * (at home or as a replica), so an acknowledged event never loses its notification. Only people
 * this server holds an address for — its own people — and only members of the group (a mention
 * never mails a post to someone who may not read it). Idempotent: replaying the event adds nothing.
 */
export async function recordNotifications(trx: Kysely<Database>, event: GroupEvent): Promise<void> {
  const candidates = candidatesOf(event).filter((candidate) => candidate.person !== event.author);
  if (candidates.length === 0) return;
  const reachable = await trx
    .selectFrom('notification_settings')
    .innerJoin('memberships', 'memberships.person_id', 'notification_settings.person_id')
    .select('notification_settings.person_id')
    .where('memberships.group_id', '=', event.group)
    .where('notification_settings.person_id', 'in', candidates.map((candidate) => candidate.person))
    .where('notification_settings.email', 'is not', null)
    .where('notification_settings.mode', '!=', 'off')
    .execute();
  const people = new Set(reachable.map((row) => row.person_id));
  for (const candidate of candidates) {
    if (!people.has(candidate.person)) continue;
    await trx
      .insertInto('notification_outbox')
      .values({
        person_id: candidate.person,
        kind: candidate.kind,
        dedupe_key: `${candidate.kind}:${event.id}:${candidate.person}`,
        space_id: event.space,
        group_id: event.group,
        event_id: event.id,
        task_id: candidate.task ?? null,
        payload: null,
        created_at: event.at,
        state: 'pending',
        attempts: 0,
        next_attempt_at: 0,
        leased_until: 0,
        last_error: null,
        sent_at: null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  }
}
