import type { Milestone, PersonId, Task } from '@mutual/protocol';

/** What one person did in some groups over some days (see {@link CockpitStore.participation}). */
export interface ParticipationCount {
  person: PersonId;
  posts: number;
  taskChanges: number;
  lastActive: string;
}

/** A workstream's task counts; its key is the task's workstream, else its group's, else `plan`. */
export interface WorkstreamCounts {
  workstream: string;
  done: number;
  total: number;
  blocked: number;
  overdue: number;
}

/** The first tasks of a list in the cockpit's order (soonest due first, undated last), and how many there are. */
export interface TaskSample {
  tasks: Task[];
  total: number;
}

/**
 * The cockpit's figures, computed by the store from counters and indexes so that their cost does
 * not grow with the log or the plan. Every query takes the viewer's groups: nothing else is counted.
 * `today` is a UTC day (`YYYY-MM-DD`); a task is overdue when it is not done and due before today.
 */
export interface CockpitStore {
  /** Who posted or changed the plan in those groups on `sinceDay` (a UTC day) or later. */
  participation(groups: readonly string[], sinceDay: string): Promise<ParticipationCount[]>;
  /** Done, total, blocked and overdue tasks per workstream, by workstream name. */
  workstreamCounts(groups: readonly string[], today: string): Promise<WorkstreamCounts[]>;
  /** The first overdue tasks (their number is the sum of {@link workstreamCounts}' `overdue`). */
  overdueTasks(groups: readonly string[], today: string, limit: number): Promise<Task[]>;
  /** The first blocked tasks (their number is the sum of {@link workstreamCounts}' `blocked`). */
  blockedTasks(groups: readonly string[], limit: number): Promise<Task[]>;
  /** Milestones not done, dated today or later, soonest first. */
  nextMilestones(groups: readonly string[], today: string, limit: number): Promise<Milestone[]>;
  /** What a milestone waits on: the open tasks of its group due on or before its date, or undated. */
  waitingOn(milestone: Pick<Milestone, 'group' | 'date'>, limit: number): Promise<TaskSample>;
}
