import type { Kysely, Selectable } from 'kysely';
import type { HostAppConfig } from '../config/config.js';
import { toEvent } from '../store/rows.js';
import type { Database } from '../store/schema.js';
import { hostLink } from './links.js';
import type { MailContent } from './mail-layout.js';
import type { NotificationSettings } from './settings-store.js';
import { formatDate, groupName, notificationStrings } from './strings.js';
import type { NotificationOutboxTable } from './tables.js';

export interface ComposeContext {
  db: Kysely<Database>;
  hostApps: readonly HostAppConfig[];
}

/** The words of one personal alert (also its line in a digest), or undefined when it no longer applies. */
export interface Alert {
  subject: string;
  lead: string;
  quote?: string;
  link?: string | undefined;
}

/**
 * What a mention, assignment or due date says to the person, checked again at sending time: a
 * person who left the group, a task given to someone else or done since, sends nothing.
 */
export async function composeAlert(context: ComposeContext, row: Selectable<NotificationOutboxTable>, settings: NotificationSettings): Promise<Alert | undefined> {
  const { db } = context;
  const strings = notificationStrings[settings.locale];
  if (!row.group_id || !row.space_id) return undefined;
  const member = await db.selectFrom('memberships').select('role').where('group_id', '=', row.group_id).where('person_id', '=', row.person_id).executeTakeFirst();
  const group = await db.selectFrom('groups').selectAll().where('id', '=', row.group_id).executeTakeFirst();
  const space = await db.selectFrom('spaces').selectAll().where('id', '=', row.space_id).executeTakeFirst();
  if (!member || !group || !space) return undefined;
  const groupLabel = groupName(strings, group);
  const link = hostLink(context.hostApps, settings.hostApp, space.id, group.id);
  const nameOf = async (person: string) =>
    (await db.selectFrom('people').select('name').where('id', '=', person).executeTakeFirst())?.name ?? person;

  if (row.kind === 'mention') {
    const stored = row.event_id ? await db.selectFrom('events').selectAll().where('id', '=', row.event_id).executeTakeFirst() : undefined;
    if (!stored) return undefined;
    const event = toEvent(stored);
    if (event.type !== 'post' && event.type !== 'reply') return undefined;
    const author = await nameOf(event.author);
    const text = event.body.text.length > 4000 ? `${event.body.text.slice(0, 3999)}…` : event.body.text;
    return { subject: strings.mentionSubject(author, groupLabel), lead: strings.mentionLead(author, groupLabel, space.name), quote: text, link };
  }

  const task = row.task_id
    ? await db.selectFrom('tasks').selectAll().where('group_id', '=', row.group_id).where('id', '=', row.task_id).executeTakeFirst()
    : undefined;
  if (!task || task.owner !== row.person_id) return undefined;
  switch (row.kind) {
    case 'assigned': {
      const stored = row.event_id ? await db.selectFrom('events').select('author').where('id', '=', row.event_id).executeTakeFirst() : undefined;
      const author = await nameOf(stored?.author ?? task.created_by);
      return { subject: strings.assignedSubject(task.title), lead: strings.assignedLead(author, task.title, groupLabel, space.name), link };
    }
    case 'due':
    case 'overdue': {
      const due = JSON.parse(row.payload ?? '{}').due as string | undefined;
      // Done, or moved to another date since: this reminder is moot (the new date gets its own).
      if (task.status === 'done' || !due || task.due !== due) return undefined;
      const date = formatDate(settings.locale, due);
      return row.kind === 'due'
        ? { subject: strings.dueSubject(task.title), lead: strings.dueLead(task.title, date, groupLabel, space.name), link }
        : { subject: strings.overdueSubject(task.title), lead: strings.overdueLead(task.title, date, groupLabel, space.name), link };
    }
    default:
      return undefined;
  }
}

/** The e-mail of one alert sent on its own. */
export function alertMail(alert: Alert, settings: NotificationSettings): MailContent {
  const strings = notificationStrings[settings.locale];
  return {
    locale: settings.locale,
    subject: alert.subject,
    paragraphs: [alert.lead],
    quote: alert.quote,
    link: alert.link ? { label: strings.open, href: alert.link } : undefined,
    footer: strings.footer,
  };
}
