import { z } from 'zod';
import { IdSchema, InstantSchema } from './ids.js';
import { PersonIdSchema } from './person.js';
import { RoleSchema } from './group.js';
import { MilestoneFieldsSchema, TaskChangeFieldsSchema, TaskFieldsSchema } from './task.js';

/** Longest post or reply, in characters. */
export const MAX_TEXT_LENGTH = 20_000;

/** Content-derived event id: base64url SHA-256 of the event's canonical JSON (see event-id.ts). */
export const EventIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, { message: 'a base64url SHA-256' })
  .meta({ id: 'EventId' });
export type EventId = z.infer<typeof EventIdSchema>;

const Text = z.string().trim().min(1).max(MAX_TEXT_LENGTH);
/** Chosen by the sending client so that a retried send is applied once. */
const ClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const PostBodySchema = z.object({ text: Text, clientId: ClientId.optional() });
export const ReplyBodySchema = z.object({ parent: EventIdSchema, text: Text, clientId: ClientId.optional() });
export const ReactionBodySchema = z.object({
  target: EventIdSchema,
  emoji: z.string().min(1).max(16),
  /** true adds the reaction, false takes it back. */
  on: z.boolean(),
});
export const TaskCreatedBodySchema = TaskFieldsSchema.extend({ task: IdSchema });
export const TaskUpdatedBodySchema = z.object({
  task: IdSchema,
  changes: TaskChangeFieldsSchema.refine((changes) => Object.keys(changes).length > 0, {
    message: 'at least one field must change',
  }),
});
export const MilestoneSetBodySchema = MilestoneFieldsSchema.extend({ milestone: IdSchema });
export const MemberAddedBodySchema = z.object({ person: PersonIdSchema, role: RoleSchema });
export const MemberRemovedBodySchema = z.object({ person: PersonIdSchema });
export const GroupChangedBodySchema = z.object({ name: z.string().min(1).max(120) });
/** A milestone or success criterion put forward by one organisation, signed by its server. */
export const AgreementProposedBodySchema = z.object({
  agreement: IdSchema,
  kind: z.enum(['milestone', 'success-criterion']),
  title: z.string().trim().min(1).max(200),
  date: z.iso.date().optional(),
  measure: z.string().max(500).optional(),
  parties: z.array(z.string()).length(2),
  /** The proposing organisation's domain and its signature over the terms. */
  by: z.string(),
  signature: z.string().max(4096),
});
/** The other organisation's countersignature: both have now signed the same terms. */
export const AgreementCountersignedBodySchema = z.object({
  agreement: IdSchema,
  by: z.string(),
  signature: z.string().max(4096),
});

/** Each event type with the schema of its body. */
export const EVENT_BODY_SCHEMAS = {
  post: PostBodySchema,
  reply: ReplyBodySchema,
  reaction: ReactionBodySchema,
  'task.created': TaskCreatedBodySchema,
  'task.updated': TaskUpdatedBodySchema,
  'milestone.set': MilestoneSetBodySchema,
  'member.added': MemberAddedBodySchema,
  'member.removed': MemberRemovedBodySchema,
  'group.changed': GroupChangedBodySchema,
  'agreement.proposed': AgreementProposedBodySchema,
  'agreement.countersigned': AgreementCountersignedBodySchema,
} as const;

export type EventType = keyof typeof EVENT_BODY_SCHEMAS;
export const EVENT_TYPES = Object.keys(EVENT_BODY_SCHEMAS) as EventType[];
export type EventBody<T extends EventType> = z.infer<(typeof EVENT_BODY_SCHEMAS)[T]>;

const envelope = {
  id: EventIdSchema,
  space: IdSchema,
  group: IdSchema,
  /** Gap-free position in the group's log, assigned by the group's home server. */
  seq: z.number().int().positive(),
  author: PersonIdSchema,
  at: InstantSchema,
};

/** An immutable entry in a group's log. Feeds, boards and cockpits are derived from these. */
export const GroupEventSchema = z
  .discriminatedUnion('type', [
    z.object({ ...envelope, type: z.literal('post'), body: PostBodySchema }),
    z.object({ ...envelope, type: z.literal('reply'), body: ReplyBodySchema }),
    z.object({ ...envelope, type: z.literal('reaction'), body: ReactionBodySchema }),
    z.object({ ...envelope, type: z.literal('task.created'), body: TaskCreatedBodySchema }),
    z.object({ ...envelope, type: z.literal('task.updated'), body: TaskUpdatedBodySchema }),
    z.object({ ...envelope, type: z.literal('milestone.set'), body: MilestoneSetBodySchema }),
    z.object({ ...envelope, type: z.literal('member.added'), body: MemberAddedBodySchema }),
    z.object({ ...envelope, type: z.literal('member.removed'), body: MemberRemovedBodySchema }),
    z.object({ ...envelope, type: z.literal('group.changed'), body: GroupChangedBodySchema }),
    z.object({ ...envelope, type: z.literal('agreement.proposed'), body: AgreementProposedBodySchema }),
    z.object({ ...envelope, type: z.literal('agreement.countersigned'), body: AgreementCountersignedBodySchema }),
  ])
  .meta({ id: 'GroupEvent' });

export type GroupEvent = z.infer<typeof GroupEventSchema>;

/** What an event is before its home server places it in the log. */
export type EventDraft<T extends EventType = EventType> = {
  space: string;
  group: string;
  type: T;
  author: string;
  at: string;
  body: EventBody<T>;
};
