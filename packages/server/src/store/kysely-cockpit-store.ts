import type { Milestone, Task } from '@mutual/protocol';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { CockpitStore, ParticipationCount, TaskSample, WorkstreamCounts } from './cockpit-store.js';
import { toMilestone, toTask } from './rows.js';
import type { Database } from './schema.js';
import { NONE } from './task-counts-projection.js';

/**
 * A task's place in the cockpit's lists: soonest due first, undated last. Written out literally,
 * as in the partial indexes of migration 0007: a bound parameter would not match their expression.
 */
const DUE_ORDER = sql<string>`coalesce(due, '9999-12-31')`;
const UNDATED = sql<string>`'9999-12-31'`;
// Literal too, so that SQLite and PostgreSQL see that the query's rows are all in the partial index.
const OPEN = sql<SqlBool>`status <> 'done'`;
const BLOCKED = sql<SqlBool>`status = 'blocked'`;

/** Counts come back as strings from PostgreSQL (bigint, numeric) and as numbers from SQLite. */
const count = (value: unknown) => Number(value ?? 0);

/** The {@link CockpitStore} over Kysely, for SQLite and PostgreSQL alike. */
export class KyselyCockpitStore implements CockpitStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async participation(groups: readonly string[], sinceDay: string): Promise<ParticipationCount[]> {
    if (groups.length === 0) return [];
    const rows = await this.#db
      .selectFrom('participation_days')
      .select((eb) => [
        'person_id',
        eb.fn.sum<number>('posts').as('posts'),
        eb.fn.sum<number>('plan_changes').as('plan_changes'),
        eb.fn.max('last_active').as('last_active'),
      ])
      .where('group_id', 'in', [...groups])
      .where('day', '>=', sinceDay)
      .groupBy('person_id')
      .execute();
    return rows.map((row) => ({ person: row.person_id, posts: count(row.posts), taskChanges: count(row.plan_changes), lastActive: String(row.last_active) }));
  }

  async workstreamCounts(groups: readonly string[], today: string): Promise<WorkstreamCounts[]> {
    if (groups.length === 0) return [];
    // The task's workstream, else its group's, else `plan` ('' literal: PostgreSQL matches the
    // grouped expression by its text, and two parameters would be two different expressions).
    const workstream = sql<string>`coalesce(nullif(task_counts.workstream, ''), groups.workstream, 'plan')`;
    const rows = await this.#db
      .selectFrom('task_counts')
      .innerJoin('groups', 'groups.id', 'task_counts.group_id')
      .select([
        workstream.as('key'),
        sql<number>`sum(tasks)`.as('total'),
        sql<number>`sum(case when status = 'done' then tasks else 0 end)`.as('done'),
        sql<number>`sum(case when status = 'blocked' then tasks else 0 end)`.as('blocked'),
        sql<number>`sum(case when status <> 'done' and due <> ${NONE} and due < ${today} then tasks else 0 end)`.as('overdue'),
      ])
      .where('task_counts.group_id', 'in', [...groups])
      .groupBy(workstream)
      .having(sql<number>`sum(tasks)`, '>', 0)
      .execute();
    return rows.map((row) => ({ workstream: row.key, done: count(row.done), total: count(row.total), blocked: count(row.blocked), overdue: count(row.overdue) }));
  }

  overdueTasks(groups: readonly string[], today: string, limit: number) {
    return this.#first(
      groups.map((group) => [group, sql<SqlBool>`${OPEN} and ${DUE_ORDER} < ${today}`]),
      limit,
    );
  }

  blockedTasks(groups: readonly string[], limit: number) {
    return this.#first(
      groups.map((group) => [group, BLOCKED]),
      limit,
    );
  }

  async nextMilestones(groups: readonly string[], today: string, limit: number) {
    if (groups.length === 0) return [];
    const rows = await this.#db
      .selectFrom('milestones')
      .selectAll()
      .where('group_id', 'in', [...groups])
      .where('done', '=', 0)
      .where('date', '>=', today)
      .orderBy('date')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toMilestone);
  }

  async waitingOn({ group, date }: Pick<Milestone, 'group' | 'date'>, limit: number): Promise<TaskSample> {
    const [tasks, total] = await Promise.all([
      // Dated ones up to the milestone, then undated ones: two ranges of the open tasks' index.
      this.#first(
        [
          [group, sql<SqlBool>`${OPEN} and ${DUE_ORDER} <= ${date}`],
          [group, sql<SqlBool>`${OPEN} and ${DUE_ORDER} = ${UNDATED}`],
        ],
        limit,
      ),
      this.#db
        .selectFrom('task_counts')
        .select(sql<number>`coalesce(sum(tasks), 0)`.as('n'))
        .where('group_id', '=', group)
        .where('status', '<>', 'done')
        .where((eb) => eb.or([eb('due', '=', NONE), eb('due', '<=', date)]))
        .executeTakeFirstOrThrow(),
    ]);
    return { tasks, total: count(total.n) };
  }

  /**
   * The first tasks, in the cockpit's order, of several ranges (a group and a condition each):
   * each range reads its own first `limit` from an index already in that order, and only those
   * are merged. One group at a time, because an index ordered within a group is not ordered across
   * several.
   */
  async #first(ranges: ReadonlyArray<readonly [group: string, where: Expression<SqlBool>]>, limit: number): Promise<Task[]> {
    if (ranges.length === 0) return [];
    const parts = ranges.map(([group, where], i) =>
      this.#db
        .selectFrom((eb) =>
          eb
            .selectFrom('tasks')
            .selectAll()
            .where('group_id', '=', group)
            .where(where)
            .orderBy(DUE_ORDER)
            .orderBy('title')
            .orderBy('id')
            .limit(limit)
            .as(`r${i}`),
        )
        .selectAll(),
    );
    const merged = parts.slice(1).reduce((all, part) => all.unionAll(part), parts[0]!);
    const rows = await this.#db
      .selectFrom(merged.as('merged'))
      .selectAll()
      .orderBy(DUE_ORDER)
      .orderBy('title')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toTask);
  }
}
