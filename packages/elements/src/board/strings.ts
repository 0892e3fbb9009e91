import type { TaskStatus } from '@mutual/protocol';
import type { MutualApiErrorCode } from '../connection/api-error.js';
import type { LiveStatus } from '../connection/live-stream.js';
import type { LazyCatalogs } from '../i18n/locale-controller.js';
import type { MilestoneState } from './board-model.js';
import type { FieldProblem, TaskField } from './task-form.js';

/** Every string the board shows or announces, in each language it speaks. */
export interface BoardStrings {
  /** BCP 47 tag for dates and plural rules. */
  locale: string;
  title: string;
  liveStatus: Record<LiveStatus, string>;
  status: Record<TaskStatus, string>;
  connecting: string;
  loading: string;
  loadFailed: string;
  tryAgain: string;
  empty: string;
  noMatch: string;
  clearFilters: string;
  newTask: string;
  addTaskTo: (lane: string) => string;
  filtersLabel: string;
  filterMine: string;
  filterOverdue: string;
  filterOrganisation: string;
  allOrganisations: string;
  organisationOption: (domain: string, mine: boolean) => string;
  filterWorkstream: string;
  allWorkstreams: string;
  shown: (shown: number, total: number) => string;
  boardLabel: string;
  cellLabel: (lane: string, status: string, count: number) => string;
  taskCount: (count: number) => string;
  instructions: string;
  noOwner: string;
  /** Before an owner's name, for screen readers (with its colon). */
  owner: string;
  external: string;
  externalDescription: (organisation: string) => string;
  due: string;
  overdue: string;
  overdueBy: (days: number) => string;
  /** Before a deliverable (with its colon). */
  deliverable: string;
  visibleTo: (group: string) => string;
  saving: string;
  queued: (home: string | undefined) => string;
  pickedUp: (task: string, lane: string, status: string) => string;
  over: (lane: string, status: string) => string;
  moved: (task: string, lane: string, status: string) => string;
  unchanged: (task: string) => string;
  cancelled: (task: string, lane: string, status: string) => string;
  vetoed: (task: string) => string;
  moveFailed: (task: string) => string;
  /** Before the reason, when the group's home server refused a change it had been sent (queued). */
  changeRefused: (task: string, home: string | undefined) => string;
  /** The same, when a later change of the viewer's to that task was made meanwhile (still shown). */
  earlierChangeRefused: (task: string, home: string | undefined) => string;
  /** Before the reason, when the group's home server refused a new task it had been sent (queued). */
  newTaskRefused: (task: string, home: string | undefined) => string;
  dismiss: string;
  created: (task: string) => string;
  updated: (task: string) => string;
  liveCreated: (author: string, organisation: string, task: string) => string;
  liveMoved: (author: string, organisation: string, task: string, status: string) => string;
  liveUpdated: (author: string, organisation: string, task: string) => string;
  dialogCreate: string;
  dialogEdit: string;
  fields: Record<TaskField, string>;
  groupHint: string;
  ownerOption: (name: string, organisation: string, external: boolean) => string;
  requiredMark: string;
  create: string;
  save: string;
  cancel: string;
  savingChanges: string;
  saveFailed: string;
  problem: (field: string, problem: FieldProblem) => string;
  timelineTitle: string;
  today: string;
  decision: (date: string) => string;
  daysToDecision: (days: number) => string;
  noDecisionDate: string;
  noMilestones: string;
  milestoneState: Record<MilestoneState, string>;
  afterDecision: string;
  longPlan: (open: number) => string;
  /** Why a change to a task failed. */
  errorMessage: (code: MutualApiErrorCode) => string;
  /** Why the plan could not be loaded: about the plan, not a task. */
  loadErrorMessage: (code: MutualApiErrorCode) => string;
}

const plural = (count: number, one: string, other: string) => `${count} ${count === 1 ? one : other}`;

