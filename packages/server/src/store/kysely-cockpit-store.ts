import type { Milestone, Task } from '@mutual/protocol';
import { sql, type Compilable, type Expression, type Kysely, type QueryResult, type Selectable, type SqlBool } from 'kysely';
import type { CockpitStore, ParticipationCount, TaskSample, WorkstreamCounts } from './cockpit-store.js';
import { precompile } from './precompiled-query.js';
import { toMilestone, toTask } from './rows.js';
import type { Database, TasksTable } from './schema.js';

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

/**
 * The {@link CockpitStore} over Kysely, for SQLite and PostgreSQL alike. Each query is built and
 * compiled once per shape (its number of groups, its limit) and then only run: building cost
 * about as much as SQLite running these small queries. Every value is a parameter; the literals
 * in the SQL are constants (see `task_counts`' '' for none).
 */
export class KyselyCockpitStore implements CockpitStore {
  readonly #db: Kysely<Database>;
  readonly #compiled = new Map<string, (db: Kysely<Database>, ...values: string[]) => Promise<QueryResult<unknown>>>();

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async participation(groups: readonly string[], sinceDay: string): Promise<ParticipationCount[]> {
    if (groups.length === 0) return [];
    const run = this.#prepared(`participation ${groups.length}`, groups.length + 1, (...values) =>
      this.#db
        .selectFrom('participation_days')
        .select((eb) => [
          'person_id',
          eb.fn.sum<number>('posts').as('posts'),
          eb.fn.sum<number>('plan_changes').as('plan_changes'),
          eb.fn.max('last_active').as('last_active'),
        ])
        .where('group_id', 'in', values.slice(1))
        .where('day', '>=', values[0]!)
        .groupBy('person_id'),
    );
    const { rows } = await run(sinceDay, ...groups);
    return rows.map((row) => ({ person: row.person_id, posts: count(row.posts), taskChanges: count(row.plan_changes), lastActive: String(row.last_active) }));
  }

  async workstreamCounts(groups: readonly string[], today: string): Promise<WorkstreamCounts[]> {
    if (groups.length === 0) return [];
    // The task's workstream, else its group's, else `plan`; '' (none in task_counts) is a
    // literal: PostgreSQL matches the grouped expression by its text.
    const workstream = sql<string>`coalesce(nullif(task_counts.workstream, ''), groups.workstream, 'plan')`;
    const run = this.#prepared(`workstreamCounts ${groups.length}`, groups.length + 1, (...values) =>
      this.#db
        .selectFrom('task_counts')
        .innerJoin('groups', 'groups.id', 'task_counts.group_id')
        .select([
          workstream.as('key'),
          sql<number>`sum(tasks)`.as('total'),
          sql<number>`sum(case when status = 'done' then tasks else 0 end)`.as('done'),
          sql<number>`sum(case when status = 'blocked' then tasks else 0 end)`.as('blocked'),
          sql<number>`sum(case when status <> 'done' and due <> '' and due < ${values[0]} then tasks else 0 end)`.as('overdue'),
        ])
        .where('task_counts.group_id', 'in', values.slice(1))
        .groupBy(workstream)
        .having(sql<number>`sum(tasks)`, '>', sql.lit(0)),
    );
    const { rows } = await run(today, ...groups);
    return rows.map((row) => ({ workstream: row.key, done: count(row.done), total: count(row.total), blocked: count(row.blocked), overdue: count(row.overdue) }));
  }

  overdueTasks(groups: readonly string[], today: string, limit: number) {
    return this.#first('overdue', groups.map(() => (today) => sql<SqlBool>`${OPEN} and ${DUE_ORDER} < ${today}`), [today], groups, limit);
  }

  blockedTasks(groups: readonly string[], limit: number) {
    return this.#first('blocked', groups.map(() => () => BLOCKED), [], groups, limit);
  }

  async nextMilestones(groups: readonly string[], today: string, limit: number) {
    if (groups.length === 0) return [];
    const run = this.#prepared(`nextMilestones ${groups.length} ${limit}`, groups.length + 1, (...values) =>
      this.#db
        .selectFrom('milestones')
        .selectAll()
        .where('group_id', 'in', values.slice(1))
        .where(sql<SqlBool>`done = 0`)
        .where('date', '>=', values[0]!)
        .orderBy('date')
        .orderBy('id')
        .limit(sql.lit(limit)),
    );
    const { rows } = await run(today, ...groups);
    return rows.map(toMilestone);
  }

  async waitingOn({ group, date }: Pick<Milestone, 'group' | 'date'>, limit: number): Promise<TaskSample> {
    const total = this.#prepared('waitingOnTotal', 2, (g, d) =>
      this.#db
        .selectFrom('task_counts')
        .select(sql<number>`coalesce(sum(tasks), 0)`.as('n'))
        .where('group_id', '=', g!)
        .where(sql<SqlBool>`status <> 'done' and (due = '' or due <= ${d})`),
    );
    const [tasks, { rows }] = await Promise.all([
      // Dated ones up to the milestone, then undated ones: two ranges of the open tasks' index.
      this.#first(
        'waitingOn',
        [(date) => sql<SqlBool>`${OPEN} and ${DUE_ORDER} <= ${date}`, () => sql<SqlBool>`${OPEN} and ${DUE_ORDER} = ${UNDATED}`],
        [date],
        [group, group],
        limit,
      ),
      total(group, date),
    ]);
    return { tasks, total: count(rows[0]?.n) };
  }

  /**
   * The first tasks, in the cockpit's order, of several ranges (a group and a condition each):
   * each range reads its own first `limit` from an index already in that order, and only those
   * are merged. One group at a time, because an index ordered within a group is not ordered across
   * several. Each condition is given the first of `shared` (the day to compare with), if any.
   */
  async #first(
    name: string,
    conditions: ReadonlyArray<(shared: string) => Expression<SqlBool>>,
    shared: readonly string[],
    groups: readonly string[],
    limit: number,
  ): Promise<Task[]> {
    if (groups.length === 0) return [];
    const run = this.#prepared(`${name} ${groups.length} ${limit}`, shared.length + groups.length, (...values) => {
      const parts = conditions.map((condition, i) =>
        this.#db
          .selectFrom((eb) =>
            eb
              .selectFrom('tasks')
              .selectAll()
              .where('group_id', '=', values[shared.length + i]!)
              .where(condition(values[0]!))
              .orderBy(DUE_ORDER)
              .orderBy('title')
              .orderBy('id')
              .limit(sql.lit(limit))
              .as(`r${i}`),
          )
          .selectAll(),
      );
      const merged = parts.slice(1).reduce((all, part) => all.unionAll(part), parts[0]!);
      return this.#db.selectFrom(merged.as('merged')).selectAll().orderBy(DUE_ORDER).orderBy('title').orderBy('id').limit(sql.lit(limit));
    });
    const { rows } = await run(...shared, ...groups);
    return (rows as Array<Selectable<TasksTable>>).map(toTask);
  }

  /** The query of that shape, compiled on first use (a few shapes: one per number of groups). */
  #prepared<R>(shape: string, arity: number, build: (...values: string[]) => Compilable<R>) {
    let run = this.#compiled.get(shape);
    if (!run) this.#compiled.set(shape, (run = precompile<unknown>(arity, (_db, ...values) => build(...values))));
    const compiled = run as (db: Kysely<Database>, ...values: string[]) => Promise<QueryResult<R>>;
    return (...values: string[]) => compiled(this.#db, ...values);
  }
}
