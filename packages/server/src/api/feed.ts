import {
  FeedPageSchema,
  FeedPostSchema,
  FeedQuerySchema,
  FeedReplySchema,
  MAX_REACTIONS_PER_PERSON,
  MutualError,
  NewPostSchema,
  NewReplySchema,
  ReactionCountSchema,
  ReactionRequestSchema,
  type FeedPage,
  type FeedPost,
  type FeedReply,
  type PersonId,
} from '@mutual/protocol';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { requireMember, requireWriter } from './access.js';
import type { AppDeps, AppEnv } from './context.js';
import { entryOfEvent } from './entry-of-event.js';
import { FeedPageCache } from './feed-page-cache.js';
import { serialisedJson } from './serialised-json.js';
import { usualFirstPageLimit } from './usual-feed-query.js';
import { body, json, problems, queued, security } from './openapi.js';
import { unknownPerson } from '../store/rows.js';
import type { StoredEvent } from '../store/store.js';

const GROUP_ID_MAX = 64;
const GroupParams = z.object({ group: z.string().max(GROUP_ID_MAX) });
const EntryParams = GroupParams.extend({ post: z.string().max(64) });

const listPosts = createRoute({
  method: 'get',
  path: '/groups/{group}/posts',
  tags: ['feed'],
  summary: "A page of a group's feed, newest first, with threads and reactions",
  security,
  request: { params: GroupParams, query: FeedQuerySchema },
  responses: { 200: json(FeedPageSchema, 'A page of posts'), 400: problems[400], 401: problems[401], 403: problems[403] },
});

const createPost = createRoute({
  method: 'post',
  path: '/groups/{group}/posts',
  tags: ['feed'],
  summary: 'Post in a group',
  security,
  request: { params: GroupParams, ...body(NewPostSchema) },
  responses: {
    201: json(FeedPostSchema, 'The post, durably stored'),
    ...queued,
    400: problems[400],
    401: problems[401],
    403: problems[403],
    413: problems[413],
  },
});

const createReply = createRoute({
  method: 'post',
  path: '/groups/{group}/posts/{post}/replies',
  tags: ['feed'],
  summary: "Reply in a post's thread",
  security,
  request: { params: EntryParams, ...body(NewReplySchema) },
  responses: {
    201: json(FeedReplySchema, 'The reply, durably stored'),
    ...queued,
    400: problems[400],
    401: problems[401],
    403: problems[403],
    404: problems[404],
    413: problems[413],
  },
});

const react = createRoute({
  method: 'post',
  path: '/groups/{group}/posts/{post}/reactions',
  tags: ['feed'],
  summary: 'Add or take back a reaction to a post or a reply',
  security,
  request: { params: EntryParams, ...body(ReactionRequestSchema) },
  responses: {
    200: json(z.object({ reactions: z.array(ReactionCountSchema) }), 'The reactions now'),
    ...queued,
    400: problems[400],
    401: problems[401],
    403: problems[403],
    404: problems[404],
  },
});

export function feedRoutes({ store, writer }: AppDeps) {
  /** The 201 of a post or reply: from the event just appended, or read back if it was a retry. */
  async function answerOf(stored: StoredEvent, viewer: PersonId) {
    if (stored.appended) return entryOfEvent(stored, (await store.getPerson(viewer)) ?? unknownPerson(viewer));
    const entry = await store.getEntry(stored.event.group, stored.event.id, viewer);
    return 'parent' in entry! ? FeedReplySchema.parse(entry) : FeedPostSchema.parse(entry);
  }

  const firstPages = new FeedPageCache(store);
  async function firstPage(c: Context<AppEnv>, group: string, limit: number) {
    // Checked on every request, cached page or not: a removed member is refused at once.
    const access = await requireMember(store, group, c.get('person'));
    // Byte for byte what c.json(page) writes (see feed-page-cache.ts).
    return serialisedJson<FeedPage>(c, await firstPages.firstPage(access, c.get('person'), limit));
  }
  /** The usual read (`?limit=N`, or no query) checked by hand; anything else goes to the validators. */
  const usualFirstPage: MiddlewareHandler<AppEnv> = async (c, next) => {
    const limit = usualFirstPageLimit(c.req.url);
    const group = c.req.param('group');
    if (limit === undefined || group === undefined || group.length > GROUP_ID_MAX) return next();
    return firstPage(c, group, limit);
  };

  return new OpenAPIHono<AppEnv>()
    .openapi({ ...listPosts, middleware: [usualFirstPage] }, async (c) => {
      const { group } = c.req.valid('param');
      const { before, limit } = c.req.valid('query');
      if (before === undefined) return firstPage(c, group, limit);
      const access = await requireMember(store, group, c.var.person);
      return c.json(await store.feedPage({ group, viewer: c.var.person, limit, before: Number(before), throughSeq: access.lastSeq }), 200);
    })
    .openapi(createPost, async (c) => {
      const { group } = c.req.valid('param');
      const { text, clientId } = c.req.valid('json');
      const access = await requireWriter(store, group, c.var.person);
      const result = await writer.write({
        space: access.group.space,
        group,
        author: c.var.person,
        type: 'post',
        body: { text, ...(clientId && { clientId }) },
        ...(clientId && { clientId }),
      }, access);
      if (result.status === 'queued') return c.json({ status: 'queued' as const, event: result.id, ...(clientId && { clientId }) }, 202);
      return c.json((await answerOf(result.stored, c.var.person)) as FeedPost, 201);
    })
    .openapi(createReply, async (c) => {
      const { group, post } = c.req.valid('param');
      const { text, clientId } = c.req.valid('json');
      const access = await requireWriter(store, group, c.var.person);
      const target = await store.getEntry(group, post, c.var.person);
      if (!target) throw new MutualError('not_found', 'no such post in this group');
      // A reply to a reply joins the thread of its post: threads are one level deep.
      const parent = 'parent' in target ? target.parent : target.id;
      const result = await writer.write({
        space: access.group.space,
        group,
        author: c.var.person,
        type: 'reply',
        body: { parent, text, ...(clientId && { clientId }) },
        ...(clientId && { clientId }),
      }, access);
      if (result.status === 'queued') return c.json({ status: 'queued' as const, event: result.id, ...(clientId && { clientId }) }, 202);
      return c.json((await answerOf(result.stored, c.var.person)) as FeedReply, 201);
    })
    .openapi(react, async (c) => {
      const { group, post } = c.req.valid('param');
      const { emoji, on } = c.req.valid('json');
      const access = await requireWriter(store, group, c.var.person);
      const entry = await store.getEntry(group, post, c.var.person);
      if (!entry) throw new MutualError('not_found', 'no such post in this group');
      // Only a change is an event: reacting twice, or taking back what is not there, writes nothing.
      const mine = entry.reactions.some((reaction) => reaction.emoji === emoji && reaction.mine);
      if (on && !mine && entry.reactions.filter((reaction) => reaction.mine).length >= MAX_REACTIONS_PER_PERSON) {
        throw new MutualError('invalid_request', `at most ${MAX_REACTIONS_PER_PERSON} different reactions by one person on one entry`);
      }
      if (mine !== on) {
        const result = await writer.write({
          space: access.group.space,
          group,
          author: c.var.person,
          type: 'reaction',
          body: { target: post, emoji, on },
        }, access);
        if (result.status === 'queued') return c.json({ status: 'queued' as const, event: result.id }, 202);
      }
      return c.json({ reactions: await store.reactionsOf(post, c.var.person) }, 200);
    });
}
