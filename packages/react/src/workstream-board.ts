import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import {
  MutualErrorEvent,
  MutualRequestTaskMoveEvent,
  MutualTaskChangeEvent,
  MutualWorkstreamBoard as MutualWorkstreamBoardElement,
} from '@mutual/elements';

/**
 * `<mutual-workstream-board>` for React: the mutual action plan. `onMutualRequestTaskMove` may
 * veto a move with `event.preventDefault()`; `onMutualTaskChange` fires once the viewer's change
 * is stored; `onMutualError` when a call fails.
 */
export const MutualWorkstreamBoard = createComponent({
  tagName: 'mutual-workstream-board',
  elementClass: MutualWorkstreamBoardElement,
  react: React,
  displayName: 'MutualWorkstreamBoard',
  events: {
    onMutualRequestTaskMove: MutualRequestTaskMoveEvent.eventName as EventName<MutualRequestTaskMoveEvent>,
    onMutualTaskChange: MutualTaskChangeEvent.eventName as EventName<MutualTaskChangeEvent>,
    onMutualError: MutualErrorEvent.eventName as EventName<MutualErrorEvent>,
  },
});
