import { z } from 'zod';
import { EMOJI_PATTERN } from '../model/emoji.js';
import { EventIdSchema, MAX_TEXT_LENGTH } from '../model/events.js';
import { IdSchema, InstantSchema } from '../model/ids.js';
import { PersonSchema } from '../model/person.js';

/** A reaction as a reader sees it: how many, and whether the reader is one of them. */
export const ReactionCountSchema = z
  .object({ emoji: z.string(), count: z.number().int().positive(), mine: z.boolean() })
  .meta({ id: 'ReactionCount' });

const entry = {
  id: EventIdSchema,
  group: IdSchema,
  seq: z.number().int().positive(),
  author: PersonSchema,
  text: z.string(),
  at: InstantSchema,
  clientId: z.string().optional(),
  reactions: z.array(ReactionCountSchema),
};

export const FeedReplySchema = z.object({ ...entry, parent: EventIdSchema }).meta({ id: 'FeedReply' });
export const FeedPostSchema = z
  .object({ ...entry, replies: z.array(FeedReplySchema) })
  .meta({ id: 'FeedPost' });

export type ReactionCount = z.infer<typeof ReactionCountSchema>;
export type FeedReply = z.infer<typeof FeedReplySchema>;
export type FeedPost = z.infer<typeof FeedPostSchema>;

/** Newest posts first; `next` fetches older ones. */
export const FeedPageSchema = z
  .object({
    posts: z.array(FeedPostSchema),
    /** Opaque cursor for the next (older) page; absent at the start of the feed. */
    next: z.string().optional(),
  })
  .meta({ id: 'FeedPage' });
export type FeedPage = z.infer<typeof FeedPageSchema>;

export const FEED_PAGE_DEFAULT = 30;
export const FEED_PAGE_MAX = 100;

export const FeedQuerySchema = z.object({
  before: z.string().regex(/^\d{1,15}$/).optional().meta({ description: 'cursor from a previous page' }),
  limit: z.coerce.number().int().min(1).max(FEED_PAGE_MAX).default(FEED_PAGE_DEFAULT),
});

const text = z.string().trim().min(1).max(MAX_TEXT_LENGTH);
const clientId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/)
  .optional()
  .meta({ description: 'chosen by the client; a retry with the same value is applied once' });

export const NewPostSchema = z.object({ text, clientId }).meta({ id: 'NewPost' });
export const NewReplySchema = z.object({ text, clientId }).meta({ id: 'NewReply' });
export const ReactionRequestSchema = z
  .object({ emoji: z.string().min(1).max(16).regex(EMOJI_PATTERN, 'one emoji'), on: z.boolean().default(true) })
  .meta({ id: 'ReactionRequest' });

export type NewPost = z.infer<typeof NewPostSchema>;
export type NewReply = z.infer<typeof NewReplySchema>;
export type ReactionRequest = z.infer<typeof ReactionRequestSchema>;

/**
 * The answer to a write in a group homed on another organisation's server: it is stored in this
 * server's outbox and will reach the home server; the live stream carries it once sequenced.
 */
export const QueuedWriteSchema = z
  .object({
    status: z.literal('queued'),
    /** The id the event will have. */
    event: EventIdSchema,
    /** The task or milestone id, for writes that create one. */
    ref: z.string().optional(),
    clientId: z.string().optional(),
  })
  .meta({ id: 'QueuedWrite' });
export type QueuedWrite = z.infer<typeof QueuedWriteSchema>;
