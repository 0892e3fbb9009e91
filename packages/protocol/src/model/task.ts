import { z } from 'zod';
import { DateOnlySchema, IdSchema } from './ids.js';
import { PersonIdSchema } from './person.js';
import { WorkstreamSchema } from './group.js';

export const TASK_STATUSES = ['todo', 'doing', 'blocked', 'done'] as const;
export const TaskStatusSchema = z.enum(TASK_STATUSES).meta({ id: 'TaskStatus' });
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

/** The fields of a task that people edit. */
export const TaskFieldsSchema = z.object({
  title: z.string().trim().min(1).max(200),
  /** A member of the task's group (the client API refuses anyone else; an owner who left may stay). */
  owner: PersonIdSchema.optional(),
  due: DateOnlySchema.optional(),
  status: TaskStatusSchema,
  deliverable: z.string().max(500).optional(),
  workstream: WorkstreamSchema.optional(),
});

export type TaskFields = z.infer<typeof TaskFieldsSchema>;

/** What a change may say of a task: the fields that change, `null` removing an owner or a due date. */
export const TaskChangeFieldsSchema = TaskFieldsSchema.partial().extend({
  owner: PersonIdSchema.nullable().optional(),
  due: DateOnlySchema.nullable().optional(),
});

export type TaskChangeFields = z.infer<typeof TaskChangeFieldsSchema>;

/** A step of the mutual action plan, as derived from its group's events. */
export const TaskSchema = TaskFieldsSchema.extend({
  id: IdSchema,
  group: IdSchema,
  createdBy: PersonIdSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
}).meta({ id: 'Task' });

export type Task = z.infer<typeof TaskSchema>;

export const MilestoneFieldsSchema = z.object({
  title: z.string().trim().min(1).max(200),
  date: DateOnlySchema,
  done: z.boolean(),
});

export type MilestoneFields = z.infer<typeof MilestoneFieldsSchema>;

export const MilestoneSchema = MilestoneFieldsSchema.extend({
  id: IdSchema,
  group: IdSchema,
  createdBy: PersonIdSchema,
  updatedAt: z.iso.datetime(),
}).meta({ id: 'Milestone' });

export type Milestone = z.infer<typeof MilestoneSchema>;
