import type { LiveMessage, Milestone, MyGroup, Person, SpaceTasks, Task, TaskChanges, TaskStatus } from '@mutual/protocol';
import { daysBetween } from './dates.js';

/** The status columns, left to right (`TASK_STATUSES` in @mutual/protocol, not imported: zod). */
export const STATUSES: readonly TaskStatus[] = ['todo', 'doing', 'blocked', 'done'];

/** The standard workstreams in the order the plan goes through them (`STANDARD_WORKSTREAMS`). */
export const STANDARD_WORKSTREAMS = ['proof', 'implementation', 'success-criteria', 'business-case', 'contract'] as const;

/** The lane of tasks that belong to no workstream: the overall plan. The cockpit uses the same key. */
export const PLAN_LANE = 'plan';

/** More open steps than this and the board suggests grouping them. */
export const LONG_PLAN_THRESHOLD = 30;

/** A lane and a status: one cell of the board. */
export interface Place {
  status: TaskStatus;
  lane: string;
}

/** Task ids are unique within their group only. Ids never contain `/`. */
export const taskKey = (task: Pick<Task, 'group' | 'id'>): string => `${task.group}/${task.id}`;
const milestoneKey = (milestone: Pick<Milestone, 'group' | 'id'>): string => `${milestone.group}/${milestone.id}`;

/** `ana@seller.example` → `seller.example` (`domainOf` in @mutual/protocol, not imported: zod). */
export function organisationOf(person: string): string {
  return person.slice(person.indexOf('@') + 1);
}

export function isOpen(task: Pick<Task, 'status'>): boolean {
  return task.status !== 'done';
}

/** Open and due before `today` (both `YYYY-MM-DD`, which compare as strings). */
export function isOverdue(task: Pick<Task, 'status' | 'due'>, today: string): boolean {
  return isOpen(task) && task.due !== undefined && task.due < today;
}

/** Where a task of the viewer's stands while the server has not confirmed a change. */
export const Sync = {
  /** Sent, no answer yet. */
  saving: 'saving',
  /** Held by the viewer's server for the group's home server (`202`), until its live echo. */
  queued: 'queued',
} as const;
export type Sync = (typeof Sync)[keyof typeof Sync];

interface PendingChange {
  token: number;
  changes: TaskChanges;
  /** While queued: the id the event will have, to match its echo by. */
  event?: string | undefined;
}

/** What a live message changed, so the board can announce it and tell a queued write's echo. */
export type BoardChange =
  | { kind: 'task-created'; task: Task; author: Person; event: string }
  | { kind: 'task-updated'; task: Task; changes: TaskChanges; author: Person; event: string }
  | { kind: 'milestone'; milestone: Milestone; author: Person; event: string };

/**
 * The mutual action plan as the viewer sees it: the tasks and milestones of their groups, live
 * events merged in, and the viewer's optimistic changes laid over the server's state until it
 * confirms them (or they are rolled back). Plain data, no DOM: the element renders it.
 */
export class BoardModel {
  loaded = false;
  readonly #tasks = new Map<string, Task>();
  readonly #milestones = new Map<string, Milestone>();
  readonly #pending = new Map<string, PendingChange>();
  readonly #groups = new Map<string, MyGroup>();
  /** Live messages that arrived before the plan: applied on top of it. */
  #early: LiveMessage[] = [];
  #nextToken = 1;

  clear(): void {
    this.loaded = false;
    this.#tasks.clear();
    this.#milestones.clear();
    this.#pending.clear();
    this.#groups.clear();
    this.#early = [];
  }

  load(plan: Pick<SpaceTasks, 'tasks' | 'milestones'>, groups: readonly MyGroup[]): void {
    const early = this.#early;
    this.clear();
    for (const group of groups) this.#groups.set(group.id, group);
    for (const task of plan.tasks) this.#tasks.set(taskKey(task), task);
    for (const milestone of plan.milestones) this.#milestones.set(milestoneKey(milestone), milestone);
    this.loaded = true;
    for (const message of early) this.applyLive(message);
  }

