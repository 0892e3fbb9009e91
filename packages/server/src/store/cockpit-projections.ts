import type { GroupEvent } from '@mutual/protocol';
import type { Kysely } from 'kysely';
import { recordParticipation } from './participation-projection.js';
import type { Database } from './schema.js';
import { recordTaskCounts } from './task-counts-projection.js';

/**
 * The cockpit's counters for one event (engagement per day, tasks per workstream and status),
 * kept in the event's transaction. Runs before the event's own projections: the task counts need
 * a changed task as it was.
 */
export async function recordCockpitCounters(trx: Kysely<Database>, event: GroupEvent): Promise<void> {
  await recordParticipation(trx, event);
  await recordTaskCounts(trx, event);
}
