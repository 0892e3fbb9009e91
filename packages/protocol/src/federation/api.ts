import { z } from 'zod';
import { EVENT_BODY_SCHEMAS, EventIdSchema, GroupEventSchema, type EventType } from '../model/events.js';
import { GroupSchema } from '../model/group.js';
import { IdSchema, InstantSchema } from '../model/ids.js';
import { DomainSchema, PersonIdSchema, PersonSchema } from '../model/person.js';
import { SpaceSchema } from '../model/space.js';
import { FEDERATION_PROTOCOL } from './profiles.js';

/** Most events in one delivery or submission; larger batches are refused with 413. */
export const MAX_EVENTS_PER_REQUEST = 500;
/** Largest federation request body. */
export const MAX_FEDERATION_BODY_BYTES = 2 * 1024 * 1024;

/** Most keys one organisation may publish or have pinned (rotations included). */
export const MAX_PINNED_KEYS = 100;
const Jwks = z.object({ keys: z.array(z.record(z.string(), z.unknown())).min(1).max(MAX_PINNED_KEYS) });

export const ServerMetadataSchema = z.object({
  protocol: z.literal(FEDERATION_PROTOCOL),
  domain: DomainSchema,
  name: z.string(),
  origin: z.string(),
  jwks_uri: z.string(),
});
export type ServerMetadata = z.infer<typeof ServerMetadataSchema>;

/** An exact origin: scheme, host and port, nothing else. */
export const OriginSchema = z
  .string()
  .max(300)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'an exact origin: scheme://host[:port]');

/** Public keys only: a JWK with a private part is refused, not silently pinned. */
const PublicJwks = Jwks.refine((jwks) => jwks.keys.every((key) => !('d' in key) && typeof key.kid === 'string'), 'public keys with a kid only');

export const PeeringAcceptSchema = z.object({
  invitation: z.string().max(16384),
  domain: DomainSchema,
  name: z.string().min(1).max(120),
  origin: OriginSchema,
  jwks: PublicJwks,
});
export type PeeringAccept = z.infer<typeof PeeringAcceptSchema>;

export const PeeringAcceptedSchema = z.object({
  domain: DomainSchema,
  name: z.string(),
  origin: z.string(),
  jwks: Jwks,
});
export type PeeringAccepted = z.infer<typeof PeeringAcceptedSchema>;

/** An event as it travels between servers: with its home server's proof. */
export const SealedEventSchema = z.object({ event: GroupEventSchema, proof: z.string().max(4096) });
export type SealedEvent = z.infer<typeof SealedEventSchema>;

/** Home → member server: the next events of a group, in sequence order. */
export const DeliverySchema = z.object({
  space: SpaceSchema,
  group: GroupSchema,
  events: z.array(SealedEventSchema).max(MAX_EVENTS_PER_REQUEST),
  people: z.array(PersonSchema).max(2000),
  /** Fresh membership claims for the receiver's people in this group. */
  claims: z.array(z.string().max(4096)).max(2000),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const DeliveryReceiptSchema = z.object({
  /** Highest sequence number the receiver has applied without a gap. */
  applied: z.number().int().nonnegative(),
  /** Events it holds until a gap is filled. */
  held: z.number().int().nonnegative(),
  /** Events and claims it refused (bad proof, wrong group, conflicting sequence): a problem to report. */
  rejected: z.number().int().nonnegative().default(0),
});
export type DeliveryReceipt = z.infer<typeof DeliveryReceiptSchema>;

/** What a member's server asks the home to place in the log on behalf of one of its people. */
export const DraftSchema = z
  .object({
    space: IdSchema,
    group: IdSchema,
    type: z.enum(Object.keys(EVENT_BODY_SCHEMAS) as [EventType, ...EventType[]]),
    author: PersonIdSchema,
    at: InstantSchema,
    body: z.record(z.string(), z.unknown()),
  })
  // The body is replaced by its parsed form (trimmed, unknown fields dropped): what the home
  // appends, hashes and signs must be exactly what every receiver's schema gives back.
  .transform((draft, context) => {
    const result = EVENT_BODY_SCHEMAS[draft.type].safeParse(draft.body);
    if (!result.success) {
      context.addIssue({ code: 'custom', message: `invalid ${draft.type} body`, path: ['body'] });
      return z.NEVER;
    }
    return { ...draft, body: result.data as Record<string, unknown> };
  });

export const SubmissionSchema = z.object({
  writes: z
    .array(
      z.object({
        draft: DraftSchema,
        /** The home's membership claim for the author, as last received. */
        claim: z.string().max(4096),
        author: PersonSchema,
        clientId: z.string().max(64).optional(),
      }),
    )
    .min(1)
    .max(MAX_EVENTS_PER_REQUEST),
});
export type Submission = z.infer<typeof SubmissionSchema>;

export const SubmissionResultSchema = z.object({
  results: z.array(
    z.object({
      id: EventIdSchema,
      seq: z.number().int().positive().optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
  /** The accepted events, sealed, so the sender can apply them at once. */
  events: z.array(SealedEventSchema),
});
export type SubmissionResult = z.infer<typeof SubmissionResultSchema>;

export const BackfillSchema = z.object({
  space: SpaceSchema,
  group: GroupSchema,
  events: z.array(SealedEventSchema),
  people: z.array(PersonSchema),
  /** The home's last sequence number now: more pages remain while it is higher. */
  last: z.number().int().nonnegative(),
});
export type Backfill = z.infer<typeof BackfillSchema>;

export const ClaimsSchema = z.object({ claims: z.array(z.string()) });

export const KeysAnnouncementSchema = z.object({ jwks: Jwks });

export { Jwks as JwksSchema };
export const PeerSummarySchema = z.object({
  domain: DomainSchema,
  name: z.string(),
  origin: z.string(),
  since: InstantSchema,
});
