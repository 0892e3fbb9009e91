import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { MutualConnectionChangeEvent, MutualErrorEvent, MutualSpace as MutualSpaceElement } from '@mutual/elements';

/**
 * `<mutual-space>` for React: one evaluation and the one connection its widgets share. Props are
 * the element's properties (`server`, `space`, `tokenProvider` — keep it stable with
 * `useCallback` — or `token`); `onMutualConnectionChange` and `onMutualError` receive its events.
 */
export const MutualSpace = createComponent({
  tagName: 'mutual-space',
  elementClass: MutualSpaceElement,
  react: React,
  displayName: 'MutualSpace',
  events: {
    onMutualConnectionChange: MutualConnectionChangeEvent.eventName as EventName<MutualConnectionChangeEvent>,
    onMutualError: MutualErrorEvent.eventName as EventName<MutualErrorEvent>,
  },
});
