import { expect } from '@open-wc/testing';
import type { GroupEvent, LiveMessage, Milestone, MyGroup, Person, Task } from '@mutual/protocol';
import {
  BoardModel,
  compareTasks,
  isLongPlan,
  isOverdue,
  lanesOf,
  LONG_PLAN_THRESHOLD,
  matchesFilters,
  NO_FILTERS,
  openCount,
  PLAN_LANE,
  Sync,
  taskKey,
  timelineOf,
  withChanges,
} from './board-model.js';
import { dayValue, daysBetween, formatDay, localDay } from './dates.js';
import { changesOf, draftOf, newTaskOf, validateDraft, type TaskDraft } from './task-form.js';

const ana: Person = { id: 'ana@seller.test', name: 'Ana', organisation: 'seller.test' };
const dora: Person = { id: 'dora@buyer.test', name: 'Dora', organisation: 'buyer.test' };
const at = '2027-01-10T10:00:00.000Z';
const eventId = (n: number): string => `event${String(n).padStart(38, '0')}`;

const groups: MyGroup[] = [
  { id: 's.plan', space: 's', kind: 'plan', name: 'Overall plan', home: 'seller.test', role: 'lead' },
  { id: 's.proof', space: 's', kind: 'workstream', workstream: 'proof', name: 'Proof', home: 'seller.test', role: 'member' },
  { id: 's.contract', space: 's', kind: 'workstream', workstream: 'contract', name: 'Contract', home: 'seller.test', role: 'observer' },
];

function task(id: string, extra: Partial<Task> = {}): Task {
  return { id, group: 's.plan', title: `Task ${id}`, status: 'todo', createdBy: ana.id, createdAt: at, updatedAt: at, ...extra };
}

function milestone(id: string, date: string, extra: Partial<Milestone> = {}): Milestone {
  return { id, group: 's.plan', title: `Milestone ${id}`, date, done: false, createdBy: ana.id, updatedAt: at, ...extra };
}

function live(seq: number, event: Pick<GroupEvent, 'type' | 'body'> & { group?: string }, author = dora): LiveMessage {
  return {
    event: { id: eventId(seq), space: 's', group: event.group ?? 's.plan', seq, author: author.id, at, ...event } as GroupEvent,
    author,
  };
}

function loaded(tasks: Task[] = [], milestones: Milestone[] = []): BoardModel {
  const model = new BoardModel();
  model.load({ tasks, milestones }, groups);
  return model;
}

