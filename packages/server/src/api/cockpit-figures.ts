import { COCKPIT_LIST_LIMIT, ENGAGEMENT_WINDOW_DAYS, compareWorkstreams, riskOf, type Cockpit, type MyGroup, type Space } from '@mutual/protocol';
import type { Federation } from '../federation/federation.js';
import type { Agreement, Store } from '../store/store.js';
import { agreementView } from './agreement-view.js';

const DAY = 86_400_000;
/** How many milestones the cockpit shows ahead. */
const NEXT_MILESTONES = 5;
/** How many decisions, most recent first. */
const RECENT_DECISIONS = 10;

/**
 * The cockpit of a space as one viewer may see it: every figure comes from `groups` (the viewer's
 * own) only. Counts come from the store's counters and indexes and lists are bounded, with
 * totals, so the cost stays flat as the log and the plan grow.
 */
export async function cockpitFigures(store: Store, federation: Federation, space: Space, groups: readonly MyGroup[], now: number): Promise<Cockpit> {
  const ids = groups.map((group) => group.id);
  const today = new Date(now).toISOString().slice(0, 10);
  // Whole UTC days, from the day 14 days ago (the projection counts per day): a little more
  // than 14 × 24 hours, never less.
  const sinceDay = new Date(now - ENGAGEMENT_WINDOW_DAYS * DAY).toISOString().slice(0, 10);
  const [counts, overdue, blocked, milestones, participation, members, decisions] = await Promise.all([
    store.cockpit.workstreamCounts(ids, today),
    store.cockpit.overdueTasks(ids, today, COCKPIT_LIST_LIMIT),
    store.cockpit.blockedTasks(ids, COCKPIT_LIST_LIMIT),
    store.cockpit.nextMilestones(ids, today, NEXT_MILESTONES),
    store.cockpit.participation(ids, sinceDay),
    store.membersOfAny(ids),
    recentDecisions(store, federation, groups),
  ]);
  const workstreams = counts.map((entry) => ({ ...entry, risk: riskOf(entry) })).sort((a, b) => compareWorkstreams(a.workstream, b.workstream));
  const nextMilestones = await Promise.all(
    milestones.map(async (milestone) => {
      const waiting = await store.cockpit.waitingOn(milestone, COCKPIT_LIST_LIMIT);
      return { ...milestone, waitingOn: waiting.tasks, waitingOnTotal: waiting.total };
    }),
  );

  const active = new Map(participation.map((entry) => [entry.person, entry]));
  const engaged = members
    .filter((person) => active.has(person.id))
    .map((person) => {
      const { posts, taskChanges, lastActive } = active.get(person.id)!;
      return { person, posts, taskChanges, lastActive };
    })
    .sort((a, b) => b.posts + b.taskChanges - (a.posts + a.taskChanges));
  const silent = members.filter((person) => !active.has(person.id) && !person.id.startsWith('admin@'));

  return {
    space,
    today,
    ...(space.decisionDate && { daysToDecision: Math.round((Date.parse(space.decisionDate) - Date.parse(today)) / DAY) }),
    workstreams,
    overdue,
    overdueTotal: workstreams.reduce((sum, entry) => sum + entry.overdue, 0),
    blocked,
    blockedTotal: workstreams.reduce((sum, entry) => sum + entry.blocked, 0),
    nextMilestones,
    engaged,
    silent,
    decisions,
  };
}

/** The last agreements, group by group, most recent first; signatures are checked for those shown only. */
async function recentDecisions(store: Store, federation: Federation, groups: readonly MyGroup[]) {
  const all: Array<{ group: MyGroup; agreement: Agreement }> = [];
  for (const group of groups) for (const agreement of await store.listAgreements(group.id)) all.push({ group, agreement });
  const shown = all.slice(-RECENT_DECISIONS).reverse();
  return Promise.all(shown.map(({ group, agreement }) => agreementView(federation, group, agreement)));
}
