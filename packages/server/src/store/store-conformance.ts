import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventBody, EventType } from '@mutual/protocol';
import type { Store } from './store.js';

const AT = '2027-01-01T10:00:00.000Z';

/**
 * The behaviour every {@link Store} must have. Each adapter's test file calls this with a way to
 * open a fresh, empty store; the same assertions then hold for SQLite and PostgreSQL alike.
 */
export function describeStoreConformance(name: string, openStore: () => Promise<Store>) {
  async function withSpace(work: (store: Store) => Promise<void>) {
    const store = await openStore();
    try {
      await store.createSpace({ id: 's1', name: 'S1', seller: 'seller.test', buyer: 'buyer.test', stage: 'evaluation' }, AT);
      for (const id of ['g1', 'g2']) await store.createGroup({ id, space: 's1', kind: 'workstream', workstream: 'proof', name: id, home: 'seller.test' }, AT);
      await store.upsertPerson({ id: 'ana@seller.test', name: 'Ana', organisation: 'seller.test' });
      await work(store);
    } finally {
      await store.close();
    }
  }
  let tick = 0;
  const append = <T extends EventType>(store: Store, group: string, type: T, body: EventBody<T>, author = 'ana@seller.test', clientId?: string) =>
    store.append({ space: 's1', group, type, author, at: new Date(Date.parse(AT) + ++tick).toISOString(), body }, clientId ? { clientId } : {});

  describe(`store conformance: ${name}`, () => {
    it('gives each group gap-free sequence numbers, even under concurrent appends', async () => {
      await withSpace(async (store) => {
        const results = await Promise.all(Array.from({ length: 40 }, (_, i) => append(store, i % 2 ? 'g1' : 'g2', 'post', { text: `p${i}` })));
        for (const group of ['g1', 'g2']) {
          const seqs = results.filter((r) => r.event.group === group).map((r) => r.event.seq).sort((a, b) => a - b);
          assert.deepEqual(seqs, Array.from({ length: 20 }, (_, i) => i + 1));
        }
        const cursors = results.map((r) => r.cursor);
        assert.equal(new Set(cursors).size, cursors.length);
      });
    });

    it('appends the same content once', async () => {
      await withSpace(async (store) => {
        const draft = { space: 's1', group: 'g1', type: 'post' as const, author: 'ana@seller.test', at: AT, body: { text: 'once' } };
        const first = await store.append(draft);
        const second = await store.append(draft);
        assert.equal(first.event.id, second.event.id);
        assert.equal(first.cursor, second.cursor);
        assert.equal((await store.eventsAfter(['g1'], 0, 10)).length, 1);
      });
    });

    it('finds an earlier write by client id', async () => {
      await withSpace(async (store) => {
        const stored = await append(store, 'g1', 'post', { text: 'x', clientId: 'abcdefgh' }, 'ana@seller.test', 'abcdefgh');
        assert.equal((await store.findByClientId('g1', 'ana@seller.test', 'abcdefgh'))?.event.id, stored.event.id);
        assert.equal(await store.findByClientId('g2', 'ana@seller.test', 'abcdefgh'), undefined);
      });
    });

    it('numbers a space’s events in order, gap-free, even under concurrent appends', async () => {
      await withSpace(async (store) => {
        await Promise.all(Array.from({ length: 30 }, (_, i) => append(store, i % 3 ? 'g1' : 'g2', 'post', { text: `c${i}` })));
        const all = await store.eventsAfter(['g1', 'g2'], 0, 100);
        assert.deepEqual(all.map((e) => e.cursor), Array.from({ length: 30 }, (_, i) => i + 1));
        assert.equal(await store.lastPosition('s1'), 30);
      });
    });

    it('reads events after a cursor, for the given groups only, in order', async () => {
      await withSpace(async (store) => {
        const a = await append(store, 'g1', 'post', { text: 'a' });
        await append(store, 'g2', 'post', { text: 'b' });
        const c = await append(store, 'g1', 'post', { text: 'c' });
        assert.deepEqual((await store.eventsAfter(['g1'], 0, 10)).map((e) => e.event.id), [a.event.id, c.event.id]);
        assert.deepEqual((await store.eventsAfter(['g1'], a.cursor, 10)).map((e) => e.event.id), [c.event.id]);
        assert.deepEqual(await store.eventsAfter([], 0, 10), []);
        assert.equal(await store.lastPosition('s1'), c.cursor);
      });
    });

    it('reads every event of a space after a position, in order, with a limit', async () => {
      await withSpace(async (store) => {
        const a = await append(store, 'g1', 'post', { text: 'a' });
        const b = await append(store, 'g2', 'post', { text: 'b' });
        const c = await append(store, 'g1', 'post', { text: 'c' });
        assert.deepEqual((await store.spaceEventsAfter('s1', 0, 10)).map((e) => e.event.id), [a.event.id, b.event.id, c.event.id]);
        assert.deepEqual((await store.spaceEventsAfter('s1', a.cursor, 1)).map((e) => e.event.id), [b.event.id]);
        assert.deepEqual(await store.spaceEventsAfter('s1', c.cursor, 10), []);
        assert.deepEqual(await store.spaceEventsAfter('another-space', 0, 10), []);
      });
    });

    it('derives feeds, threads and reactions from the log', async () => {
      await withSpace(async (store) => {
        const post = await append(store, 'g1', 'post', { text: 'hello' });
        await append(store, 'g1', 'reply', { parent: post.event.id, text: 'hi' }, 'bob@seller.test');
        await append(store, 'g1', 'reaction', { target: post.event.id, emoji: '👍', on: true });
        await append(store, 'g1', 'reaction', { target: post.event.id, emoji: '👍', on: true }, 'bob@seller.test');
        await append(store, 'g1', 'reaction', { target: post.event.id, emoji: '👍', on: false }, 'bob@seller.test');
        const page = await store.feedPage({ group: 'g1', viewer: 'ana@seller.test', limit: 10 });
        assert.equal(page.posts.length, 1);
        assert.equal(page.posts[0]!.replies[0]!.text, 'hi');
        assert.equal(page.posts[0]!.replies[0]!.author.name, 'bob', 'an unknown person is shown by id');
        assert.deepEqual(page.posts[0]!.reactions, [{ emoji: '👍', count: 1, mine: true }]);
        assert.equal((await store.feedPage({ group: 'g2', viewer: 'ana@seller.test', limit: 10 })).posts.length, 0);
      });
    });

    it('derives tasks, milestones and memberships from the log', async () => {
      await withSpace(async (store) => {
        await append(store, 'g1', 'task.created', { task: 't1', title: 'POC', status: 'todo', owner: 'sam@buyer.test', due: '2027-02-01' });
        await append(store, 'g1', 'task.updated', { task: 't1', changes: { status: 'blocked' } });
        const task = await store.getTask('g1', 't1');
        assert.equal(task?.status, 'blocked');
        assert.equal(task?.owner, 'sam@buyer.test');
        await append(store, 'g1', 'milestone.set', { milestone: 'm1', title: 'Go live', date: '2027-06-01', done: false });
        await append(store, 'g1', 'milestone.set', { milestone: 'm1', title: 'Go live', date: '2027-06-15', done: true });
        assert.deepEqual(
          (await store.listMilestones('g1')).map((m) => [m.date, m.done]),
          [['2027-06-15', true]],
        );
        await append(store, 'g1', 'member.added', { person: 'ana@seller.test', role: 'lead' });
        assert.equal(await store.getRole('g1', 'ana@seller.test'), 'lead');
        assert.deepEqual((await store.listSpacesFor('ana@seller.test')).map((s) => s.groups.map((g) => g.id)), [['g1']]);
        await append(store, 'g1', 'member.removed', { person: 'ana@seller.test' });
        assert.equal(await store.getRole('g1', 'ana@seller.test'), undefined);
        assert.deepEqual(await store.listSpacesFor('ana@seller.test'), []);
      });
    });

    it('refuses to append to a group that does not exist', async () => {
      await withSpace(async (store) => {
        await assert.rejects(append(store, 'nope', 'post', { text: 'x' }), (error: any) => error.code === 'not_found');
      });
    });
  });
}
