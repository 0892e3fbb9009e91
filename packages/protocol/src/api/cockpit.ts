import { z } from 'zod';
import { MilestoneSchema, TaskSchema } from '../model/task.js';
import { PersonSchema } from '../model/person.js';
import { SpaceSchema } from '../model/space.js';
import { AgreementSchema } from './agreements.js';
import { GroupMemberSchema } from './spaces.js';

/** How far back "engaged" and "silent" look. */
export const ENGAGEMENT_WINDOW_DAYS = 14;
/** The most tasks the cockpit lists as overdue, as blocked, or as what one milestone waits on; totals say how many more. */
export const COCKPIT_LIST_LIMIT = 10;

export const RISK_LEVELS = ['on-track', 'at-risk', 'off-track'] as const;
export const RiskSchema = z.enum(RISK_LEVELS).meta({ id: 'Risk' });
export type Risk = z.infer<typeof RiskSchema>;

export const WorkstreamProgressSchema = z
  .object({
    /** The workstream slug (`proof`, …), or `plan` for tasks with none. */
    workstream: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    blocked: z.number().int().nonnegative(),
    overdue: z.number().int().nonnegative(),
    risk: RiskSchema,
  })
  .meta({ id: 'WorkstreamProgress' });
export type WorkstreamProgress = z.infer<typeof WorkstreamProgressSchema>;

export const ParticipationSchema = z
  .object({
    person: PersonSchema,
    posts: z.number().int().nonnegative(),
    taskChanges: z.number().int().nonnegative(),
    lastActive: z.string().optional(),
  })
  .meta({ id: 'Participation' });
export type Participation = z.infer<typeof ParticipationSchema>;

/** The decider's view of an evaluation: only from groups the viewer belongs to. */
export const CockpitSchema = z
  .object({
    space: SpaceSchema,
    /** The day the figures were computed for (`YYYY-MM-DD`, server's calendar, UTC). */
    today: z.string(),
    /** Whole days from today to the decision date; negative once it has passed. */
    daysToDecision: z.number().int().optional(),
    workstreams: z.array(WorkstreamProgressSchema),
    /** The first overdue tasks, soonest due first (at most {@link COCKPIT_LIST_LIMIT}). */
    overdue: z.array(TaskSchema),
    /** How many tasks are overdue in all: "and N more" when above `overdue.length`. */
    overdueTotal: z.number().int().nonnegative().optional(),
    /** The first blocked tasks, soonest due first (at most {@link COCKPIT_LIST_LIMIT}). */
    blocked: z.array(TaskSchema),
    /** How many tasks are blocked in all. */
    blockedTotal: z.number().int().nonnegative().optional(),
    nextMilestones: z.array(
      MilestoneSchema.extend({
        /** The first open tasks of the milestone's group due on or before it (or undated). */
        waitingOn: z.array(TaskSchema),
        /** How many tasks it waits on in all. */
        waitingOnTotal: z.number().int().nonnegative().optional(),
      }),
    ),
    engaged: z.array(ParticipationSchema),
    silent: z.array(PersonSchema),
    decisions: z.array(AgreementSchema),
  })
  .meta({ id: 'Cockpit' });
export type Cockpit = z.infer<typeof CockpitSchema>;

/**
 * The mutual action plan as the board opens it, in one answer: the tasks and milestones of the
 * viewer's groups, and each of those groups' members (owners' names and who may own a task).
 */
export const SpaceTasksSchema = z
  .object({
    tasks: z.array(TaskSchema),
    milestones: z.array(MilestoneSchema),
    /** Members of each group the viewer belongs to in the space, by group id. */
    members: z.record(z.string(), z.array(GroupMemberSchema)),
  })
  .meta({ id: 'SpaceTasks' });
export type SpaceTasks = z.infer<typeof SpaceTasksSchema>;

/** Risk of a workstream from its counts: anything overdue or blocked is a risk; much of it is off track. */
export function riskOf({ total, done, blocked, overdue }: Pick<WorkstreamProgress, 'total' | 'done' | 'blocked' | 'overdue'>): Risk {
  const open = total - done;
  if (open === 0 || (blocked === 0 && overdue === 0)) return 'on-track';
  if (blocked + overdue >= Math.max(2, Math.ceil(open / 3))) return 'off-track';
  return 'at-risk';
}
