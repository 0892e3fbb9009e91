import type { AgreementView, Risk } from '@mutual/protocol';
import type { MutualApiErrorCode } from '../connection/api-error.js';
import type { LiveStatus } from '../connection/live-stream.js';
import type { LazyCatalogs } from '../i18n/locale-controller.js';
import { formatCount, pluralOf } from './format.js';

/** The countdown, split so that the number can stand out: `{ value: '80', label: 'days to decision' }`. */
export interface CountdownText {
  /** The number of days, formatted; absent on the day itself or without a decision date. */
  value: string | undefined;
  label: string;
}

/** Every string the cockpit shows or announces, in one language. */
export interface CockpitStrings {
  /** BCP 47 tag used for dates, numbers and plural rules. */
  locale: string;
  title: string;
  liveStatus: Record<LiveStatus, string>;
  /** `days`: whole days from today to the decision date, negative once passed; undefined without a date. */
  countdown: (days: number | undefined) => CountdownText;
  decisionDate: (date: string) => string;

  workstreamsHeading: string;
  /** The standard workstreams, and `plan` for tasks that belong to none (DESIGN.md's table). */
  workstreamNames: Record<string, string>;
  progressText: (done: number, total: number) => string;
  blockedCount: (count: number) => string;
  overdueCount: (count: number) => string;
  risk: Record<Risk, string>;
  empty: string;

  overdueHeading: string;
  blockedHeading: string;
  noOverdue: string;
  noBlocked: string;
  due: (date: string) => string;
  /** The due date of a task that is late, outside the overdue list. */
  dueLate: (date: string) => string;
  noDue: string;
  noOwner: string;
  ownerLabel: string;
  external: string;
  externalDescription: (organisation: string) => string;

  milestonesHeading: string;
  noMilestones: string;
  waitingOn: string;
  nothingWaiting: string;
  showMore: (count: number) => string;
  showFewer: string;
  /** Tasks counted but not listed (the cockpit lists the first few). */
  notListed: (count: number) => string;

  peopleHeading: (days: number) => string;
  participationNote: string;
  engagedHeading: string;
  silentHeading: string;
  noEngaged: string;
  noSilent: string;
  activity: (posts: number, taskChanges: number) => string;
  lastActive: (relative: string) => string;

  decisionsHeading: string;
  noDecisions: string;
  agreementKind: Record<AgreementView['kind'], string>;
  signedByBoth: string;
  notYetSigned: string;

  connecting: string;
  loading: string;
  loadFailed: string;
  refreshFailed: string;
  tryAgain: string;
  forbiddenTitle: string;
  forbiddenBody: string;
  notAMember: string;
  errorMessage: (code: MutualApiErrorCode) => string;
}

const n = (value: number, locale: string) => formatCount(value, locale);
const one = (value: number, locale: string) => pluralOf(value, locale) === 'one';

export const en: CockpitStrings = {
  locale: 'en',
  title: 'Decider cockpit',
  liveStatus: {
    connecting: 'Connecting…',
    open: 'Live',
    reconnecting: 'Reconnecting…',
    closed: 'Offline',
  },
  countdown: (days) => {
    if (days === undefined) return { value: undefined, label: 'No decision date set' };
    if (days === 0) return { value: undefined, label: 'Decision due today' };
    const count = Math.abs(days);
    const unit = one(count, 'en') ? 'day' : 'days';
    return { value: n(count, 'en'), label: days > 0 ? `${unit} to decision` : `${unit} past the decision date` };
  },
  decisionDate: (date) => `Decision date: ${date}`,

  workstreamsHeading: 'Progress by workstream',
  workstreamNames: {
    plan: 'Overall plan',
    proof: 'Proof',
    implementation: 'Implementation plan',
    'success-criteria': 'Success criteria',
    'business-case': 'Business case',
    contract: 'Contract & terms',
  },
  progressText: (done, total) => `${n(done, 'en')} of ${n(total, 'en')} done`,
  blockedCount: (count) => `${n(count, 'en')} blocked`,
  overdueCount: (count) => `${n(count, 'en')} overdue`,
  risk: { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track' },
  empty: 'No tasks yet. Progress shows here once the plan has tasks.',

  overdueHeading: 'Overdue tasks',
  blockedHeading: 'Blocked tasks',
  noOverdue: 'Nothing overdue.',
  noBlocked: 'Nothing blocked.',
  due: (date) => `Due ${date}`,
  dueLate: (date) => `Overdue, due ${date}`,
  noDue: 'No due date',
  noOwner: 'No owner',
  ownerLabel: 'Owner:',
  external: 'External',
  externalDescription: (organisation) => `From another organisation: ${organisation}`,

  milestonesHeading: 'Next milestones',
  noMilestones: 'No upcoming milestones.',
  waitingOn: 'Waiting on',
  nothingWaiting: 'Nothing outstanding.',
  showMore: (count) => `Show ${n(count, 'en')} more`,
  showFewer: 'Show fewer',
  notListed: (count) => `And ${n(count, 'en')} more on the plan.`,

  peopleHeading: (days) => `Participation, last ${n(days, 'en')} days`,
  participationNote:
    'Counts posts and task changes in the groups you share — not meetings, calls or work done elsewhere.',
  engagedHeading: 'Engaged',
  silentHeading: 'Silent',
  noEngaged: 'No one has posted or changed a task.',
  noSilent: 'Everyone has taken part.',
  activity: (posts, taskChanges) =>
    `${n(posts, 'en')} ${one(posts, 'en') ? 'post' : 'posts'} · ${n(taskChanges, 'en')} ${one(taskChanges, 'en') ? 'task change' : 'task changes'}`,
  lastActive: (relative) => `last active ${relative}`,

  decisionsHeading: 'Recent decisions',
  noDecisions: 'No decisions recorded yet.',
  agreementKind: { milestone: 'Milestone', 'success-criterion': 'Success criterion' },
  signedByBoth: 'Signed by both',
  notYetSigned: 'Not yet signed by both',

  connecting: 'Connecting…',
  loading: 'Loading the figures…',
  loadFailed: 'The figures could not be loaded.',
  refreshFailed: 'The figures could not be updated; these are the last ones received.',
  tryAgain: 'Try again',
  forbiddenTitle: 'This cockpit is for the steering group',
  forbiddenBody:
    'It shows the figures of the evaluation to the members of its steering group. If you should see them, ask the evaluation’s lead to add you.',
  notAMember: 'You are not a member of this evaluation.',
  errorMessage: (code) => {
    switch (code) {
      case 'network_error':
        return 'The server could not be reached. Check your connection.';
      case 'not_found':
        return 'This evaluation does not exist.';
      case 'token_unavailable':
      case 'token_missing':
      case 'token_expired':
        return 'Your session has ended. Reload the page to continue.';
      default:
        return code.startsWith('token_') ? 'You could not be signed in to Mutual.' : 'Something went wrong on the server.';
    }
  },
};

export const cockpitCatalogs: LazyCatalogs<CockpitStrings> = {
  en,
  // A separate chunk in the bundle: only French pages download it.
  fr: () => import('./strings.fr.js').then((module) => module.fr),
};

/**
 * A workstream's name: the standard ones from the catalog, a custom slug made readable
 * (`data-migration` → `Data migration`).
 */
export function workstreamName(strings: CockpitStrings, slug: string): string {
  const known = strings.workstreamNames[slug];
  if (known) return known;
  const words = slug.replace(/-+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : slug;
}
