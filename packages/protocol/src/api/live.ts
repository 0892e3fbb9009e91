import { z } from 'zod';
import { GroupEventSchema } from '../model/events.js';
import { PersonSchema } from '../model/person.js';

/** SSE event name for a group event on the space stream. */
export const LIVE_EVENT_NAME = 'group-event';

/** How many people gave one reaction to an entry: a `ReactionCount` without the reader's `mine`. */
export const ReactionTotalSchema = z
  .object({ emoji: z.string(), count: z.number().int().positive() })
  .meta({ id: 'ReactionTotal' });
export type ReactionTotal = z.infer<typeof ReactionTotalSchema>;

/**
 * One message of a space's live stream (`text/event-stream`): the event and its author, so a
 * widget can show it without another request. The SSE `id` is an opaque resume cursor.
 */
export const LiveMessageSchema = z
  .object({
    event: GroupEventSchema,
    author: PersonSchema,
    /**
     * With a reaction: its entry's reactions as the server counted them when it read the event for
     * the stream (that event and every earlier one included, possibly later ones too), with no
     * reader's own marks: the last message for an entry has its latest counts. A reader sets its
     * counts from these rather than adding one: a reaction someone already had, or one the reader
     * already counted from a page, changes nothing. Absent from older servers.
     */
    reactions: z.array(ReactionTotalSchema).optional(),
  })
  .meta({ id: 'LiveMessage' });
export type LiveMessage = z.infer<typeof LiveMessageSchema>;
