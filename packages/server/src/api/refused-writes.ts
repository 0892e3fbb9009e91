import { RefusedWritesSchema, type RefusedWrite } from '@mutual/protocol';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from './context.js';
import { json, problems, security } from './openapi.js';
import { refusalParts, type OutboxItem } from '../store/outbox-store.js';
import { submittedWriteOf } from '../store/submitted-write.js';

/** How many queued writes one question may name. */
export const MAX_REFUSAL_QUESTIONS = 50;

const listRefused = createRoute({
  method: 'get',
  path: '/spaces/{space}/refused',
  tags: ['feed'],
  summary: "Which of my queued writes the group's home server refused",
  description:
    "A write in a group homed on another organisation's server is answered `202` with the id its event will have, " +
    'and sent on later. Should that server refuse it for good (the author was removed meanwhile, say), asking here ' +
    "with that id says so, with the home's reason, so the widget that showed it as queued can tell its author. " +
    'Only the caller’s own writes in this space are answered; ids of anything else are left out.',
  security,
  request: {
    params: z.object({ space: z.string().max(64) }),
    query: z.object({
      events: z
        .string()
        .regex(new RegExp(`^[A-Za-z0-9_-]{43}(,[A-Za-z0-9_-]{43}){0,${MAX_REFUSAL_QUESTIONS - 1}}$`), `1 to ${MAX_REFUSAL_QUESTIONS} event ids, comma-separated`)
        .meta({ description: 'the `event` of each `202`, comma-separated' }),
    }),
  },
  responses: { 200: json(RefusedWritesSchema, 'Those of them the home refused'), 400: problems[400], 401: problems[401] },
});

export function refusedWriteRoutes({ store }: AppDeps) {
  return new OpenAPIHono<AppEnv>().openapi(listRefused, async (c) => {
    const { space } = c.req.valid('param');
    const { events } = c.req.valid('query');
    const refused: RefusedWrite[] = [];
    for (const item of await store.outbox.refusedSubmits([...new Set(events.split(','))])) {
      const write = refusalOf(item);
      // The caller's own drafts only, whatever their membership now: nothing of anyone else's.
      if (write && write.author === c.var.person && write.space === space) refused.push(write.refused);
    }
    return c.json({ refused }, 200);
  });
}

/** An outbox item's draft and the refusal kept with it. */
function refusalOf(item: OutboxItem): { author: string; space: string; refused: RefusedWrite } | undefined {
  const write = submittedWriteOf(item);
  if (!write || !item.failedAt) return undefined;
  const { draft, clientId } = write;
  return {
    author: draft.author,
    space: draft.space,
    refused: {
      event: write.event,
      group: draft.group,
      type: draft.type,
      ...(clientId && { clientId }),
      ...refusalParts(item.lastError),
      at: item.failedAt,
    },
  };
}
