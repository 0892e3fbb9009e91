import type { Task } from '@mutual/protocol';

/** What happened to the task: created, or changed (moved, edited). */
export type MutualTaskChangeKind = 'created' | 'updated';

/**
 * Fired by the workstream board once a task the viewer created, moved or edited is stored: when
 * the server acknowledged it, or, in a group homed on another organisation's server, when it came
 * back on the live stream (not when the viewer's server queued it). Not fired for other people's
 * changes.
 */
export class MutualTaskChangeEvent extends Event {
  static readonly eventName = 'mutual-task-change';

  readonly kind: MutualTaskChangeKind;
  /** The group the task belongs to. */
  readonly group: string;
  /** The task as stored, after the change. */
  readonly task: Task;

  constructor(kind: MutualTaskChangeKind, task: Task) {
    super(MutualTaskChangeEvent.eventName, { bubbles: true, composed: true });
    this.kind = kind;
    this.group = task.group;
    this.task = task;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mutual-task-change': MutualTaskChangeEvent;
  }
}
