import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { MutualDeciderCockpit as MutualDeciderCockpitElement, MutualErrorEvent } from '@mutual/elements';

/** `<mutual-decider-cockpit>` for React: the steering view. `onMutualError` when a call fails. */
export const MutualDeciderCockpit = createComponent({
  tagName: 'mutual-decider-cockpit',
  elementClass: MutualDeciderCockpitElement,
  react: React,
  displayName: 'MutualDeciderCockpit',
  events: {
    onMutualError: MutualErrorEvent.eventName as EventName<MutualErrorEvent>,
  },
});
