import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';

const ANA = 'ana@seller.test';
const BOB = 'bob@seller.test';
const CARLA = 'carla@seller.test';
const NOW = Date.parse('2027-01-10T12:00:00Z');

/** Calls the client API of the organisation `org()` gives, as `person`. */
const callerOf =
  (org: () => TestOrganisation) =>
  async (person: string, path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: any }> => {
    const response = await fetch(`${org().url}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${await org().token(person)}`, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json() };
  };

describe('the decider cockpit figures', () => {
  let org: TestOrganisation;
  let now = NOW;
  const as = callerOf(() => org);

  before(async () => {
    org = await startTestOrganisation({ clock: () => now });
    await org.admin.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test', decisionDate: '2027-03-31' });
    for (const [id, name] of [[ANA, 'Ana'], [BOB, 'Bob'], [CARLA, 'Carla']] as const) await org.admin.addPerson({ id, name });
    for (const group of ['acme.plan', 'acme.steering', 'acme.proof', 'acme.internal']) await org.admin.addMember(group, ANA, 'lead');
    for (const group of ['acme.plan', 'acme.steering', 'acme.proof']) await org.admin.addMember(group, BOB);
    await org.admin.addMember('acme.plan', CARLA);
    // Old activity, outside the 14-day window: Carla's post three weeks ago.
    now = NOW - 21 * 86_400_000;
    await as(CARLA, '/groups/acme.plan/posts', 'POST', { text: 'Long ago' });
    now = NOW;
    const task = (group: string, title: string, fields: object) => as(ANA, `/groups/${group}/tasks`, 'POST', { title, ...fields });
    await task('acme.proof', 'Sandbox', { status: 'done', workstream: 'proof', due: '2027-01-05' });
    await task('acme.proof', 'Pen test', { status: 'blocked', workstream: 'proof', due: '2027-01-08' });
    await task('acme.proof', 'Load test', { status: 'doing', workstream: 'proof', due: '2027-01-20' });
    await task('acme.plan', 'Business case draft', { status: 'todo', workstream: 'business-case', due: '2027-01-09' });
    await task('acme.plan', 'Reference call', { status: 'todo', workstream: 'business-case', due: '2027-02-01' });
    await task('acme.internal', 'Discount approval', { status: 'blocked', workstream: 'contract', due: '2027-01-02' });
    await as(ANA, '/groups/acme.proof/milestones', 'POST', { title: 'Proof signed off', date: '2027-01-25' });
    await as(ANA, '/groups/acme.plan/milestones', 'POST', { title: 'Kick-off', date: '2027-01-01', done: true });
    await as(BOB, '/groups/acme.plan/posts', 'POST', { text: 'Agenda for Monday' });
  });
  after(() => org.close());

  it('computes countdown, progress, risk, overdue, blocked, next milestones and engagement', async () => {
    const { status, body } = await as(BOB, '/spaces/acme/cockpit');
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.today, '2027-01-10');
    assert.equal(body.daysToDecision, 80);
    assert.deepEqual(body.workstreams, [
      { workstream: 'proof', done: 1, total: 3, blocked: 1, overdue: 1, risk: 'off-track' },
      { workstream: 'business-case', done: 0, total: 2, blocked: 0, overdue: 1, risk: 'at-risk' },
    ]);
    assert.deepEqual(body.overdue.map((t: any) => t.title).sort(), ['Business case draft', 'Pen test']);
    assert.deepEqual(body.blocked.map((t: any) => t.title), ['Pen test']);
    assert.deepEqual(body.nextMilestones.map((m: any) => [m.title, m.waitingOn.map((t: any) => t.title)]), [['Proof signed off', ['Pen test', 'Load test']]]);
    assert.deepEqual([body.overdueTotal, body.blockedTotal, body.nextMilestones[0].waitingOnTotal], [2, 1, 2]);
    assert.deepEqual(body.engaged.map((e: any) => [e.person.id, e.posts, e.taskChanges]), [[ANA, 0, 7], [BOB, 1, 0]]);
    assert.deepEqual(body.silent.map((p: any) => p.id), [CARLA]);
  });

  it('counts only what the viewer may see', async () => {
    const { body } = await as(ANA, '/spaces/acme/cockpit');
    // In the board's order (standard workstreams as an evaluation goes through them), not by name.
    assert.deepEqual(body.workstreams.map((w: any) => w.workstream), ['proof', 'business-case', 'contract'], 'Ana is in the internal group');
    const bob = await as(BOB, '/spaces/acme/cockpit');
    assert.ok(!JSON.stringify(bob.body).includes('Discount approval'));
  });

  it('is for steering members only', async () => {
    const { status, body } = await as(CARLA, '/spaces/acme/cockpit');
    assert.equal(status, 403);
    assert.equal(body.code, 'forbidden');
  });

  it('gives the board every task and milestone of the viewer’s groups', async () => {
    const { body } = await as(BOB, '/spaces/acme/tasks');
    assert.equal(body.tasks.length, 5);
    assert.equal(body.milestones.length, 2);
    assert.equal((await as(CARLA, '/spaces/acme/tasks')).body.tasks.length, 2);
  });

  it('gives the board the members of exactly the viewer’s groups, as each group’s members route does', async () => {
    for (const viewer of [BOB, CARLA]) {
      const { body } = await as(viewer, '/spaces/acme/tasks');
      const groups = (await as(viewer, '/spaces/acme')).body.groups.map((group: { id: string }) => group.id);
      assert.deepEqual(Object.keys(body.members).sort(), [...groups].sort());
      for (const group of groups) assert.deepEqual(body.members[group], (await as(viewer, `/groups/${group}/members`)).body.members);
    }
  });
});

