import { CockpitSchema, MutualError, SpaceTasksSchema } from '@mutual/protocol';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Federation } from '../federation/federation.js';
import { cockpitFigures } from './cockpit-figures.js';
import type { AppDeps, AppEnv } from './context.js';
import { json, problems, security } from './openapi.js';

const SpaceParams = z.object({ space: z.string().max(64) });

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
      // Members too, so the board opens in one round trip instead of one more per group.
      const [tasks, milestones, members] = await Promise.all([
        store.listTasksIn(ids),
        store.listMilestonesIn(ids),
        Promise.all(ids.map((id) => store.listMembers(id))),
      ]);
      return c.json({ tasks, milestones, members: Object.fromEntries(ids.map((id, index) => [id, members[index]!])) }, 200);
    })
    .openapi(getCockpit, async (c) => {
      const { space: spaceId } = c.req.valid('param');
      const groups = await visibleGroups(spaceId, c.var.person);
      if (!groups.some((group) => group.kind === 'steering')) throw new MutualError('forbidden', 'the cockpit is for members of the steering group');
      const space = (await store.getSpace(spaceId))!;
      const cockpit = await cockpitFigures(store, federation, space, groups, clock());
      return c.json(cockpit, 200);
    });
}
