import type { FeedPost, FeedReply } from '@mutual/protocol';

/**
 * Fired by a feed once the server has acknowledged a post or a reply the viewer wrote (after a
 * retry too). Not fired for what other people write.
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
