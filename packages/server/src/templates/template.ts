import { GroupKindSchema, IdSchema, TaskStatusSchema, WorkstreamSchema } from '@mutual/protocol';
import { z } from 'zod';

/** Days from the day the space is created (negative: before it). */
const Days = z.number().int().min(-3650).max(3650);
const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a lower-case slug');

export const TemplateTaskSchema = z.object({
  /** Task id in the new group; generated when absent. */
  id: IdSchema.optional(),
  title: z.string().trim().min(1).max(200),
  status: TaskStatusSchema.default('todo'),
  deliverable: z.string().max(500).optional(),
  dueInDays: Days.optional(),
});

export const TemplateMilestoneSchema = z.object({
  id: IdSchema.optional(),
  title: z.string().trim().min(1).max(200),
  inDays: Days,
});

export const TemplateGroupSchema = z.object({
  /** The new group's id is `<space>.<slug>`. */
  slug: Slug,
  kind: GroupKindSchema,
  workstream: WorkstreamSchema.optional(),
  name: z.string().min(1).max(120),
  tasks: z.array(TemplateTaskSchema).max(500).default([]),
  milestones: z.array(TemplateMilestoneSchema).max(100).default([]),
});

/**
 * What a new space starts with: its groups, their first tasks and milestones — never people or
 * posts. Dates are kept as days from the space's first day, so a template never ages.
 */
export const SpaceTemplateSchema = z
  .object({
    id: IdSchema,
    name: z.string().min(1).max(120),
    description: z.string().max(500).optional(),
    groups: z.array(TemplateGroupSchema).min(1).max(50),
  })
  .refine((t) => new Set(t.groups.map((g) => g.slug)).size === t.groups.length, 'group slugs are unique');

export type SpaceTemplate = z.infer<typeof SpaceTemplateSchema>;
export type SpaceTemplateInput = z.input<typeof SpaceTemplateSchema>;
export type TemplateGroup = z.infer<typeof TemplateGroupSchema>;

/** The calendar day `days` after `start` (YYYY-MM-DD, UTC). */
export function dayAfter(start: string, days: number): string {
  const date = new Date(`${start.slice(0, 10)}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `start` to `day` (both YYYY-MM-DD or ISO instants; UTC days). */
export function daysBetween(start: string, day: string): number {
  const ms = Date.parse(`${day.slice(0, 10)}T00:00:00.000Z`) - Date.parse(`${start.slice(0, 10)}T00:00:00.000Z`);
  return Math.round(ms / 86_400_000);
}
