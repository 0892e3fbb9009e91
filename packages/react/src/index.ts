/**
 * React wrappers for the Mutual web components, generated with `@lit/react`: each is the element
 * itself (importing this module defines the tags), with its properties as props and its events as
 * `onMutual…` props.
 */
export { MutualSpace } from './space.js';
export { MutualGroupFeed } from './group-feed.js';
export { MutualWorkstreamBoard } from './workstream-board.js';
export { MutualDeciderCockpit } from './decider-cockpit.js';
export type {
  MutualConnectionChangeEvent,
  MutualErrorEvent,
  MutualPostEvent,
  MutualRequestTaskMoveEvent,
  MutualTaskChangeEvent,
  TokenProvider,
} from '@mutual/elements';
