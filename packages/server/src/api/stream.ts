import { LiveMessageSchema, MutualError, type PersonId } from '@mutual/protocol';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { liveFrame } from '../live/live-frame.js';
import { SpaceTails, type SpaceTail } from '../live/space-tail.js';
import type { Store } from '../store/store.js';
import type { AppDeps, AppEnv } from './context.js';
import { problems, security } from './openapi.js';

/** A comment line this often keeps proxies from closing an idle stream. */
const KEEPALIVE_MS = 15_000;
/** Catch-up reads this many events at a time. */
const PAGE = 500;

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
  const tails = new SpaceTails(store);
  return new OpenAPIHono<AppEnv>().openapi(openStream, async (c) => {
    const { space } = c.req.valid('param');
    const person = c.var.person;
    const groups = await store.listGroupsFor(person, space);
    if (groups.length === 0) throw new MutualError('not_a_member', 'not a member of any group of this space');
    const resumeFrom = c.req.valid('header')['last-event-id'];
    const startCursor = resumeFrom !== undefined ? Number(resumeFrom) : await store.lastPosition(space);
    const expiresInMs = c.var.claims.expiresAt - clock();

    return streamSSE(c, async (stream) => {
      const { tail, release } = await tails.open(space);
      const reader = new SpaceReader(store, tail, person, space, new Set(groups.map((group) => group.id)), startCursor);
      let wake: () => void = () => {};
      let pending = false;
      let membershipChanged = false;
      const unsubscribe = hub.subscribe(space, (signal) => {
        tail.markStale();
        pending = true;
        if (signal.membershipOf === person) membershipChanged = true;
        wake();
      });
      const expiry = setTimeout(() => stream.abort(), Math.max(0, expiresInMs));
      stream.onAbort(() => {
        unsubscribe();
        release();
        clearTimeout(expiry);
        wake();
      });
      try {
        await reader.sendNew(stream);
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ cursor: String(reader.cursor) }) });
        while (!stream.aborted && !stream.closed) {
          if (!pending) {
            const woken = await new Promise<boolean>((resolve) => {
              const keepalive = setTimeout(() => resolve(false), KEEPALIVE_MS);
              wake = () => {
                clearTimeout(keepalive);
                resolve(true);
              };
            });
            if (!woken && !stream.aborted) {
              await stream.write(': keepalive\n\n');
              // A signal from another process may have been lost: read anyway, now and then.
              tail.markStale();
              await reader.refreshGroups();
              await reader.sendNew(stream);
            }
            continue;
          }
          pending = false;
          if (membershipChanged) {
            membershipChanged = false;
            await reader.refreshGroups();
          }
          await reader.sendNew(stream);
        }
      } finally {
        unsubscribe();
        release();
        clearTimeout(expiry);
      }
    }) as never;
  });
}

/**
 * Sends what a person may see of a space after a cursor. New events come from the space's shared
 * tail (one read for every stream of the space), filtered by the reader's groups; a reader further
 * behind reads the store itself. The hub only says that something happened, so an event can never
 * be skipped or reordered on its way to a reader.
 */
class SpaceReader {
  /** The position of the last event sent (the SSE id). */
  cursor: number;
  /** Every event up to this position has been looked at: sent, or not the reader's. */
  #scanned: number;
  readonly #store: Store;
  readonly #tail: SpaceTail;
  readonly #person: PersonId;
  readonly #space: string;
  #groups: Set<string>;

  constructor(store: Store, tail: SpaceTail, person: PersonId, space: string, groups: Set<string>, cursor: number) {
    this.#store = store;
    this.#tail = tail;
    this.#person = person;
    this.#space = space;
    this.#groups = groups;
    this.cursor = cursor;
    this.#scanned = cursor;
  }

  async refreshGroups() {
    const groups = await this.#store.listGroupsFor(this.#person, this.#space);
    const added = groups.some((group) => !this.#groups.has(group.id));
    this.#groups = new Set(groups.map((group) => group.id));
    // A group just joined: look again from the last event sent, as a reader of its own would.
    if (added) this.#scanned = this.cursor;
  }

  async sendNew(stream: SSEStreamingApi) {
    const shared = await this.#tail.after(this.#scanned);
    if (!shared) return this.#sendFromStore(stream);
    for (const { stored, frame } of shared.entries) {
      if (stream.aborted) return;
      if (!this.#groups.has(stored.event.group)) continue;
      await this.#send(stream, stored.cursor, frame);
    }
    this.#scanned = Math.max(this.#scanned, shared.upTo);
  }

  /** Catching up from further back than the shared tail keeps. */
  async #sendFromStore(stream: SSEStreamingApi) {
    // Read first: every event up to here is committed, so the reads below see all of them.
    const upTo = await this.#store.lastPosition(this.#space);
    for (;;) {
      const batch = await this.#store.eventsAfter([...this.#groups], this.#scanned, PAGE);
      if (batch.length === 0) break;
      const people = await this.#store.getPeople(batch.map(({ event }) => event.author));
      for (const stored of batch) {
        if (stream.aborted) return;
        await this.#send(stream, stored.cursor, liveFrame(stored, people.get(stored.event.author)));
      }
      if (batch.length < PAGE) break;
    }
    this.#scanned = Math.max(this.#scanned, upTo);
  }

  async #send(stream: SSEStreamingApi, cursor: number, frame: Uint8Array) {
    await stream.write(frame);
    this.cursor = cursor;
    this.#scanned = cursor;
  }
}
