import { QueuedEntriesSchema, type QueuedEntry } from '@mutual/protocol';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { requireMember } from './access.js';
import type { AppDeps, AppEnv } from './context.js';
import { json, problems, security } from './openapi.js';
import type { OutboxItem } from '../store/outbox-store.js';
import { submittedWriteOf } from '../store/submitted-write.js';

/** At most this many are answered: the oldest, which the feed shows first. */
const ANSWERED = 100;

const listQueued = createRoute({
  method: 'get',
  path: '/groups/{group}/queued',
  tags: ['feed'],
  summary: 'My posts and replies in this group still waiting for its home server',
  description:
    "In a group homed on another organisation's server, a post or reply is answered `202` and waits in this " +
    'server’s outbox until the home takes it (for as long as the home is down). Listed here, oldest first, so that ' +
    'a feed opened meanwhile shows them as queued rather than not at all. Only the caller’s own.',
  security,
  request: { params: z.object({ group: z.string().max(64) }) },
  responses: { 200: json(QueuedEntriesSchema, 'The queued entries'), 401: problems[401], 403: problems[403] },
});

export function queuedEntryRoutes({ store }: AppDeps) {
  return new OpenAPIHono<AppEnv>().openapi(listQueued, async (c) => {
    const { group } = c.req.valid('param');
    await requireMember(store, group, c.var.person);
    const queued: QueuedEntry[] = [];
    for (const item of await store.outbox.pendingSubmits(group)) {
      const entry = entryOf(item, c.var.person);
      if (entry) queued.push(entry);
      if (queued.length === ANSWERED) break;
    }
    return c.json({ queued }, 200);
  });
}

/** The caller's queued post or reply in an outbox item, if it is one. */
function entryOf(item: OutboxItem, person: string): QueuedEntry | undefined {
  const write = submittedWriteOf(item);
  if (!write) return undefined;
  const { draft, clientId } = write;
  if (draft.author !== person || (draft.type !== 'post' && draft.type !== 'reply')) return undefined;
  const body = draft.body as { text?: unknown; parent?: unknown };
  if (typeof body.text !== 'string') return undefined;
  return {
    event: write.event,
    type: draft.type,
    ...(clientId && { clientId }),
    text: body.text,
    ...(draft.type === 'reply' && typeof body.parent === 'string' && { parent: body.parent }),
    at: draft.at,
  };
}