describe('BoardModel', () => {
  it('puts a task in its own workstream, else its group’s, else the overall plan', () => {
    const model = loaded();
    expect(model.laneOf(task('a', { workstream: 'business-case' }))).to.equal('business-case');
    expect(model.laneOf(task('b', { group: 's.proof' }))).to.equal('proof');
    expect(model.laneOf(task('c'))).to.equal(PLAN_LANE);
    expect(model.laneOf(task('d', { group: 'unknown' }))).to.equal(PLAN_LANE);
  });

  it('lets leads and members write, not observers', () => {
    const model = loaded();
    expect(model.canWrite('s.plan')).to.equal(true);
    expect(model.canWrite('s.proof')).to.equal(true);
    expect(model.canWrite('s.contract')).to.equal(false);
    expect(model.canWrite('elsewhere')).to.equal(false);
  });

  it('applies live task and milestone events, each task created once', () => {
    const model = loaded([task('a')]);
    const created = live(1, { type: 'task.created', body: { task: 'b', title: 'Security review', status: 'todo', owner: dora.id } });
    expect(model.applyLive(created)).to.include({ kind: 'task-created', event: eventId(1) });
    expect(model.applyLive(created)).to.equal(undefined);
    expect(model.get('s.plan/b')).to.include({ title: 'Security review', owner: dora.id, createdBy: dora.id });

    const updated = model.applyLive(live(2, { type: 'task.updated', body: { task: 'a', changes: { status: 'doing' } } }));
    expect(updated).to.deep.include({ kind: 'task-updated', changes: { status: 'doing' } });
    expect(model.get('s.plan/a')!.status).to.equal('doing');
    expect(model.applyLive(live(3, { type: 'task.updated', body: { task: 'nope', changes: { status: 'done' } } }))).to.equal(undefined);

    model.applyLive(live(4, { type: 'milestone.set', body: { milestone: 'm', title: 'Pilot live', date: '2027-02-01', done: false } }));
    model.applyLive(live(5, { type: 'milestone.set', body: { milestone: 'm', title: 'Pilot live', date: '2027-02-01', done: true } }));
    expect(model.milestones).to.have.length(1);
    expect(model.milestones[0]).to.include({ done: true, createdBy: dora.id });
    expect(model.applyLive(live(6, { type: 'post', body: { text: 'hi' } }))).to.equal(undefined);
  });

  it('keeps live events that come before the plan and applies them on top of it', () => {
    const model = new BoardModel();
    expect(model.applyLive(live(1, { type: 'task.updated', body: { task: 'a', changes: { status: 'blocked' } } }))).to.equal(undefined);
    model.applyLive(live(2, { type: 'task.created', body: { task: 'a', title: 'Already loaded', status: 'todo' } }));
    model.load({ tasks: [task('a')], milestones: [] }, groups);
    expect(model.tasks).to.have.length(1);
    expect(model.get('s.plan/a')!.status).to.equal('blocked');
  });

  it('shows a change at once and keeps it when the server stores it', () => {
    const model = loaded([task('a')]);
    const token = model.change('s.plan/a', { status: 'done' });
    expect(model.get('s.plan/a')!.status).to.equal('done');
    expect(model.stored('s.plan/a')!.status).to.equal('todo');
    expect(model.sync('s.plan/a')).to.equal(Sync.saving);
    model.settle('s.plan/a', token, task('a', { status: 'done', updatedAt: '2027-01-11T00:00:00.000Z' }));
    expect(model.sync('s.plan/a')).to.equal(undefined);
    expect(model.stored('s.plan/a')!.status).to.equal('done');
  });

  it('rolls a failed change back, unless a newer one replaced it', () => {
    const model = loaded([task('a')]);
    const first = model.change('s.plan/a', { status: 'doing' });
    expect(model.rollBack('s.plan/a', first)).to.equal(true);
    expect(model.get('s.plan/a')!.status).to.equal('todo');

    const older = model.change('s.plan/a', { status: 'doing' });
    model.change('s.plan/a', { status: 'blocked' });
    expect(model.rollBack('s.plan/a', older)).to.equal(false);
    expect(model.get('s.plan/a')!.status).to.equal('blocked');
  });

  it('keeps a queued change shown until its echo arrives', () => {
    const model = loaded([task('a')]);
    const token = model.change('s.plan/a', { status: 'doing', workstream: 'proof' });
    model.queue('s.plan/a', token, eventId(9));
    expect(model.sync('s.plan/a')).to.equal(Sync.queued);
    model.applyLive(live(8, { type: 'task.updated', body: { task: 'a', changes: { title: 'Renamed' } } }));
    expect(model.get('s.plan/a')).to.include({ title: 'Renamed', status: 'doing', workstream: 'proof' });
    expect(model.sync('s.plan/a')).to.equal(Sync.queued);
    model.applyLive(live(9, { type: 'task.updated', body: { task: 'a', changes: { status: 'doing', workstream: 'proof' } } }));
    expect(model.sync('s.plan/a')).to.equal(undefined);
    expect(model.stored('s.plan/a')).to.include({ status: 'doing', workstream: 'proof' });
  });

  it('takes a queued change back when the home refuses it', () => {
    const model = loaded([task('a'), task('b')]);
    const token = model.change('s.plan/a', { status: 'doing' });
    model.queue('s.plan/a', token, eventId(9));
    model.change('s.plan/b', { status: 'blocked' });
    expect(model.refuse(eventId(8)), 'no change waits on another id').to.equal(undefined);
    expect(model.refuse(eventId(9))).to.equal('s.plan/a');
    expect(model.sync('s.plan/a')).to.equal(undefined);
    expect(model.get('s.plan/a')!.status).to.equal(model.stored('s.plan/a')!.status);
    expect(model.get('s.plan/b')!.status, 'another task’s change stays').to.equal('blocked');
  });
});