describe('the cockpit of a large plan', () => {
  let org: TestOrganisation;
  let now = NOW;
  const as = callerOf(() => org);

  before(async () => {
    org = await startTestOrganisation({ clock: () => now });
    await org.admin.createSpace({ id: 'big', name: 'Big', buyer: 'buyer.test' });
    for (const [id, name] of [[ANA, 'Ana'], [BOB, 'Bob'], [CARLA, 'Carla']] as const) await org.admin.addPerson({ id, name });
    for (const group of ['big.plan', 'big.steering']) await org.admin.addMember(group, ANA, 'lead');
    for (const person of [BOB, CARLA]) await org.admin.addMember('big.plan', person);
    // 12 overdue tasks (3 of them blocked) and 2 more blocked ones not yet due, before a milestone.
    for (let day = 1; day <= 14; day++) {
      const status = day % 4 === 0 || day > 12 ? 'blocked' : 'todo';
      await as(ANA, '/groups/big.plan/tasks', 'POST', { title: `Task ${day}`, status, due: day > 12 ? `2027-01-${day + 10}` : `2026-12-${day + 10}` });
    }
    await as(ANA, '/groups/big.plan/milestones', 'POST', { title: 'Go', date: '2027-01-31' });
    // Engagement looks back over whole UTC days, from the day 14 days before today: Bob's post
    // of 14 days and some hours ago counts, Carla's of 15 days ago does not.
    now = Date.parse('2026-12-27T01:00:00Z');
    await as(BOB, '/groups/big.plan/posts', 'POST', { text: 'On the first day of the window' });
    now = Date.parse('2026-12-26T23:00:00Z');
    await as(CARLA, '/groups/big.plan/posts', 'POST', { text: 'The day before' });
    now = NOW;
  });
  after(() => org.close());

  it('lists the first ten overdue, blocked and awaited tasks, with how many there are in all', async () => {
    const { status, body } = await as(ANA, '/spaces/big/cockpit');
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual(body.workstreams, [{ workstream: 'plan', done: 0, total: 14, blocked: 5, overdue: 12, risk: 'off-track' }]);
    const first10 = Array.from({ length: 10 }, (_, i) => `Task ${i + 1}`);
    assert.deepEqual(body.overdue.map((t: any) => t.title), first10);
    assert.equal(body.overdueTotal, 12);
    assert.deepEqual(body.blocked.map((t: any) => t.title), ['Task 4', 'Task 8', 'Task 12', 'Task 13', 'Task 14']);
    assert.equal(body.blockedTotal, 5);
    const [go] = body.nextMilestones;
    assert.deepEqual(go.waitingOn.map((t: any) => t.title), first10);
    assert.equal(go.waitingOnTotal, 14);
  });

  it('counts engagement over whole UTC days', async () => {
    const { body } = await as(ANA, '/spaces/big/cockpit');
    assert.deepEqual(body.engaged.map((e: any) => [e.person.id, e.posts, e.taskChanges, e.lastActive]), [
      [ANA, 0, 15, '2027-01-10T12:00:00.000Z'],
      [BOB, 1, 0, '2026-12-27T01:00:00.000Z'],
    ]);
    assert.deepEqual(body.silent.map((p: any) => p.id), [CARLA]);
  });
});
