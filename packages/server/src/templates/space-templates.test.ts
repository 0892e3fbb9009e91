import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isMutualError } from '@mutual/protocol';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';
import { DEFAULT_TEMPLATE } from './default-template.js';
import { SpaceTemplates } from './space-templates.js';

const today = Date.parse('2027-01-04T09:00:00.000Z');
const alice = 'alice@seller.test';

describe('space templates', () => {
  let org: TestOrganisation;
  let templates: SpaceTemplates;

  before(async () => {
    // One clock for the server and the templates: due dates count from the space's first day.
    const started = Date.now();
    const clock = () => today + (Date.now() - started);
    org = await startTestOrganisation({ domain: 'seller.test', clock });
    templates = new SpaceTemplates(org.server.store, org.admin, { clock });
    await org.admin.addPerson({ id: alice, name: 'Alice' });
  });
  after(() => org?.close());

  it('starts a new space from the default template: plan, steering, the five workstreams, internal, and their first tasks', async () => {
    const { groups } = await templates.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test' });
    const { store } = org.server;
    assert.deepEqual(
      groups.map((g) => [g.id, g.kind, g.workstream ?? null]),
      [
        ['acme.plan', 'plan', null],
        ['acme.steering', 'steering', null],
        ['acme.proof', 'workstream', 'proof'],
        ['acme.implementation', 'workstream', 'implementation'],
        ['acme.success-criteria', 'workstream', 'success-criteria'],
        ['acme.business-case', 'workstream', 'business-case'],
        ['acme.contract', 'workstream', 'contract'],
        ['acme.internal', 'internal', null],
      ],
    );
    assert.deepEqual((await store.listGroups('acme')).map((g) => g.id), groups.map((g) => g.id));
    for (const group of DEFAULT_TEMPLATE.groups) {
      const tasks = await store.listTasks(`acme.${group.slug}`);
      assert.deepEqual(tasks.map((t) => t.title).sort(), group.tasks.map((t) => t.title).sort(), group.slug);
      if (group.kind !== 'internal' && group.kind !== 'steering') assert.ok(tasks.length >= 3, `${group.slug} has its first tasks`);
      for (const task of tasks) assert.equal(task.status, 'todo');
    }
    assert.equal((await store.getTask('acme.plan', 'kickoff'))?.due, '2027-01-11', 'a week from the first day');
    assert.equal((await store.getTask('acme.proof', 'proof-readout'))?.workstream, 'proof');
    assert.deepEqual((await store.listMilestones('acme.success-criteria')).map((m) => [m.title, m.date, m.done]), [['Success criteria signed by both sides', '2027-01-25', false]]);
  });

  it('saves a space as a template — its groups, tasks and milestones, never its people or posts — and starts another from it', async () => {
    await org.admin.addMember('acme.proof', alice, 'lead');
    await org.server.writer.write({ space: 'acme', group: 'acme.proof', author: alice, type: 'post', body: { text: 'Confidential pilot notes' } });
    await org.server.writer.write({ space: 'acme', group: 'acme.proof', author: alice, type: 'task.created', body: { task: 'opc-ua', title: 'Install the OPC UA gateway', owner: alice, status: 'doing', due: '2027-01-14' } });
    await org.admin.createGroup({ id: 'acme.pilot-lyon', space: 'acme', kind: 'workstream', workstream: 'pilot-lyon', name: 'Pilot in Lyon' });
    await org.admin.createTask('acme.pilot-lyon', 'line-3', { title: 'Line 3 shadow run', status: 'todo', due: '2027-02-01' });

    const saved = await templates.saveFromSpace('acme', { id: 'manufacturing', name: 'Manufacturing evaluation' });
    const text = JSON.stringify(saved);
    assert.ok(!text.includes(alice) && !text.includes('Confidential'), 'no person, no post');
    const proof = saved.groups.find((g) => g.slug === 'proof')!;
    assert.deepEqual(proof.tasks.find((t) => t.id === 'opc-ua'), { id: 'opc-ua', title: 'Install the OPC UA gateway', status: 'todo', dueInDays: 10 });
    assert.deepEqual((await templates.list()).map((t) => t.id), ['default', 'empty', 'manufacturing']);

    const { groups } = await templates.createSpace({ id: 'globex', name: 'Globex', buyer: 'globex.test', template: 'manufacturing' });
    assert.ok(groups.some((g) => g.id === 'globex.pilot-lyon' && g.workstream === 'pilot-lyon'));
    assert.equal((await org.server.store.getTask('globex.pilot-lyon', 'line-3'))?.due, '2027-02-01');
    assert.equal((await org.server.store.listMembers('globex.proof')).length, 0);
    assert.equal((await org.server.store.feedPage({ group: 'globex.proof', viewer: alice, limit: 10 })).posts.length, 0);
    assert.equal((await org.server.store.listTasks('globex.proof')).length, (await org.server.store.listTasks('acme.proof')).length);
  });

  it('refuses unknown templates, a built-in name, and invalid ones', async () => {
    const code = (wanted: string) => (error: unknown) => isMutualError(error) && error.code === wanted;
    await assert.rejects(templates.createSpace({ id: 'x', name: 'X', buyer: 'b.test', template: 'nope' }), code('not_found'));
    assert.equal(await org.server.store.getSpace('x'), undefined, 'nothing created');
    await assert.rejects(templates.save({ ...DEFAULT_TEMPLATE }), code('conflict'));
    await assert.rejects(templates.save({ id: 'dup', name: 'Dup', groups: [{ slug: 'a', kind: 'plan', name: 'A' }, { slug: 'a', kind: 'plan', name: 'B' }] }), code('invalid_request'));
    await templates.remove('manufacturing');
    await assert.rejects(templates.remove('manufacturing'), code('not_found'));
  });
});
