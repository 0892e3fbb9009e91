import { EVENT_TYPES, IdSchema, type EventType } from '@mutual/protocol';
import { z } from 'zod';
import { SecureUrlSchema } from '../config/secure-url.js';

/** Every event type, or `*` for all of them (new types included). */
export const WebhookEventTypesSchema = z
  .array(z.union([z.literal('*'), z.enum(EVENT_TYPES as [EventType, ...EventType[]])]))
  .min(1)
  .refine((types) => !types.includes('*') || types.length === 1, '`*` stands alone');

/** https, or plain http to this machine only; no user name or password in the URL. */
export const WebhookUrlSchema = SecureUrlSchema;

export const NewWebhookSchema = z.object({
  space: IdSchema,
  /** One group of the space; all groups of the space held here when absent. */
  group: IdSchema.optional(),
  events: WebhookEventTypesSchema.default(['*']),
  url: WebhookUrlSchema,
  description: z.string().max(200).optional(),
});
export type NewWebhook = z.input<typeof NewWebhookSchema>;

/** A subscription as an admin sees it: never with its secret. */
export interface WebhookSubscription {
  id: string;
  organisation: string;
  space: string;
  group?: string;
  events: Array<EventType | '*'>;
  url: string;
  description?: string;
  createdAt: string;
}

export const acceptsType = (events: readonly string[], type: string) => events.includes('*') || events.includes(type);
