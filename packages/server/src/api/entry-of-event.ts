import type { FeedPost, FeedReply, Person } from '@mutual/protocol';
import type { StoredEvent } from '../store/store.js';

/**
 * A post or reply as the feed shows it, built from the event just appended: nothing can have
 * reacted to it or replied to it yet, so there is no need to read it back from the store.
 */
export function entryOfEvent({ event }: StoredEvent, author: Person): FeedPost | FeedReply {
  if (event.type !== 'post' && event.type !== 'reply') throw new TypeError(`${event.type} is not a feed entry`);
  const entry = {
    id: event.id,
    group: event.group,
    seq: event.seq,
    author,
    text: event.body.text,
    at: event.at,
    ...(event.body.clientId !== undefined && { clientId: event.body.clientId }),
    reactions: [],
  };
  return event.type === 'reply' ? { ...entry, parent: event.body.parent } : { ...entry, replies: [] };
}
