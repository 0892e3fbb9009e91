import { MeSchema } from '@mutual/protocol';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from './context.js';
import { json, problems, security } from './openapi.js';

const getMe = createRoute({
  method: 'get',
  path: '/me',
  tags: ['people'],
  summary: 'Who the embed token says I am, and my organisation',
  security,
  responses: { 200: json(MeSchema, 'The caller'), 401: problems[401] },
});

export function meRoutes({ store, config }: AppDeps) {
  return new OpenAPIHono<AppEnv>().openapi(getMe, async (c) => {
    const person = (await store.getPerson(c.var.person))!;
    return c.json({ person, organisation: config.organisation }, 200);
  });
}