  get groups(): MyGroup[] {
    return [...this.#groups.values()];
  }

  group(id: string): MyGroup | undefined {
    return this.#groups.get(id);
  }

  /** Observers read only. */
  canWrite(group: string): boolean {
    const role = this.#groups.get(group)?.role;
    return role !== undefined && role !== 'observer';
  }

  /** The task's own workstream, else its group's, else the overall plan (as the cockpit counts). */
  laneOf(task: Pick<Task, 'workstream' | 'group'>): string {
    return task.workstream ?? this.#groups.get(task.group)?.workstream ?? PLAN_LANE;
  }

  /** Every task as shown: the server's state with the viewer's unconfirmed changes over it. */
  get tasks(): Task[] {
    return [...this.#tasks.keys()].map((key) => this.get(key)!);
  }

  get(key: string): Task | undefined {
    const task = this.#tasks.get(key);
    const pending = this.#pending.get(key);
    return task && pending ? withChanges(task, pending.changes) : task;
  }

  /** As the server last said, without the viewer's unconfirmed changes. */
  stored(key: string): Task | undefined {
    return this.#tasks.get(key);
  }

  sync(key: string): Sync | undefined {
    const pending = this.#pending.get(key);
    if (!pending) return undefined;
    return pending.event ? Sync.queued : Sync.saving;
  }

  get milestones(): Milestone[] {
    return [...this.#milestones.values()].sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
  }

  /** A task as the server stored it (the answer to a create or a change). */
  upsert(task: Task): void {
    this.#tasks.set(taskKey(task), task);
  }

  /**
   * Shows `changes` at once, before the server confirms them. Returns a token for
   * {@link settle}, {@link queue} and {@link rollBack}: only the latest change of a task counts.
   */
  change(key: string, changes: TaskChanges): number {
    const token = this.#nextToken++;
    const earlier = this.#pending.get(key);
    this.#pending.set(key, { token, changes: { ...earlier?.changes, ...changes } });
    return token;
  }

  /** The server stored the change: its answer becomes the state. */
  settle(key: string, token: number, task: Task): void {
    this.upsert(task);
    if (this.#pending.get(key)?.token === token) this.#pending.delete(key);
  }

  /** Queued for the group's home server: the change stays shown until its live echo (`event`). */
  queue(key: string, token: number, event: string): void {
    const pending = this.#pending.get(key);
    if (pending?.token === token) pending.event = event;
  }

  /**
   * The group's home server refused a queued change (`event`, the id of its `202`): the task goes
   * back to what the server last said. Returns the task's key, or undefined if no change waits on it.
   */
  refuse(event: string): string | undefined {
    for (const [key, pending] of this.#pending) {
      if (pending.event !== event) continue;
      this.#pending.delete(key);
      return key;
    }
    return undefined;
  }

  /** The change failed: the task goes back to what the server last said. False if a newer change replaced it. */
  rollBack(key: string, token: number): boolean {
    if (this.#pending.get(key)?.token !== token) return false;
    this.#pending.delete(key);
    return true;
  }

  applyLive(message: LiveMessage): BoardChange | undefined {
    if (!this.loaded) {
      this.#early.push(message);
      return undefined;
    }
    const { event, author } = message;
    switch (event.type) {
      case 'task.created': {
        const { task: id, ...fields } = event.body;
        const task: Task = {
          ...fields,
          id,
          group: event.group,
          createdBy: event.author,
          createdAt: event.at,
          updatedAt: event.at,
        };
        const key = taskKey(task);
        // Created once; a second copy (its echo after the server's answer) changes nothing.
        if (this.#tasks.has(key)) return undefined;
        this.#tasks.set(key, task);
        return { kind: 'task-created', task, author, event: event.id };
      }
      case 'task.updated': {
        const key = taskKey({ group: event.group, id: event.body.task });
        const current = this.#tasks.get(key);
        if (!current) return undefined;
        const { changes } = event.body;
        this.#tasks.set(key, { ...withChanges(current, changes), updatedAt: event.at });
        if (this.#pending.get(key)?.event === event.id) this.#pending.delete(key);
        return { kind: 'task-updated', task: this.get(key)!, changes, author, event: event.id };
      }
      case 'milestone.set': {
        const { milestone: id, title, date, done } = event.body;
        const key = milestoneKey({ group: event.group, id });
        const previous = this.#milestones.get(key);
        const milestone: Milestone = {
          id,
          group: event.group,
          title,
          date,
          done,
          createdBy: previous?.createdBy ?? event.author,
          updatedAt: event.at,
        };
        this.#milestones.set(key, milestone);
        return { kind: 'milestone', milestone, author, event: event.id };
      }
      default:
        return undefined;
    }
  }
}

// —— what the board shows ——

export interface BoardFilters {
  /** Only the viewer's tasks. */
  mine: boolean;
  /** Only open tasks past their due date. */
  overdue: boolean;
  /** Only tasks owned by someone of this organisation (a domain); empty for all. */
  organisation: string;
  /** Only this lane; empty for all. */
  workstream: string;
}

export const NO_FILTERS: BoardFilters = { mine: false, overdue: false, organisation: '', workstream: '' };

export function hasFilters(filters: BoardFilters): boolean {
  return filters.mine || filters.overdue || filters.organisation !== '' || filters.workstream !== '';
}

export interface FilterContext {
  viewer: string;
  today: string;
  laneOf: (task: Task) => string;
}

export function matchesFilters(task: Task, filters: BoardFilters, context: FilterContext): boolean {
  if (filters.mine && task.owner !== context.viewer) return false;
  if (filters.overdue && !isOverdue(task, context.today)) return false;
  if (filters.organisation && (!task.owner || organisationOf(task.owner) !== filters.organisation)) return false;
  if (filters.workstream && context.laneOf(task) !== filters.workstream) return false;
  return true;
}

/**
 * The lanes, top to bottom: the overall plan, then the standard workstreams in their order, then
 * any custom one alphabetically — each only if a group of the viewer's or a task belongs to it.
 * The same order as `compareWorkstreams` in the protocol, which the bundle does not include.
 */
export function lanesOf(groups: readonly Pick<MyGroup, 'workstream'>[], lanes: Iterable<string>): string[] {
  const present = new Set<string>([PLAN_LANE, ...lanes]);
  for (const group of groups) if (group.workstream) present.add(group.workstream);
  const rank = (lane: string): number => {
    if (lane === PLAN_LANE) return -1;
    const index = (STANDARD_WORKSTREAMS as readonly string[]).indexOf(lane);
    return index === -1 ? STANDARD_WORKSTREAMS.length : index;
  };
  return [...present].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Within a cell: soonest due first, undated last, then by title. */
export function compareTasks(a: Task, b: Task): number {
  if (a.due !== b.due) {
    if (a.due === undefined) return 1;
    if (b.due === undefined) return -1;
    return a.due.localeCompare(b.due);
  }
  return a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}

export function openCount(tasks: readonly Pick<Task, 'status'>[]): number {
  return tasks.filter(isOpen).length;
}

export function isLongPlan(tasks: readonly Pick<Task, 'status'>[]): boolean {
  return openCount(tasks) > LONG_PLAN_THRESHOLD;
}

// —— the milestone strip ——

export const MilestoneState = {
  done: 'done',
  /** Not done, and its date has passed. */
  late: 'late',
  upcoming: 'upcoming',
} as const;
export type MilestoneState = (typeof MilestoneState)[keyof typeof MilestoneState];

export interface TimelineItem {
  milestone: Milestone;
  state: MilestoneState;
  /** 0 at today (or earlier), 1 at the decision date (or later). */
  position: number;
  /** Its date is after the decision date. */
  afterDecision: boolean;
  /** Label row, so that close labels do not overlap: 0, 1, 2… */
  row: number;
}

export interface Timeline {
  start: string;
  /** The decision date, or the last milestone's date when the space has none. */
  end: string;
  items: TimelineItem[];
}

/**
 * Places milestones between today and the decision date. `minGap` (a fraction of the strip) is
 * the room a label needs: a label closer than that to the previous one in its row goes a row down.
 */
export function timelineOf(
  milestones: readonly Milestone[],
  today: string,
  decisionDate: string | undefined,
  minGap = 0.2,
): Timeline {
  const sorted = [...milestones].sort((a, b) => a.date.localeCompare(b.date));
  const last = sorted.at(-1)?.date;
  const end = decisionDate ?? (last && last > today ? last : today);
  const span = daysBetween(today, end);
  const rowEnds: number[] = [];
  const items = sorted.map((milestone): TimelineItem => {
    const offset = daysBetween(today, milestone.date);
    const position = span > 0 ? Math.min(1, Math.max(0, offset / span)) : offset <= 0 ? 0 : 1;
    let row = rowEnds.findIndex((endAt) => position - endAt >= minGap);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = position;
    const state = milestone.done
      ? MilestoneState.done
      : milestone.date < today
        ? MilestoneState.late
        : MilestoneState.upcoming;
    return { milestone, state, position, afterDecision: decisionDate !== undefined && milestone.date > decisionDate, row };
  });
  return { start: today, end, items };
}

/** A task with changes laid over it; a `null` owner or due date removes it. */
export function withChanges(task: Task, changes: TaskChanges): Task {
  const changed = { ...task, ...changes };
  if (changed.owner === null) delete changed.owner;
  if (changed.due === null) delete changed.due;
  return changed as Task;
}
