import { RefusedWritesSchema, type EventDraft, type RefusedWrite } from '@mutual/protocol';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from './context.js';
import { json, problems, security } from './openapi.js';
import type { OutboxItem } from '../store/outbox-store.js';

/** Refusals looked through per request: they are rare, and an author cares about the latest. */
const LOOKED_THROUGH = 1_000;
/** At most this many are answered. */
const ANSWERED = 100;

const listRefused = createRoute({
  method: 'get',
  path: '/spaces/{space}/refused',
  tags: ['feed'],
  summary: "My queued writes in this space that the group's home server refused",
  description:
    "A write in a group homed on another organisation's server is answered `202` and sent on later; " +
    'should that server refuse it for good (the author was removed meanwhile, say), it is listed here, ' +
    'newest first, so the widget that showed it as queued can say so. Only the caller’s own writes.',
  security,
  request: { params: z.object({ space: z.string().max(64) }) },
  responses: { 200: json(RefusedWritesSchema, 'The refused writes'), 401: problems[401] },
});

export function refusedWriteRoutes({ store }: AppDeps) {
  return new OpenAPIHono<AppEnv>().openapi(listRefused, async (c) => {
    const { space } = c.req.valid('param');
    const refused: RefusedWrite[] = [];
    for (const item of await store.outbox.refusedSubmits(LOOKED_THROUGH)) {
      const write = refusalOf(item);
      // The caller's own drafts only, whatever their membership now: nothing of anyone else's.
      if (write && write.author === c.var.person && write.space === space) refused.push(write.refused);
      if (refused.length === ANSWERED) break;
    }
    return c.json({ refused }, 200);
  });
}

/** An outbox item's draft and the home's refusal (`code: message`, as the outbox worker keeps it). */
function refusalOf(item: OutboxItem): { author: string; space: string; refused: RefusedWrite } | undefined {
  if (!item.payload || !item.eventId || !item.failedAt) return undefined;
  const { draft, clientId } = JSON.parse(item.payload) as { draft: EventDraft; clientId?: string };
  const error = item.lastError ?? '';
  const colon = error.indexOf(': ');
  return {
    author: draft.author,
    space: draft.space,
    refused: {
      event: item.eventId,
      group: draft.group,
      type: draft.type,
      ...(clientId && { clientId }),
      code: colon > 0 ? error.slice(0, colon) : 'refused',
      message: colon > 0 ? error.slice(colon + 2) : error,
      at: item.failedAt,
    },
  };
}
