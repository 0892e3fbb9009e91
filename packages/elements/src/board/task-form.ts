import type { NewTask, Task, TaskChanges, TaskStatus } from '@mutual/protocol';
import { isDay } from './dates.js';

/** Limits of `TaskFieldsSchema` in @mutual/protocol (not imported: it would pull zod in). */
export const MAX_TITLE_LENGTH = 200;
export const MAX_DELIVERABLE_LENGTH = 500;

/** What the task dialog holds: every field as the form shows it (empty string for none). */
export interface TaskDraft {
  title: string;
  group: string;
  /** A lane key (`plan` for the overall plan). */
  workstream: string;
  owner: string;
  due: string;
  status: TaskStatus;
  deliverable: string;
}

export type TaskField = keyof TaskDraft;

/** Why a field is not accepted. */
export type FieldProblem = 'required' | 'too-long' | 'invalid-date';

export type DraftProblems = Partial<Record<TaskField, FieldProblem>>;

/** The fields in the order the form shows them: the first with a problem gets focus. */
export const FIELD_ORDER: readonly TaskField[] = ['title', 'group', 'workstream', 'owner', 'due', 'status', 'deliverable'];

export function draftOf(task: Task, lane: string): TaskDraft {
  return {
    title: task.title,
    group: task.group,
    workstream: lane,
    owner: task.owner ?? '',
    due: task.due ?? '',
    status: task.status,
    deliverable: task.deliverable ?? '',
  };
}

/** Problems of a draft. */
export function validateDraft(draft: TaskDraft): DraftProblems {
  const problems: DraftProblems = {};
  const title = draft.title.trim();
  if (title === '') problems.title = 'required';
  else if (title.length > MAX_TITLE_LENGTH) problems.title = 'too-long';
  if (!draft.group) problems.group = 'required';
  if (!draft.workstream) problems.workstream = 'required';
  if (draft.due !== '' && !isDay(draft.due)) problems.due = 'invalid-date';
  if (draft.deliverable.trim().length > MAX_DELIVERABLE_LENGTH) problems.deliverable = 'too-long';
  return problems;
}

export function isValid(problems: DraftProblems): boolean {
  return Object.keys(problems).length === 0;
}

/**
 * The body of a create. `groupLane` is the lane the group's tasks go to by default: the workstream
 * is only stated when it differs.
 */
export function newTaskOf(draft: TaskDraft, groupLane: string): NewTask {
  const deliverable = draft.deliverable.trim();
  return {
    title: draft.title.trim(),
    status: draft.status,
    ...(draft.owner && { owner: draft.owner }),
    ...(draft.due && { due: draft.due }),
    ...(deliverable && { deliverable }),
    ...(draft.workstream !== groupLane && { workstream: draft.workstream }),
  };
}

/** The body of an edit: only what changed (empty when nothing did). `lane` is the task's lane now. */
export function changesOf(draft: TaskDraft, original: Task, lane: string): TaskChanges {
  const changes: TaskChanges = {};
  const title = draft.title.trim();
  const deliverable = draft.deliverable.trim();
  if (title !== original.title) changes.title = title;
  // An emptied owner or due date is removed: `null` says so.
  if (draft.owner !== (original.owner ?? '')) changes.owner = draft.owner || null;
  if (draft.due !== (original.due ?? '')) changes.due = draft.due || null;
  if (draft.status !== original.status) changes.status = draft.status;
  // An empty deliverable is how one is removed: the field is a plain string.
  if (deliverable !== (original.deliverable ?? '')) changes.deliverable = deliverable;
  if (draft.workstream !== lane) changes.workstream = draft.workstream;
  return changes;
}
