import { z } from 'zod';
import { EVENT_TYPES, EventIdSchema } from '../model/events.js';
import { IdSchema, InstantSchema } from '../model/ids.js';

/**
 * A write of the caller's that their server queued for another organisation's server (a `202`),
 * which that home server then refused for good: it will never be in the group. `code` and
 * `message` are the home's (`message` in English, for people; `code` is stable).
 */
export const RefusedWriteSchema = z
  .object({
    /** The id the event would have had: the `event` of the `202`. */
    event: EventIdSchema,
    group: IdSchema,
    type: z.enum(EVENT_TYPES as [string, ...string[]]),
    clientId: z.string().optional(),
    code: z.string(),
    message: z.string(),
    /** When the home's refusal came. */
    at: InstantSchema,
  })
  .meta({ id: 'RefusedWrite' });
export type RefusedWrite = z.infer<typeof RefusedWriteSchema>;

/** Those of the ids asked about that the home refused: only the caller's own writes in the space. */
export const RefusedWritesSchema = z.object({ refused: z.array(RefusedWriteSchema) }).meta({ id: 'RefusedWrites' });
export type RefusedWrites = z.infer<typeof RefusedWritesSchema>;
