import { MutualError } from '@mutual/protocol';
import { parseCsv, toCsv } from './csv.js';
import { PlanMilestoneSchema, PlanTaskSchema, type Plan, type PlanMilestone, type PlanTask } from './plan.js';

/**
 * One table for tasks and milestones: `kind` says which. For a milestone, `date` is its date and
 * `status` is `done` or `todo`; `owner`, `deliverable` and `workstream` stay empty.
 */
export const PLAN_CSV_COLUMNS = ['kind', 'group', 'id', 'title', 'status', 'owner', 'date', 'deliverable', 'workstream'] as const;

export function planToCsv(plan: Plan): string {
  const tasks = plan.tasks.map((t) => ['task', t.group, t.id, t.title, t.status, t.owner ?? '', t.due ?? '', t.deliverable ?? '', t.workstream ?? '']);
  const milestones = plan.milestones.map((m) => ['milestone', m.group, m.id, m.title, m.done ? 'done' : 'todo', '', m.date, '', '']);
  return toCsv([[...PLAN_CSV_COLUMNS], ...tasks, ...milestones]);
}

/** Reads a plan CSV (columns by name, in any order); errors name the line. */
export function planFromCsv(text: string, space: Plan['space']): Plan {
  const [header, ...rows] = parseCsv(text).filter((row) => row.some((cell) => cell !== ''));
  if (!header) throw new MutualError('invalid_request', 'CSV: empty');
  const column = new Map(header.map((name, index) => [name.trim().toLowerCase(), index]));
  const missing = PLAN_CSV_COLUMNS.filter((name) => !column.has(name));
  if (missing.length) throw new MutualError('invalid_request', `CSV: missing column(s) ${missing.join(', ')}`);
  const tasks: PlanTask[] = [];
  const milestones: PlanMilestone[] = [];
  rows.forEach((row, index) => {
    const cell = (name: (typeof PLAN_CSV_COLUMNS)[number]) => row[column.get(name)!] ?? '';
    // An empty cell is an absent field (not an empty one), so JSON and CSV give the same plan.
    const optional = (name: (typeof PLAN_CSV_COLUMNS)[number], key: string = name) => (cell(name) === '' ? {} : { [key]: cell(name) });
    const line = index + 2;
    const kind = cell('kind');
    const parsed =
      kind === 'task'
        ? PlanTaskSchema.safeParse({ group: cell('group'), id: cell('id'), title: cell('title'), status: cell('status'), ...optional('owner'), ...optional('date', 'due'), ...optional('deliverable'), ...optional('workstream') })
        : kind === 'milestone'
          ? PlanMilestoneSchema.safeParse({ group: cell('group'), id: cell('id'), title: cell('title'), date: cell('date'), done: cell('status') === 'done' ? true : cell('status') === 'todo' ? false : cell('status') })
          : undefined;
    if (!parsed) throw new MutualError('invalid_request', `CSV line ${line}: kind must be task or milestone`);
    if (!parsed.success) throw new MutualError('invalid_request', `CSV line ${line}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    if (kind === 'task') tasks.push(parsed.data as PlanTask);
    else milestones.push(parsed.data as PlanMilestone);
  });
  return { format: 'mutual-plan', version: 1, space, tasks, milestones };
}
