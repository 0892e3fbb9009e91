import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { MutualErrorEvent, MutualGroupFeed as MutualGroupFeedElement, MutualPostEvent } from '@mutual/elements';

/**
 * `<mutual-group-feed>` for React: one group's posts, live. `onMutualPost` fires once the viewer's
 * post or reply is stored; `onMutualError` when a call fails (the feed shows it too).
 */
export const MutualGroupFeed = createComponent({
  tagName: 'mutual-group-feed',
  elementClass: MutualGroupFeedElement,
  react: React,
  displayName: 'MutualGroupFeed',
  events: {
    onMutualPost: MutualPostEvent.eventName as EventName<MutualPostEvent>,
    onMutualError: MutualErrorEvent.eventName as EventName<MutualErrorEvent>,
  },
});