describe('board filters and layout', () => {
  const today = '2027-01-15';
  const context = { viewer: ana.id, today, laneOf: (t: Task) => t.workstream ?? PLAN_LANE };

  it('marks open tasks past their due date as overdue, never done ones', () => {
    expect(isOverdue(task('a', { due: '2027-01-14' }), today)).to.equal(true);
    expect(isOverdue(task('a', { due: '2027-01-15' }), today)).to.equal(false);
    expect(isOverdue(task('a', { due: '2027-01-14', status: 'done' }), today)).to.equal(false);
    expect(isOverdue(task('a'), today)).to.equal(false);
  });

  it('filters by owner, lateness, organisation and workstream', () => {
    const mine = task('a', { owner: ana.id, due: '2027-01-01' });
    const theirs = task('b', { owner: dora.id, workstream: 'proof' });
    const nobody = task('c');
    const all = [mine, theirs, nobody];
    const keep = (filters: Partial<typeof NO_FILTERS>) =>
      all.filter((t) => matchesFilters(t, { ...NO_FILTERS, ...filters }, context)).map((t) => t.id);
    expect(keep({})).to.deep.equal(['a', 'b', 'c']);
    expect(keep({ mine: true })).to.deep.equal(['a']);
    expect(keep({ overdue: true })).to.deep.equal(['a']);
    expect(keep({ organisation: 'buyer.test' })).to.deep.equal(['b']);
    expect(keep({ workstream: 'proof' })).to.deep.equal(['b']);
    expect(keep({ workstream: PLAN_LANE })).to.deep.equal(['a', 'c']);
    expect(keep({ mine: true, organisation: 'buyer.test' })).to.deep.equal([]);
  });

  it('orders lanes: overall plan, standard workstreams in order, then custom ones', () => {
    expect(lanesOf([{ workstream: 'contract' }, { workstream: undefined }], ['zeta', 'proof', 'alpha'])).to.deep.equal([
      PLAN_LANE,
      'proof',
      'contract',
      'alpha',
      'zeta',
    ]);
  });

  it('orders a cell by due date, undated last, then by title', () => {
    const tasks = [task('a', { title: 'B' }), task('b', { due: '2027-02-01' }), task('c', { title: 'A' }), task('d', { due: '2027-01-01' })];
    expect(tasks.sort(compareTasks).map((t) => t.id)).to.deep.equal(['d', 'b', 'c', 'a']);
  });

  it('calls a plan long beyond 30 open steps, done ones not counted', () => {
    const open = Array.from({ length: LONG_PLAN_THRESHOLD }, (_, i) => task(`t${i}`));
    expect(isLongPlan(open)).to.equal(false);
    expect(isLongPlan([...open, task('done', { status: 'done' })])).to.equal(false);
    expect(isLongPlan([...open, task('one-more', { status: 'blocked' })])).to.equal(true);
    expect(openCount([...open, task('done', { status: 'done' })])).to.equal(30);
  });

  it('places milestones between today and the decision date', () => {
    const { start, end, items } = timelineOf(
      [
        milestone('late', '2027-01-05'),
        milestone('half', '2027-02-14', { done: true }),
        milestone('end', '2027-03-16'),
        milestone('after', '2027-04-01'),
      ],
      today,
      '2027-03-16',
    );
    expect([start, end]).to.deep.equal([today, '2027-03-16']);
    expect(items.map((item) => [item.milestone.id, item.state, item.position, item.afterDecision])).to.deep.equal([
      ['late', 'late', 0, false],
      ['half', 'done', 0.5, false],
      ['end', 'upcoming', 1, false],
      ['after', 'upcoming', 1, true],
    ]);
    // Labels too close for one row go to the next.
    expect(items.map((item) => item.row)).to.deep.equal([0, 0, 0, 1]);
  });

  it('spans to the last milestone when the space has no decision date', () => {
    const { end, items } = timelineOf([milestone('a', '2027-01-25'), milestone('b', '2027-02-04')], today, undefined);
    expect(end).to.equal('2027-02-04');
    expect(items.map((item) => item.position)).to.deep.equal([0.5, 1]);
  });
});