export const en: BoardStrings = {
  locale: 'en',
  title: 'Mutual action plan',
  liveStatus: { connecting: 'Connecting…', open: 'Live', reconnecting: 'Reconnecting…', closed: 'Offline' },
  status: { todo: 'To do', doing: 'Doing', blocked: 'Blocked', done: 'Done' },
  connecting: 'Connecting…',
  loading: 'Loading the plan…',
  loadFailed: 'The plan could not be loaded.',
  tryAgain: 'Try again',
  empty: 'No steps in the plan yet. Add the first one: who does what, by when.',
  noMatch: 'No task matches these filters.',
  clearFilters: 'Clear filters',
  newTask: 'New task',
  addTaskTo: (lane) => `Add a task to ${lane}`,
  filtersLabel: 'Filters',
  filterMine: 'Mine',
  filterOverdue: 'Overdue',
  filterOrganisation: 'Organisation',
  allOrganisations: 'All organisations',
  organisationOption: (domain, mine) => (mine ? `${domain} (yours)` : domain),
  filterWorkstream: 'Workstream',
  allWorkstreams: 'All workstreams',
  shown: (shown, total) => (shown === total ? plural(total, 'task', 'tasks') : `${shown} of ${plural(total, 'task', 'tasks')}`),
  boardLabel: 'Tasks by workstream and status',
  cellLabel: (lane, status, count) => `${lane}, ${status}: ${plural(count, 'task', 'tasks')}`,
  taskCount: (count) => plural(count, 'task', 'tasks'),
  instructions:
    'Press Enter to edit a task. To move it, press Space, use the arrow keys to choose its status and workstream, then press Space again to drop it or Escape to cancel.',
  noOwner: 'No owner',
  owner: 'Owner:',
  external: 'External',
  externalDescription: (organisation) => `From another organisation: ${organisation}`,
  due: 'Due',
  overdue: 'Overdue',
  overdueBy: (days) => `Overdue by ${plural(days, 'day', 'days')}`,
  deliverable: 'Deliverable:',
  visibleTo: (group) => `Only in ${group}`,
  saving: 'Saving…',
  queued: (home) => (home ? `Queued for ${home} — will show when delivered.` : 'Queued — will show when delivered.'),
  pickedUp: (task, lane, status) =>
    `Picked up “${task}”, in ${lane}, ${status}. Arrow keys move it, Space drops it, Escape cancels.`,
  over: (lane, status) => `${lane}, ${status}.`,
  moved: (task, lane, status) => `“${task}” moved to ${lane}, ${status}.`,
  unchanged: (task) => `“${task}” put back where it was.`,
  cancelled: (task, lane, status) => `Move cancelled. “${task}” is back in ${lane}, ${status}.`,
  vetoed: (task) => `“${task}” cannot be moved there.`,
  moveFailed: (task) => `“${task}” could not be moved and is back where it was.`,
  changeRefused: (task, home) => `${home ?? 'The group’s home server'} refused the change to “${task}”: it is back as it was.`,
  earlierChangeRefused: (task, home) => `${home ?? 'The group’s home server'} refused an earlier change to “${task}”.`,
  newTaskRefused: (task, home) => `${home ?? 'The group’s home server'} refused the new task “${task}”.`,
  dismiss: 'Dismiss',
  created: (task) => `Task created: “${task}”.`,
  updated: (task) => `Task saved: “${task}”.`,
  liveCreated: (author, organisation, task) => `${author}, ${organisation}, added “${task}”.`,
  liveMoved: (author, organisation, task, status) => `${author}, ${organisation}, moved “${task}” to ${status}.`,
  liveUpdated: (author, organisation, task) => `${author}, ${organisation}, changed “${task}”.`,
  dialogCreate: 'New task',
  dialogEdit: 'Edit task',
  fields: {
    title: 'Title',
    group: 'Group',
    workstream: 'Workstream',
    owner: 'Owner',
    due: 'Due date',
    status: 'Status',
    deliverable: 'Deliverable',
  },
  groupHint: 'Only the members of this group will see the task.',
  ownerOption: (name, organisation, external) => `${name} — ${organisation}${external ? ' (external)' : ''}`,
  requiredMark: '(required)',
  create: 'Create task',
  save: 'Save changes',
  cancel: 'Cancel',
  savingChanges: 'Saving…',
  saveFailed: 'The task could not be saved.',
  problem: (field, problem) => {
    switch (problem) {
      case 'required':
        return `${field} is required.`;
      case 'too-long':
        return `${field} is too long.`;
      case 'invalid-date':
        return 'Enter a date such as 2027-03-31.';
    }
  },
  timelineTitle: 'Milestones toward the decision',
  today: 'Today',
  decision: (date) => `Decision: ${date}`,
  daysToDecision: (days) =>
    days > 0 ? `in ${plural(days, 'day', 'days')}` : days === 0 ? 'today' : `${plural(-days, 'day', 'days')} ago`,
  noDecisionDate: 'No decision date set',
  noMilestones: 'No milestones yet.',
  milestoneState: { done: 'done', late: 'late', upcoming: 'upcoming' },
  afterDecision: 'after the decision date',
  longPlan: (open) =>
    `This plan has ${open} open steps. Long plans tend to slip: consider grouping related steps into fewer, larger ones.`,
  errorMessage: (code) => {
    switch (code) {
      case 'not_a_member':
      case 'forbidden':
        return 'You cannot change tasks in this group.';
      case 'not_found':
        return 'This task no longer exists.';
      case 'network_error':
        return 'The server could not be reached. Check your connection.';
      case 'invalid_request':
        return 'The server did not accept this change.';
      case 'token_unavailable':
      case 'token_missing':
      case 'token_expired':
        return 'Your session has ended. Reload the page to continue.';
      default:
        return code.startsWith('token_') ? 'You could not be signed in to Mutual.' : 'Something went wrong on the server.';
    }
  },
  loadErrorMessage: (code) => {
    switch (code) {
      case 'not_a_member':
      case 'forbidden':
        return 'You are not in any group of this evaluation.';
      case 'not_found':
        return 'This evaluation does not exist.';
      default:
        return en.errorMessage(code);
    }
  },
};

export const boardStrings: LazyCatalogs<BoardStrings> = {
  en,
  // A separate chunk in the bundle: only French pages download it.
  fr: () => import('./strings.fr.js').then((module) => module.fr),
};
