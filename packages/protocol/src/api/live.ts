import { z } from 'zod';
import { GroupEventSchema } from '../model/events.js';
import { PersonSchema } from '../model/person.js';

/** SSE event name for a group event on the space stream. */
export const LIVE_EVENT_NAME = 'group-event';

/**
 * One message of a space's live stream (`text/event-stream`): the event and its author, so a
 * widget can show it without another request. The SSE `id` is an opaque resume cursor.
 */
export const LiveMessageSchema = z
  .object({ event: GroupEventSchema, author: PersonSchema })
  .meta({ id: 'LiveMessage' });
export type LiveMessage = z.infer<typeof LiveMessageSchema>;