describe('task form', () => {
  const draft: TaskDraft = { title: '  Run the pilot ', group: 's.proof', workstream: 'proof', owner: '', due: '', status: 'todo', deliverable: '' };

  it('asks for a title and a real date, and keeps lengths', () => {
    expect(validateDraft(draft)).to.deep.equal({});
    expect(validateDraft({ ...draft, title: '   ' })).to.deep.equal({ title: 'required' });
    expect(validateDraft({ ...draft, title: 'x'.repeat(201) })).to.deep.equal({ title: 'too-long' });
    expect(validateDraft({ ...draft, due: '2027-02-30' })).to.deep.equal({ due: 'invalid-date' });
    expect(validateDraft({ ...draft, deliverable: 'x'.repeat(501) })).to.deep.equal({ deliverable: 'too-long' });
  });

  it('removes an owner or a due date that was emptied, with null', () => {
    const original = task('a', { owner: dora.id, due: '2027-02-01' });
    const emptied = { ...draftOf(original, PLAN_LANE), owner: '', due: '' };
    expect(validateDraft(emptied)).to.deep.equal({});
    const changes = changesOf(emptied, original, PLAN_LANE);
    expect(changes).to.deep.equal({ owner: null, due: null });
    const shown = withChanges(original, changes);
    expect('owner' in shown || 'due' in shown, 'the fields are gone, not null').to.equal(false);
  });

  it('creates with the fields set, and the workstream only when it is not the group’s', () => {
    expect(newTaskOf(draft, 'proof')).to.deep.equal({ title: 'Run the pilot', status: 'todo' });
    expect(newTaskOf({ ...draft, workstream: 'contract', owner: dora.id, due: '2027-02-01', deliverable: ' Report ' }, 'proof')).to.deep.equal({
      title: 'Run the pilot',
      status: 'todo',
      owner: dora.id,
      due: '2027-02-01',
      deliverable: 'Report',
      workstream: 'contract',
    });
  });

  it('sends only what changed', () => {
    const original = task('a', { deliverable: 'Report', owner: ana.id });
    const same = draftOf(original, PLAN_LANE);
    expect(changesOf(same, original, PLAN_LANE)).to.deep.equal({});
    expect(changesOf({ ...same, title: 'New', deliverable: '', status: 'blocked', workstream: 'proof', owner: dora.id }, original, PLAN_LANE)).to.deep.equal({
      title: 'New',
      owner: dora.id,
      status: 'blocked',
      deliverable: '',
      workstream: 'proof',
    });
  });
});

describe('calendar dates', () => {
  it('reads, compares and shows days without any time zone shift', () => {
    expect(Number.isNaN(dayValue('2027-13-01'))).to.equal(true);
    expect(daysBetween('2027-01-15', '2027-03-16')).to.equal(60);
    expect(formatDay('2027-03-16', '2027-01-15', 'en')).to.equal('Mar 16');
    expect(formatDay('2028-03-16', '2027-01-15', 'en')).to.equal('Mar 16, 2028');
    expect(formatDay('2027-03-16', '2027-01-15', 'fr')).to.equal('16 mars');
    expect(localDay(new Date(2027, 0, 5, 23, 59).getTime())).to.equal('2027-01-05');
  });

  it('keys tasks by group and id', () => {
    expect(taskKey(task('a'))).to.equal('s.plan/a');
  });
});
