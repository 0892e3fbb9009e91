import { MutualError } from '@mutual/protocol';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../api/context.js';
import { json, problems, security } from '../api/openapi.js';
import { exportPlan } from './export-plan.js';
import { planToCsv } from './plan-csv.js';
import { PlanSchema } from './plan.js';

const getPlan = createRoute({
  method: 'get',
  path: '/spaces/{space}/plan',
  tags: ['plan'],
  summary: "Download the plan — tasks and milestones of the groups the viewer belongs to — as JSON or CSV (internal groups only with internal=true)",
  security,
  request: {
    params: z.object({ space: z.string().max(64) }),
    query: z.object({ format: z.enum(['json', 'csv']).default('json'), internal: z.enum(['true', 'false']).default('false') }),
  },
  responses: {
    200: {
      content: { 'application/json': { schema: PlanSchema }, 'text/csv': { schema: z.string() } },
      description: 'The plan; the CSV has formula-looking cells neutralised (docs/templates.md)',
    },
    401: problems[401],
    403: problems[403],
  },
});

/** A person's own export of the plan: only the groups they belong to, filtered here on the server. */
export function planRoutes({ store }: AppDeps) {
  return new OpenAPIHono<AppEnv>().openapi(getPlan, async (c) => {
    const { space } = c.req.valid('param');
    const { format, internal } = c.req.valid('query');
    const groups = await store.listGroupsFor(c.var.person, space);
    if (groups.length === 0) throw new MutualError('not_a_member', 'not a member of any group of this space');
    const plan = await exportPlan(store, space, { groups, includeInternal: internal === 'true' });
    if (format === 'json') return c.json(plan, 200);
    return c.body(planToCsv(plan), 200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="${space}-plan.csv"`,
    });
  });
}
