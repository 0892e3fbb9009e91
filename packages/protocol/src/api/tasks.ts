import { z } from 'zod';
import { MilestoneFieldsSchema, MilestoneSchema, TaskChangeFieldsSchema, TaskFieldsSchema, TaskSchema } from '../model/task.js';

export const NewTaskSchema = TaskFieldsSchema.extend({
  status: TaskFieldsSchema.shape.status.default('todo'),
}).meta({ id: 'NewTask' });
export const TaskChangesSchema = TaskChangeFieldsSchema.refine((changes) => Object.keys(changes).length > 0, {
  message: 'at least one field must change',
}).meta({ id: 'TaskChanges' });
export const TaskListSchema = z.object({ tasks: z.array(TaskSchema) }).meta({ id: 'TaskList' });

export const NewMilestoneSchema = MilestoneFieldsSchema.extend({
  done: MilestoneFieldsSchema.shape.done.default(false),
}).meta({ id: 'NewMilestone' });
export const MilestoneChangesSchema = MilestoneFieldsSchema.partial()
  .refine((changes) => Object.keys(changes).length > 0, { message: 'at least one field must change' })
  .meta({ id: 'MilestoneChanges' });
export const MilestoneListSchema = z.object({ milestones: z.array(MilestoneSchema) }).meta({ id: 'MilestoneList' });

export type NewTask = z.input<typeof NewTaskSchema>;
export type TaskChanges = z.infer<typeof TaskChangesSchema>;
export type TaskList = z.infer<typeof TaskListSchema>;
export type NewMilestone = z.input<typeof NewMilestoneSchema>;
export type MilestoneChanges = z.infer<typeof MilestoneChangesSchema>;
export type MilestoneList = z.infer<typeof MilestoneListSchema>;
