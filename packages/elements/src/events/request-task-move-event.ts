import type { Task, TaskStatus } from '@mutual/protocol';

/** Where a task sits on the board: its status column and its workstream lane (`plan` for none). */
export interface TaskPlace {
  status: TaskStatus;
  workstream: string;
}

/**
 * Fired by the workstream board before it moves a task (drag and drop or keyboard), so the host
 * may veto the move with `preventDefault()` — e.g. to ask for a deliverable before "done". Nothing
 * is sent when it is cancelled and the card goes back where it was.
 */
export class MutualRequestTaskMoveEvent extends Event {
  static readonly eventName = 'mutual-request-task-move';

  /** The task as it is before the move. */
  readonly task: Task;
  readonly from: Readonly<TaskPlace>;
  readonly to: Readonly<TaskPlace>;

  constructor(task: Task, from: TaskPlace, to: TaskPlace) {
    super(MutualRequestTaskMoveEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.task = task;
    this.from = { ...from };
    this.to = { ...to };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mutual-request-task-move': MutualRequestTaskMoveEvent;
  }
}
