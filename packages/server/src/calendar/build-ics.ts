import ICAL from 'ical.js';
import type { Kysely } from 'kysely';
import type { HostAppConfig } from '../config/config.js';
import { hostLink } from '../notify/links.js';
import { groupName, notificationStrings } from '../notify/strings.js';
import type { NotificationLocale } from '../notify/tables.js';
import type { Database } from '../store/schema.js';

export interface IcsOptions {
  db: Kysely<Database>;
  person: string;
  locale: NotificationLocale;
  hostApp: string | undefined;
  hostApps: readonly HostAppConfig[];
  domain: string;
  now: number;
}

/** `2027-03-31` → the next day, for an all-day event's exclusive DTEND. */
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The person's calendar (RFC 5545, built with ical.js so folding and escaping are right): the due
 * dates of their open tasks, the milestones of the groups they are in, and the decision date of
 * each space they take part in. All-day events; UIDs are stable so calendar apps update in place.
 * Only groups the person is a member of on this server are read.
 */
export async function buildIcs(options: IcsOptions): Promise<string> {
  const { db, person, locale, domain } = options;
  const strings = notificationStrings[locale];
  const groups = await db
    .selectFrom('memberships')
    .innerJoin('groups', 'groups.id', 'memberships.group_id')
    .innerJoin('spaces', 'spaces.id', 'groups.space_id')
    .select(['groups.id', 'groups.kind', 'groups.workstream', 'groups.name', 'groups.space_id', 'spaces.name as space_name', 'spaces.decision_date'])
    .where('memberships.person_id', '=', person)
    .orderBy('groups.id')
    .execute();
  const groupIds = groups.map((group) => group.id);
  const byId = new Map(groups.map((group) => [group.id, group]));

  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', '-//Mutual//Mutual calendar feed//EN');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  calendar.addPropertyWithValue('x-wr-calname', strings.calendar.name(domain));
  const stamp = ICAL.Time.fromJSDate(new Date(options.now), true);

  const addEvent = (uid: string, date: string, summary: string, description: string, link: string | undefined, category: string) => {
    // A date the schema allows but iCalendar cannot say (DATE is four digits of year, and the end
    // is the day after): left out, rather than a feed that calendar apps read as garbage.
    if (!(date >= '1000-01-01' && date < '9999-12-31')) return;
    const event = new ICAL.Component('vevent');
    event.addPropertyWithValue('uid', `${uid}@${domain}`);
    event.addPropertyWithValue('dtstamp', stamp);
    event.addPropertyWithValue('dtstart', ICAL.Time.fromDateString(date));
    event.addPropertyWithValue('dtend', ICAL.Time.fromDateString(nextDay(date)));
    event.addPropertyWithValue('summary', plainText(summary));
    event.addPropertyWithValue('description', plainText(description));
    event.addPropertyWithValue('categories', category);
    event.addPropertyWithValue('transp', 'TRANSPARENT');
    if (link) event.addPropertyWithValue('url', link);
    calendar.addSubcomponent(event);
  };

  const spaces = new Map<string, { name: string; decision: string | null }>();
  for (const group of groups) spaces.set(group.space_id, { name: group.space_name, decision: group.decision_date });
  for (const [space, { name, decision }] of [...spaces].sort(([a], [b]) => a.localeCompare(b))) {
    if (decision) addEvent(`decision.${space}`, decision, strings.calendar.decision(name), name, hostLink(options.hostApps, options.hostApp, space), 'decision');
  }

  if (groupIds.length) {
    const milestones = await db.selectFrom('milestones').selectAll().where('group_id', 'in', groupIds).orderBy('date').orderBy('id').execute();
    for (const milestone of milestones) {
      const group = byId.get(milestone.group_id)!;
      addEvent(
        `milestone.${group.id}.${milestone.id}`,
        milestone.date,
        strings.calendar.milestone(milestone.title),
        `${group.space_name} — ${groupName(strings, group)}`,
        hostLink(options.hostApps, options.hostApp, group.space_id, group.id),
        'milestone',
      );
    }
    const tasks = await db
      .selectFrom('tasks')
      .selectAll()
      .where('group_id', 'in', groupIds)
      .where('owner', '=', person)
      .where('due', 'is not', null)
      .where('status', '!=', 'done')
      .orderBy('due')
      .orderBy('id')
      .execute();
    for (const task of tasks) {
      const group = byId.get(task.group_id)!;
      const details = [`${group.space_name} — ${groupName(strings, group)}`, ...(task.deliverable ? [task.deliverable] : [])];
      addEvent(`task.${group.id}.${task.id}`, task.due!, strings.calendar.task(task.title), details.join('\n'), hostLink(options.hostApps, options.hostApp, group.space_id, group.id), 'task');
    }
  }
  return calendar.toString() + '\r\n';
}

/**
 * A TEXT value as RFC 5545 §3.3.11 allows it: no control characters but tab and the line breaks
 * ical.js escapes. ical.js escapes `\n` but writes a lone `\r` as it is, and titles come from
 * people of both companies: a calendar app splitting lines at any CR would read what follows as
 * properties of its own (a URL, an alarm).
 */
function plainText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}
