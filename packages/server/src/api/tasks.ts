import {
  MilestoneChangesSchema,
  MilestoneListSchema,
  MilestoneSchema,
  MutualError,
  newId,
  NewMilestoneSchema,
  NewTaskSchema,
  TaskChangesSchema,
  TaskListSchema,
  TaskSchema,
} from '@mutual/protocol';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { requireOwnerInGroup } from '../log/task-owner.js';
import { requireMember, requireWriter } from './access.js';
import type { AppDeps, AppEnv } from './context.js';
import { body, json, problems, queued, security } from './openapi.js';

const GroupParams = z.object({ group: z.string().max(64) });
const TaskParams = GroupParams.extend({ task: z.string().max(64) });
const MilestoneParams = GroupParams.extend({ milestone: z.string().max(64) });
const readErrors = { 401: problems[401], 403: problems[403] };
const writeErrors = {
  ...queued, 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404], 413: problems[413] };

const listTasks = createRoute({
  method: 'get',
  path: '/groups/{group}/tasks',
  tags: ['plan'],
  summary: "A group's tasks (its part of the mutual action plan)",
  security,
  request: { params: GroupParams },
  responses: { 200: json(TaskListSchema, 'Tasks, oldest first'), ...readErrors },
});

const createTask = createRoute({
  method: 'post',
  path: '/groups/{group}/tasks',
  tags: ['plan'],
  summary: 'Create a task',
  security,
  request: { params: GroupParams, ...body(NewTaskSchema) },
  responses: { 201: json(TaskSchema, 'The task'), ...writeErrors },
});

const updateTask = createRoute({
  method: 'patch',
  path: '/groups/{group}/tasks/{task}',
  tags: ['plan'],
  summary: 'Change a task (status, owner, due date, …)',
  security,
  request: { params: TaskParams, ...body(TaskChangesSchema) },
  responses: { 200: json(TaskSchema, 'The task after the change'), ...writeErrors },
});

const listMilestones = createRoute({
  method: 'get',
  path: '/groups/{group}/milestones',
  tags: ['plan'],
  summary: "A group's milestones, by date",
  security,
  request: { params: GroupParams },
  responses: { 200: json(MilestoneListSchema, 'Milestones'), ...readErrors },
});

const createMilestone = createRoute({
  method: 'post',
  path: '/groups/{group}/milestones',
  tags: ['plan'],
  summary: 'Set a milestone toward the decision date',
  security,
  request: { params: GroupParams, ...body(NewMilestoneSchema) },
  responses: { 201: json(MilestoneSchema, 'The milestone'), ...writeErrors },
});

const updateMilestone = createRoute({
  method: 'patch',
  path: '/groups/{group}/milestones/{milestone}',
  tags: ['plan'],
  summary: 'Change a milestone',
  security,
  request: { params: MilestoneParams, ...body(MilestoneChangesSchema) },
  responses: { 200: json(MilestoneSchema, 'The milestone after the change'), ...writeErrors },
});

export function taskRoutes({ store, writer }: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(listTasks, async (c) => {
      const { group } = c.req.valid('param');
      await requireMember(store, group, c.var.person);
      return c.json({ tasks: await store.listTasks(group) }, 200);
    })
    .openapi(createTask, async (c) => {
      const { group } = c.req.valid('param');
      const fields = c.req.valid('json');
      const access = await requireWriter(store, group, c.var.person);
      await requireOwnerInGroup(store, group, fields.owner);
      const task = newId();
      const result = await writer.write({
        space: access.group.space,
        group,
        author: c.var.person,
        type: 'task.created',
        body: { task, ...fields },
      }, access);
      if (result.status === 'queued') return c.json({ status: 'queued' as const, event: result.id, ref: task }, 202);
      return c.json((await store.getTask(group, task))!, 201);
    })
    .openapi(updateTask, async (c) => {
      const { group, task } = c.req.valid('param');
      const changes = c.req.valid('json');
      const access = await requireWriter(store, group, c.var.person);
      const existing = await store.getTask(group, task);
      if (!existing) throw new MutualError('not_found', 'no such task in this group');
      await requireOwnerInGroup(store, group, changes.owner, { current: existing.owner });
      const result = await writer.write({
        space: access.group.space,
        group,
        author: c.var.person,
        type: 'task.updated',
        body: { task, changes },
      }, access);
      if (result.status === 'queued') return c.json({ status: 'queued' as const, event: result.id, ref: task }, 202);
      return c.json((await store.getTask(group, task))!, 200);
    })
    .openapi(listMilestones, async (c) => {
      const { group } = c.req.valid('param');
      await requireMember(store, group, c.var.person);
      return c.json({ milestones: await store.listMilestones(group) }, 200);
    })
    .openapi(createMilestone, async (c) => {
      const { group } = c.req.valid('param');
      const fields = c.req.valid('json');
      const access = await requireWriter(store, group, c.var.person);
      const milestone = newId();
      const result = await writer.write({
        space: access.group.space,
        group,
        author: c.var.person,
        type: 'milestone.set',
        body: { milestone, ...fields },
      }, access);
      if (result.status === 'queued') return c.json({ status: 'queued' as const, event: result.id, ref: milestone }, 202);
      return c.json((await store.getMilestone(group, milestone))!, 201);
    })
    .openapi(updateMilestone, async (c) => {
      const { group, milestone } = c.req.valid('param');
      const changes = c.req.valid('json');
      const access = await requireWriter(store, group, c.var.person);
      const current = await store.getMilestone(group, milestone);
      if (!current) throw new MutualError('not_found', 'no such milestone in this group');
      const { title, date, done } = { ...current, ...changes };
      const result = await writer.write({
        space: access.group.space,
        group,
        author: c.var.person,
        type: 'milestone.set',
        body: { milestone, title, date, done },
      }, access);
      if (result.status === 'queued') return c.json({ status: 'queued' as const, event: result.id, ref: milestone }, 202);
      return c.json((await store.getMilestone(group, milestone))!, 200);
    });
}
