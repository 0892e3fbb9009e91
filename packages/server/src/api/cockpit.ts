import {
  CockpitSchema,
  ENGAGEMENT_WINDOW_DAYS,
  MutualError,
  riskOf,
  SpaceTasksSchema,
  type Cockpit,
  type Task,
  type WorkstreamProgress,
} from '@mutual/protocol';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Federation } from '../federation/federation.js';
import { agreementView } from './agreement-view.js';
import type { AppDeps, AppEnv } from './context.js';
import { json, problems, security } from './openapi.js';

const SpaceParams = z.object({ space: z.string().max(64) });
const DAY = 86_400_000;

const getCockpit = createRoute({
  method: 'get',
  path: '/spaces/{space}/cockpit',
  tags: ['plan'],
  summary: "The decider cockpit's figures, from the groups the viewer belongs to (steering members only)",
  security,
  request: { params: SpaceParams },
  responses: { 200: json(CockpitSchema, 'The figures'), 401: problems[401], 403: problems[403] },
});

const getSpaceTasks = createRoute({
  method: 'get',
  path: '/spaces/{space}/tasks',
  tags: ['plan'],
  summary: 'The mutual action plan: every task and milestone of the groups the viewer belongs to',
  security,
  request: { params: SpaceParams },
  responses: { 200: json(SpaceTasksSchema, 'Tasks and milestones'), 401: problems[401], 403: problems[403] },
});

const isOpen = (task: Task) => task.status !== 'done';
/** Soonest due first (undated last), then by title: a stable order people can scan. */
const byDue = (a: Task, b: Task) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.title.localeCompare(b.title);

export function cockpitRoutes({ store, clock }: AppDeps, federation: Federation) {
  /** The viewer's groups in the space: nothing else is ever counted. */
  async function visibleGroups(space: string, person: string) {
    const groups = await store.listGroupsFor(person, space);
    if (groups.length === 0) throw new MutualError('not_a_member', 'not a member of any group of this space');
    return groups;
  }

  return new OpenAPIHono<AppEnv>()
    .openapi(getSpaceTasks, async (c) => {
      const { space } = c.req.valid('param');
      const ids = (await visibleGroups(space, c.var.person)).map((group) => group.id);
      const [tasks, milestones] = await Promise.all([store.listTasksIn(ids), store.listMilestonesIn(ids)]);
      return c.json({ tasks, milestones }, 200);
    })
    .openapi(getCockpit, async (c) => {
      const { space: spaceId } = c.req.valid('param');
      const groups = await visibleGroups(spaceId, c.var.person);
      if (!groups.some((group) => group.kind === 'steering')) throw new MutualError('forbidden', 'the cockpit is for members of the steering group');
      const space = (await store.getSpace(spaceId))!;
      const ids = groups.map((group) => group.id);
      const now = clock();
      const today = new Date(now).toISOString().slice(0, 10);
      const since = new Date(now - ENGAGEMENT_WINDOW_DAYS * DAY).toISOString();
      const [tasks, milestones, participation, members] = await Promise.all([
        store.listTasksIn(ids),
        store.listMilestonesIn(ids),
        store.participation(ids, since),
        store.membersOfAny(ids),
      ]);
      const overdue = tasks.filter((task) => isOpen(task) && task.due !== undefined && task.due < today).sort(byDue);
      const blocked = tasks.filter((task) => task.status === 'blocked').sort(byDue);

      const byWorkstream = new Map<string, Omit<WorkstreamProgress, 'risk'>>();
      for (const task of tasks) {
        const key = task.workstream ?? groups.find((group) => group.id === task.group)?.workstream ?? 'plan';
        const entry = byWorkstream.get(key) ?? { workstream: key, done: 0, total: 0, blocked: 0, overdue: 0 };
        entry.total++;
        if (task.status === 'done') entry.done++;
        if (task.status === 'blocked') entry.blocked++;
        if (isOpen(task) && task.due !== undefined && task.due < today) entry.overdue++;
        byWorkstream.set(key, entry);
      }
      const workstreams = [...byWorkstream.values()].map((entry) => ({ ...entry, risk: riskOf(entry) })).sort((a, b) => a.workstream.localeCompare(b.workstream));

      // What a milestone waits on: the open tasks of its group due on or before it.
      const nextMilestones = milestones
        .filter((milestone) => !milestone.done && milestone.date >= today)
        .slice(0, 5)
        .map((milestone) => ({
          ...milestone,
          waitingOn: tasks.filter((task) => task.group === milestone.group && isOpen(task) && (task.due === undefined || task.due <= milestone.date)).sort(byDue),
        }));

      const active = new Map(participation.map((entry) => [entry.person, entry]));
      const engaged = members
        .filter((person) => active.has(person.id))
        .map((person) => {
          const { posts, taskChanges, lastActive } = active.get(person.id)!;
          return { person, posts, taskChanges, lastActive };
        })
        .sort((a, b) => b.posts + b.taskChanges - (a.posts + a.taskChanges));
      const silent = members.filter((person) => !active.has(person.id) && !person.id.startsWith('admin@'));

      const decisions = [];
      for (const group of groups) {
        for (const agreement of await store.listAgreements(group.id)) decisions.push(await agreementView(federation, group, agreement));
      }

      const cockpit: Cockpit = {
        space,
        today,
        ...(space.decisionDate && { daysToDecision: Math.round((Date.parse(space.decisionDate) - Date.parse(today)) / DAY) }),
        workstreams,
        overdue,
        blocked,
        nextMilestones,
        engaged,
        silent,
        decisions: decisions.slice(-10).reverse(),
      };
      return c.json(cockpit, 200);
    });
}
