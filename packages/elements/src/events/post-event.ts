import type { FeedPost, FeedReply } from '@mutual/protocol';

/**
 * Fired by a feed once a post or a reply the viewer wrote is stored (after a retry too): when the
 * server acknowledged it, or, in a group homed on another organisation's server, when it came back
 * on the live stream (not when the viewer's server queued it). Once per entry. Not fired for what
 * other people write.
 */
export class MutualPostEvent extends Event {
  static readonly eventName = 'mutual-post';

  /** The group the entry was written in. */
  readonly group: string;
  /** `reply` when the entry answers a post; its `parent` then names the post. */
  readonly kind: 'post' | 'reply';
  /** The entry as the server stored it. */
  readonly post: FeedPost | FeedReply;

  constructor(group: string, kind: 'post' | 'reply', post: FeedPost | FeedReply) {
    super(MutualPostEvent.eventName, { bubbles: true, composed: true });
    this.group = group;
    this.kind = kind;
    this.post = post;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mutual-post': MutualPostEvent;
  }
}
