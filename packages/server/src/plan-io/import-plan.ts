import { domainOf, MutualError, type Task, type TaskFields } from '@mutual/protocol';
import type { Admin } from '../admin/admin.js';
import { requireOwnerInGroup } from '../log/task-owner.js';
import type { Store } from '../store/store.js';
import { PlanSchema, type Plan } from './plan.js';

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  milestones: number;
}

const TASK_FIELDS = ['title', 'status', 'owner', 'due', 'deliverable', 'workstream'] as const;

/**
 * Writes a plan into a space held here, as the organisation: a task that is new is created, one
 * that exists (same group and id) gets the fields that differ, milestones are set. Everything is
 * checked before anything is written; each change is an event like any other. An import cannot
 * clear a field (events change fields, they do not remove them).
 */
export async function importPlan(store: Store, admin: Admin, spaceId: string, input: unknown): Promise<ImportSummary> {
  const parsed = PlanSchema.safeParse(input);
  if (!parsed.success) {
    throw new MutualError('invalid_request', 'invalid plan', { detail: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  }
  const plan: Plan = parsed.data;
  if (!(await store.getSpace(spaceId))) throw new MutualError('not_found', `no space ${spaceId} on this server`);
  const domain = domainOf(admin.actor);
  const groupIds = new Set([...plan.tasks, ...plan.milestones].map((item) => `${spaceId}.${item.group}`));
  for (const id of groupIds) {
    const group = await store.getGroup(id);
    if (!group || group.space !== spaceId) throw new MutualError('not_found', `no group ${id}: create it first`);
    if (group.home !== domain) throw new MutualError('not_home', `${id} is homed on ${group.home}: import its plan there`);
  }
  // Every task is read once, before anything is written: its new owner must be in its group, as on
  // the API (an owner who has left may stay).
  const existing = new Map<string, Task | undefined>();
  for (const { group: slug, id, owner } of plan.tasks) {
    const group = `${spaceId}.${slug}`;
    const task = await store.getTask(group, id);
    existing.set(`${group} ${id}`, task);
    await requireOwnerInGroup(store, group, owner, { current: task?.owner, task: id });
  }
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, milestones: 0 };
  for (const { group: slug, id, ...fields } of plan.tasks) {
    const group = `${spaceId}.${slug}`;
    const task = existing.get(`${group} ${id}`);
    if (!task) {
      await admin.createTask(group, id, fields as TaskFields);
      summary.created++;
      continue;
    }
    const changes = Object.fromEntries(TASK_FIELDS.filter((key) => fields[key] !== undefined && fields[key] !== task[key]).map((key) => [key, fields[key]]));
    if (Object.keys(changes).length === 0) summary.unchanged++;
    else {
      await admin.updateTask(group, id, changes);
      summary.updated++;
    }
  }
  for (const { group: slug, id, ...fields } of plan.milestones) {
    const group = `${spaceId}.${slug}`;
    const existing = await store.getMilestone(group, id);
    if (existing && existing.title === fields.title && existing.date === fields.date && existing.done === fields.done) continue;
    await admin.setMilestone(group, id, fields);
    summary.milestones++;
  }
  return summary;
}
