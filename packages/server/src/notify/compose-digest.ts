import type { GroupEvent } from '@mutual/protocol';
import type { Selectable } from 'kysely';
import { toEvent } from '../store/rows.js';
import { composeAlert, type ComposeContext } from './compose-alert.js';
import { hostLink } from './links.js';
import type { MailContent, MailSection } from './mail-layout.js';
import type { NotificationSettings } from './settings-store.js';
import { excerpt, formatDate, groupName, notificationStrings, type NotificationStrings } from './strings.js';
import type { NotificationOutboxTable } from './tables.js';

/** What a digest row carries: the window of this server's log it covers, and the alerts it took in. */
export interface DigestPayload {
  afterCursor: number;
  throughCursor: number;
  held: number[];
}

/** A digest lists at most this many changes; the rest are counted. */
const MAX_CHANGES = 300;

/**
 * The daily digest: the alerts held for it ("for you"), then the changes in the person's groups
 * within the window — per group, the group with the newest change first, newest first inside —
 * leaving out the person's own actions and reactions. Memberships are read at sending time: a
 * group the person has left is not in it, and groups of which this server has no copy cannot be.
 * Undefined when there is nothing to say.
 */
export async function composeDigest(context: ComposeContext, row: Selectable<NotificationOutboxTable>, settings: NotificationSettings): Promise<MailContent | undefined> {
  const { db } = context;
  const strings = notificationStrings[settings.locale];
  const payload = JSON.parse(row.payload ?? '{}') as DigestPayload;
  const sections: MailSection[] = [];

  const heldRows = payload.held.length ? await db.selectFrom('notification_outbox').selectAll().where('id', 'in', payload.held).orderBy('id', 'desc').execute() : [];
  const forYou: string[] = [];
  for (const held of heldRows) {
    const alert = await composeAlert(context, held, settings);
    if (alert) forYou.push(alert.quote ? `${alert.lead} “${excerpt(alert.quote)}”` : alert.lead);
  }
  if (forYou.length) sections.push({ title: strings.forYou, lines: forYou });

  const groups = await db
    .selectFrom('memberships')
    .innerJoin('groups', 'groups.id', 'memberships.group_id')
    .innerJoin('spaces', 'spaces.id', 'groups.space_id')
    .select(['groups.id', 'groups.kind', 'groups.workstream', 'groups.name', 'groups.space_id', 'spaces.name as space_name'])
    .where('memberships.person_id', '=', row.person_id)
    .execute();
  let changes = 0;
  let unlisted = 0;
  if (groups.length) {
    const rows = await db
      .selectFrom('events')
      .selectAll()
      .where('group_id', 'in', groups.map((group) => group.id))
      .where('cursor', '>', payload.afterCursor)
      .where('cursor', '<=', payload.throughCursor)
      .where('author', '!=', row.person_id)
      .where('type', '!=', 'reaction')
      .orderBy('cursor', 'desc')
      .limit(MAX_CHANGES + 1)
      .execute();
    const total = await db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('group_id', 'in', groups.map((group) => group.id))
      .where('cursor', '>', payload.afterCursor)
      .where('cursor', '<=', payload.throughCursor)
      .where('author', '!=', row.person_id)
      .where('type', '!=', 'reaction')
      .executeTakeFirst();
    const events = rows.slice(0, MAX_CHANGES).map(toEvent);
    unlisted = Number(total?.count ?? 0) - events.length;
    const names = await peopleNames(context, events);
    const byGroup = new Map<string, string[]>();
    for (const event of events) {
      // Being added to or removed from a group is news to others, not to the person.
      if ((event.type === 'member.added' || event.type === 'member.removed') && event.body.person === row.person_id) continue;
      const line = await describe(context, strings, settings, event, names);
      if (!line) continue;
      changes += 1;
      const lines = byGroup.get(event.group) ?? [];
      lines.push(line);
      byGroup.set(event.group, lines);
    }
    for (const [groupId, lines] of byGroup) {
      const group = groups.find((candidate) => candidate.id === groupId)!;
      sections.push({
        title: `${group.space_name} — ${groupName(strings, group)}`,
        link: hostLink(context.hostApps, settings.hostApp, group.space_id, group.id),
        lines,
      });
    }
  }
  const count = forYou.length + changes + unlisted;
  if (count === 0) return undefined;
  return {
    locale: settings.locale,
    subject: strings.digestSubject(count),
    paragraphs: [strings.digestLead, ...(unlisted > 0 ? [strings.more(unlisted)] : [])],
    sections,
    footer: strings.footer,
  };
}

async function peopleNames({ db }: ComposeContext, events: GroupEvent[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const event of events) {
    ids.add(event.author);
    if (event.type === 'member.added' || event.type === 'member.removed') ids.add(event.body.person);
    if (event.type === 'task.updated' && event.body.changes.owner) ids.add(event.body.changes.owner);
  }
  const rows = ids.size ? await db.selectFrom('people').select(['id', 'name']).where('id', 'in', [...ids]).execute() : [];
  return new Map(rows.map((person) => [person.id, person.name]));
}

async function describe(
  { db }: ComposeContext,
  strings: NotificationStrings,
  settings: NotificationSettings,
  event: GroupEvent,
  names: Map<string, string>,
): Promise<string | undefined> {
  const who = (person: string) => names.get(person) ?? person;
  const author = who(event.author);
  const taskTitle = async (task: string) =>
    (await db.selectFrom('tasks').select('title').where('group_id', '=', event.group).where('id', '=', task).executeTakeFirst())?.title ?? task;
  const agreementTitle = async (agreement: string) =>
    (await db.selectFrom('agreements').select('title').where('group_id', '=', event.group).where('id', '=', agreement).executeTakeFirst())?.title ?? agreement;
  switch (event.type) {
    case 'post':
      return strings.change.post(author, excerpt(event.body.text));
    case 'reply':
      return strings.change.reply(author, excerpt(event.body.text));
    case 'task.created':
      return strings.change.taskCreated(author, event.body.title);
    case 'task.updated': {
      const changes = event.body.changes;
      const what = Object.entries(changes).map(([field, value]) => {
        const label = strings.fields[field as keyof NotificationStrings['fields']] ?? field;
        if (field === 'status') return `${label} → ${strings.statuses[String(value)] ?? String(value)}`;
        if (field === 'due') return `${label} → ${formatDate(settings.locale, String(value))}`;
        if (field === 'owner') return `${label} → ${who(String(value))}`;
        return `${label} → ${excerpt(String(value), 80)}`;
      });
      return strings.change.taskUpdated(author, changes.title ?? (await taskTitle(event.body.task)), what.join(', '));
    }
    case 'milestone.set':
      return strings.change.milestoneSet(author, event.body.title, formatDate(settings.locale, event.body.date));
    case 'member.added':
      return strings.change.memberAdded(who(event.body.person));
    case 'member.removed':
      return strings.change.memberRemoved(who(event.body.person));
    case 'group.changed':
      return strings.change.groupRenamed(event.body.name);
    case 'agreement.proposed':
      return strings.change.agreementProposed(author, event.body.title);
    case 'agreement.countersigned':
      return strings.change.agreementCountersigned(author, await agreementTitle(event.body.agreement));
    default:
      return undefined;
  }
}
