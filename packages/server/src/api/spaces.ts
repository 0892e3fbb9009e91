import { GroupMembersSchema, MutualError, MySpaceSchema, MySpacesSchema } from '@mutual/protocol';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { requireMember } from './access.js';
import type { AppDeps, AppEnv } from './context.js';
import { json, problems, security } from './openapi.js';

const SpaceParams = z.object({ space: z.string().max(64) });
const GroupParams = z.object({ group: z.string().max(64) });

const listSpaces = createRoute({
  method: 'get',
  path: '/spaces',
  tags: ['spaces'],
  summary: 'The spaces I take part in, each with only the groups I belong to',
  security,
  responses: { 200: json(MySpacesSchema, 'My spaces'), 401: problems[401] },
});

const getSpace = createRoute({
  method: 'get',
  path: '/spaces/{space}',
  tags: ['spaces'],
  summary: 'One space with the groups I belong to',
  security,
  request: { params: SpaceParams },
  responses: { 200: json(MySpaceSchema, 'The space'), 401: problems[401], 403: problems[403] },
});

const listMembers = createRoute({
  method: 'get',
  path: '/groups/{group}/members',
  tags: ['groups'],
  summary: 'The members of a group I belong to',
  security,
  request: { params: GroupParams },
  responses: { 200: json(GroupMembersSchema, 'Members with their roles'), 401: problems[401], 403: problems[403] },
});

export function spaceRoutes({ store }: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(listSpaces, async (c) => c.json({ spaces: await store.listSpacesFor(c.var.person) }, 200))
    .openapi(getSpace, async (c) => {
      const { space: id } = c.req.valid('param');
      const [space, groups] = await Promise.all([store.getSpace(id), store.listGroupsFor(c.var.person, id)]);
      if (!space || groups.length === 0) throw new MutualError('not_a_member', 'not a member of any group of this space');
      return c.json({ ...space, groups }, 200);
    })
    .openapi(listMembers, async (c) => {
      const { group } = c.req.valid('param');
      await requireMember(store, group, c.var.person);
      return c.json({ members: await store.listMembers(group) }, 200);
    });
}
