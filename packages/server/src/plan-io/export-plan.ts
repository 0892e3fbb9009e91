import { MutualError, type Group } from '@mutual/protocol';
import type { Store } from '../store/store.js';
import type { Plan } from './plan.js';

/** A group id's part after `<space>.`: plans name groups by slug so they move between spaces. */
export const slugOf = (group: string, space: string) => (group.startsWith(`${space}.`) ? group.slice(space.length + 1) : group);

export interface ExportOptions {
  /** Only these groups (a person's export: the groups they belong to); default every group held here. */
  groups?: readonly Group[];
  includeInternal?: boolean;
}

/**
 * The plan of a space held here: every task and milestone of its groups on this server (or of the
 * given ones). Internal groups stay out unless asked for, so an export handed to the other company
 * cannot carry them.
 */
export async function exportPlan(store: Store, spaceId: string, options: ExportOptions = {}): Promise<Plan> {
  const space = await store.getSpace(spaceId);
  if (!space) throw new MutualError('not_found', `no space ${spaceId} on this server`);
  const groups = (options.groups ?? (await store.listGroups(spaceId))).filter((g) => g.space === spaceId && (options.includeInternal || g.kind !== 'internal'));
  const ids = groups.map((g) => g.id);
  const [tasks, milestones] = await Promise.all([store.listTasksIn(ids), store.listMilestonesIn(ids)]);
  return {
    format: 'mutual-plan',
    version: 1,
    space: { id: space.id, name: space.name, ...(space.decisionDate && { decisionDate: space.decisionDate }) },
    tasks: tasks.map((t) => ({
      group: slugOf(t.group, spaceId),
      id: t.id,
      title: t.title,
      status: t.status,
      ...(t.owner && { owner: t.owner }),
      ...(t.due && { due: t.due }),
      ...(t.deliverable && { deliverable: t.deliverable }),
      ...(t.workstream && { workstream: t.workstream }),
    })),
    milestones: milestones.map((m) => ({ group: slugOf(m.group, spaceId), id: m.id, title: m.title, date: m.date, done: m.done })),
  };
}
