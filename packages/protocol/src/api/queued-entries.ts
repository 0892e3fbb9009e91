import { z } from 'zod';
import { EventIdSchema } from '../model/events.js';
import { InstantSchema } from '../model/ids.js';

/**
 * A post or reply of the caller's that their server holds for the group's home server and has not
 * delivered yet (its `202` said `queued`): what a widget shows again, as queued, after a reload.
 */
export const QueuedEntrySchema = z
  .object({
    /** The id the event will have: the `event` of the `202`. */
    event: EventIdSchema,
    type: z.enum(['post', 'reply']),
    clientId: z.string().optional(),
    text: z.string(),
    /** For a reply: the post it answers. */
    parent: EventIdSchema.optional(),
    at: InstantSchema,
  })
  .meta({ id: 'QueuedEntry' });
export type QueuedEntry = z.infer<typeof QueuedEntrySchema>;

/** Oldest first. */
export const QueuedEntriesSchema = z.object({ queued: z.array(QueuedEntrySchema) }).meta({ id: 'QueuedEntries' });
export type QueuedEntries = z.infer<typeof QueuedEntriesSchema>;
