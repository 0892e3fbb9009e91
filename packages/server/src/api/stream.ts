import { LiveMessageSchema, MutualError } from '@mutual/protocol';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { LiveFanouts } from '../live/live-fanouts.js';
import { LiveStream } from '../live/live-stream.js';
import { sseBody } from '../live/sse-body.js';
import type { AppDeps, AppEnv } from './context.js';
import { problems, security } from './openapi.js';

const openStream = createRoute({
  method: 'get',
  path: '/spaces/{space}/stream',
  tags: ['live'],
  summary: 'Live events of every group of the space I belong to (Server-Sent Events)',
  description:
    'Each message is `event: group-event`, `id: <cursor>`, `data: LiveMessage`. Send the last id back as ' +
    '`Last-Event-ID` to resume. The stream ends when the embed token expires.',
  security,
  request: {
    params: z.object({ space: z.string().max(64) }),
    headers: z.object({ 'last-event-id': z.string().regex(/^\d{1,15}$/).optional() }),
  },
  responses: {
    200: { content: { 'text/event-stream': { schema: LiveMessageSchema } }, description: 'The stream' },
    400: problems[400],
    401: problems[401],
    403: problems[403],
  },
});

export function streamRoutes({ store, hub, clock }: AppDeps) {
  const fanouts = new LiveFanouts(store, hub, clock);
  return new OpenAPIHono<AppEnv>().openapi(openStream, async (c) => {
    const { space } = c.req.valid('param');
    const person = c.var.person;
    // The position first: the groups read after it reflect every event up to it (see LiveStream).
    const groupsAt = await store.lastPosition(space);
    const groups = await store.listGroupsFor(person, space);
    if (groups.length === 0) throw new MutualError('not_a_member', 'not a member of any group of this space');
    const resumeFrom = c.req.valid('header')['last-event-id'];
    // An id the client was sent is committed, so never past `groupsAt`; a later one is made up, and
    // would skip the membership changes the stream must stop at.
    const cursor = resumeFrom !== undefined ? Math.min(Number(resumeFrom), groupsAt) : groupsAt;
    const expiresInMs = c.var.claims.expiresAt - clock();

    c.header('Transfer-Encoding', 'chunked');
    c.header('Content-Type', 'text/event-stream');
    c.header('Cache-Control', 'no-cache');
    c.header('Connection', 'keep-alive');
    const outgoing = (c.env as { outgoing?: unknown } | undefined)?.outgoing;
    const body = sseBody(outgoing, (sink) => {
      const stream = new LiveStream({ person, space, groups: groups.map((group) => group.id), groupsAt, cursor, sink, store, clock });
      fanouts.attach(space, stream, expiresInMs).catch((error: unknown) => stream.fail(error));
      return { drain: () => stream.drain(clock()), closed: () => stream.gone() };
    });
    return c.body(body) as never;
  });
}
