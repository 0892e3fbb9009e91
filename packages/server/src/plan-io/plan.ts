import { DateOnlySchema, IdSchema, PersonIdSchema, TaskStatusSchema, WorkstreamSchema } from '@mutual/protocol';
import { z } from 'zod';

const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a group slug');

export const PlanTaskSchema = z.object({
  /** The group's slug: its id without `<space>.`, so a plan moves between spaces. */
  group: Slug,
  id: IdSchema,
  title: z.string().trim().min(1).max(200),
  status: TaskStatusSchema,
  owner: PersonIdSchema.optional(),
  due: DateOnlySchema.optional(),
  deliverable: z.string().max(500).optional(),
  workstream: WorkstreamSchema.optional(),
});

export const PlanMilestoneSchema = z.object({
  group: Slug,
  id: IdSchema,
  title: z.string().trim().min(1).max(200),
  date: DateOnlySchema,
  done: z.boolean(),
});

/** A space's plan — its tasks and milestones — as exported and imported (JSON; CSV in plan-csv.ts). */
export const PlanSchema = z.object({
  format: z.literal('mutual-plan'),
  version: z.literal(1),
  space: z.object({ id: IdSchema, name: z.string(), decisionDate: DateOnlySchema.optional() }),
  tasks: z.array(PlanTaskSchema).max(5_000),
  milestones: z.array(PlanMilestoneSchema).max(1_000),
});

export type Plan = z.infer<typeof PlanSchema>;
export type PlanTask = z.infer<typeof PlanTaskSchema>;
export type PlanMilestone = z.infer<typeof PlanMilestoneSchema>;
