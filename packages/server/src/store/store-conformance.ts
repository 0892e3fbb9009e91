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

    it('places concurrent writes with one client id once, however their times differ', async () => {
      await withSpace(async (store) => {
        // A retry racing its first attempt: the drafts differ (each request dates its own), the clientId does not.
        const results = await Promise.all(
          Array.from({ length: 6 }, () => append(store, 'g1', 'post', { text: 'sent twice', clientId: 'retried1' }, 'ana@seller.test', 'retried1')),
        );
        assert.equal(new Set(results.map((r) => r.event.id)).size, 1, 'every attempt answered with the same event');
        assert.equal(results.filter((r) => r.appended).length, 1, 'one attempt appended it');
        assert.equal((await store.eventsAfter(['g1'], 0, 10)).length, 1);
        const [next] = await Promise.all([append(store, 'g1', 'post', { text: 'after' })]);
        assert.equal(next!.event.seq, 2, 'the attempts that found it left no gap in the sequence');
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

    it('gives a page before it is anyone’s: who reacted with what, in emoji order', async () => {
      await withSpace(async (store) => {
        const post = await append(store, 'g1', 'post', { text: 'hello' });
        await append(store, 'g1', 'reaction', { target: post.event.id, emoji: '👍', on: true }, 'bob@seller.test');
        await append(store, 'g1', 'reaction', { target: post.event.id, emoji: '🎉', on: true });
        await append(store, 'g1', 'reaction', { target: post.event.id, emoji: '👍', on: true });
        const shared = await store.sharedFeedPage({ group: 'g1', limit: 10 });
        const reactions = shared.posts[0]!.reactions.map((r) => ({ ...r, people: [...r.people].sort() }));
        const mine = (await store.feedPage({ group: 'g1', viewer: 'bob@seller.test', limit: 10 })).posts[0]!.reactions;
        assert.deepEqual(mine.map((r) => r.emoji), reactions.map((r) => r.emoji), 'the same order as every reader gets');
        assert.deepEqual(reactions.find((r) => r.emoji === '👍'), { emoji: '👍', count: 2, people: ['ana@seller.test', 'bob@seller.test'] });
        assert.deepEqual(reactions.find((r) => r.emoji === '🎉'), { emoji: '🎉', count: 1, people: ['ana@seller.test'] });
        assert.deepEqual(mine.find((r) => r.emoji === '👍')?.mine, true);
        assert.deepEqual(mine.find((r) => r.emoji === '🎉')?.mine, false);
      });
    });

    it('totals the reactions of entries of one group only, in emoji order', async () => {
      await withSpace(async (store) => {
        const post = await append(store, 'g1', 'post', { text: 'hello' });
        const quiet = await append(store, 'g1', 'post', { text: 'nobody reacts' });
        const elsewhere = await append(store, 'g2', 'post', { text: 'another group' });
        await append(store, 'g1', 'reaction', { target: post.event.id, emoji: '👍', on: true });
        await append(store, 'g1', 'reaction', { target: post.event.id, emoji: '👍', on: true }, 'bob@seller.test');
        await append(store, 'g1', 'reaction', { target: post.event.id, emoji: '🎉', on: true }, 'bob@seller.test');
        await append(store, 'g2', 'reaction', { target: elsewhere.event.id, emoji: '👀', on: true });
        const totals = await store.reactionTotals('g1', [post.event.id, quiet.event.id, elsewhere.event.id]);
        const shared = (await store.sharedFeedPage({ group: 'g1', limit: 10 })).posts.find((p) => p.id === post.event.id)!;
        assert.deepEqual(totals.get(post.event.id), shared.reactions.map(({ emoji, count }) => ({ emoji, count })), 'as a page orders them');
        assert.deepEqual(totals.get(quiet.event.id), []);
        assert.equal(totals.has(elsewhere.event.id), false, 'another group’s entry is not this group’s to total');
        assert.deepEqual(await store.reactionTotals('g1', []), new Map());
      });
    });

    it('reads a group, a person’s role in it and its log position together', async () => {
      await withSpace(async (store) => {
        assert.equal(await store.groupAccess('nope', 'ana@seller.test'), undefined);
        const before = await store.groupAccess('g1', 'ana@seller.test');
        assert.equal(before?.group.id, 'g1');
        assert.equal(before?.role, undefined);
        await append(store, 'g1', 'member.added', { person: 'ana@seller.test', role: 'observer' });
        const after = await store.groupAccess('g1', 'ana@seller.test');
        assert.equal(after?.role, 'observer');
        assert.equal(after?.lastSeq, (before?.lastSeq ?? 0) + 1);
        assert.equal((await store.groupAccess('g1', 'bob@seller.test'))?.role, undefined);
        // A store that says it can tell must change its side version when a name does.
        if (after?.sideVersion !== undefined) {
          await store.upsertPerson({ id: 'ana@seller.test', name: 'Ana Maria', organisation: 'seller.test' });
          assert.notEqual((await store.groupAccess('g1', 'ana@seller.test'))?.sideVersion, after.sideVersion);
        }
        await append(store, 'g1', 'member.removed', { person: 'ana@seller.test' });
        assert.equal((await store.groupAccess('g1', 'ana@seller.test'))?.role, undefined);
      });
    });

    it('follows posts, renames, additions and removals on the very next check, and queues for an organisation from its first member on', async () => {
      await withSpace(async (store) => {
        await append(store, 'g1', 'member.added', { person: 'ana@seller.test', role: 'member' });
        const start = (await store.groupAccess('g1', 'ana@seller.test'))!;
        const post = await append(store, 'g1', 'post', { text: 'only the position moves' });
        const afterPost = (await store.groupAccess('g1', 'ana@seller.test'))!;
        assert.equal(afterPost.lastSeq, start.lastSeq + 1);
        assert.equal(afterPost.role, 'member');
        assert.deepEqual(await store.outbox.pending(), [], 'nobody outside the home yet: nothing to deliver');
        await append(store, 'g1', 'group.changed', { name: 'Proof of concept' });
        assert.equal((await store.groupAccess('g1', 'ana@seller.test'))?.group.name, 'Proof of concept');
        await append(store, 'g1', 'member.added', { person: 'sam@buyer.test', role: 'member' });
        assert.equal((await store.groupAccess('g1', 'sam@buyer.test'))?.role, 'member');
        const next = await append(store, 'g1', 'post', { text: 'the buyer gets this one' });
        const delivered = (await store.outbox.pending()).filter((item) => item.kind === 'deliver').map((item) => [item.target, item.eventId]);
        assert.ok(delivered.some(([target, id]) => target === 'buyer.test' && id === next.event.id), JSON.stringify(delivered));
        assert.ok(!delivered.some(([, id]) => id === post.event.id), 'what was written before the buyer joined stays home');
        await append(store, 'g1', 'member.removed', { person: 'ana@seller.test' });
        const removed = (await store.groupAccess('g1', 'ana@seller.test'))!;
        assert.equal(removed.role, undefined);
        assert.equal(removed.lastSeq, start.lastSeq + 5);
      });
    });

    it('delivers from the members a write sees, even when a check read them while the change waited to be written', async () => {
      await withSpace(async (store) => {
        await append(store, 'g1', 'member.added', { person: 'ana@seller.test', role: 'lead' });
        const deliveries = async () => (await store.outbox.pending()).filter((item) => item.kind === 'deliver').map((item) => item.eventId);
        // A membership check between a write's call and its turn to run (SQLite's shared commit
        // starts on the next turn of the event loop): it reads, and may keep, the members as they
        // still are. A turn of our own, taken just after the call, lands there.
        const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
        const adding = append(store, 'g1', 'member.added', { person: 'sam@buyer.test', role: 'member' });
        await nextTurn();
        // (Where each write has a transaction of its own, PostgreSQL, it may have committed by now.)
        await store.groupAccess('g1', 'sam@buyer.test');
        const added = await adding;
        assert.deepEqual(await deliveries(), [added.event.id], 'the buyer gets the event that lets its person in');
        const removing = append(store, 'g1', 'member.removed', { person: 'sam@buyer.test' });
        await nextTurn();
        await store.groupAccess('g1', 'sam@buyer.test');
        const posting = append(store, 'g1', 'post', { text: 'written after the removal' });
        const [removed, posted] = await Promise.all([removing, posting]);
        const queued = await deliveries();
        assert.ok(queued.includes(removed.event.id), 'the removal goes to the buyer');
        // On SQLite the post is placed after the removal (the shared commit keeps the order);
        // elsewhere either may come first, and a post before the removal is the buyer's to get.
        const afterRemoval = posted.event.seq > removed.event.seq;
        assert.equal(queued.includes(posted.event.id), !afterRemoval, 'what follows the removal stays home');
      });
    });

    it('keeps a peer’s backoff for items queued after it, and leaves other peers’ queues alone', async () => {
      await withSpace(async (store) => {
        const now = Date.parse(AT);
        const item = (target: string, n: number) => ({ target, kind: 'deliver' as const, group: 'g1', eventId: `e${n}` });
        const first = await store.outbox.enqueue(item('down.test', 1), AT);
        await store.outbox.enqueue(item('up.test', 2), AT);
        assert.deepEqual((await store.outbox.dueTargets(now)).sort(), ['down.test', 'up.test']);
        await store.outbox.retryLater('down.test', [first], now + 60_000, 'connection refused');
        await store.outbox.enqueue(item('down.test', 3), AT);
        await store.outbox.enqueue(item('up.test', 4), AT);
        assert.deepEqual(await store.outbox.dueTargets(now), ['up.test'], 'a new item waits as long as its queue already does');
        assert.deepEqual((await store.outbox.dueTargets(now + 60_000)).sort(), ['down.test', 'up.test']);
        assert.deepEqual((await store.outbox.head('down.test', 10)).map((queued) => [queued.eventId, queued.attempts]), [['e1', 1], ['e3', 0]]);
      });
    });

    it('finds, by event id, the submissions a home refused for good, and nothing else', async () => {
      await withSpace(async (store) => {
        const submit = (n: number) => ({ target: 'home.test', kind: 'submit' as const, group: 'g1', eventId: `s${n}`, payload: `{"n":${n}}` });
        const refusedFirst = await store.outbox.enqueue(submit(1), AT);
        await store.outbox.enqueue(submit(2), AT);
        const refusedLast = await store.outbox.enqueue(submit(3), AT);
        const delivery = await store.outbox.enqueue({ target: 'home.test', kind: 'deliver', group: 'g1', eventId: 'd1' }, AT);
        await store.outbox.fail([refusedFirst, refusedLast, delivery], 'not_a_member: no longer a member', AT);
        const refused = await store.outbox.refusedSubmits(['s3', 's2', 's1', 'd1', 'unknown']);
        assert.deepEqual(refused.map((item) => item.eventId), ['s1', 's3'], 'not the pending one, nor the delivery');
        assert.equal(refused[1]!.lastError, 'not_a_member: no longer a member');
        assert.equal(refused[1]!.failedAt, AT);
        assert.deepEqual((await store.outbox.refusedSubmits(['s3'])).map((item) => item.eventId), ['s3']);
        assert.deepEqual(await store.outbox.refusedSubmits([]), []);
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

    it('counts who took part, per UTC day and group, each event once', async () => {
      await withSpace(async (store) => {
        const at = (instant: string) => ({ space: 's1', at: instant });
        const post = await store.append({ ...at('2027-01-01T23:59:00.000Z'), group: 'g1', type: 'post', author: 'ana@seller.test', body: { text: 'a' } });
        await store.append({ ...at('2027-01-01T23:59:00.000Z'), group: 'g1', type: 'post', author: 'ana@seller.test', body: { text: 'a' } });
        await store.append({ ...at('2027-01-03T08:00:00.000Z'), group: 'g1', type: 'reply', author: 'bob@seller.test', body: { parent: post.event.id, text: 'b' } });
        await store.append({ ...at('2027-01-03T09:00:00.000Z'), group: 'g2', type: 'task.created', author: 'ana@seller.test', body: { task: 't', title: 'T', status: 'todo' } });
        await store.append({ ...at('2027-01-03T10:00:00.000Z'), group: 'g2', type: 'task.updated', author: 'ana@seller.test', body: { task: 't', changes: { status: 'doing' } } });
        await store.append({ ...at('2027-01-03T11:00:00.000Z'), group: 'g1', type: 'reaction', author: 'ana@seller.test', body: { target: post.event.id, emoji: '👍', on: true } });
        await store.append({ ...at('2027-01-03T12:00:00.000Z'), group: 'g1', type: 'member.added', author: 'ana@seller.test', body: { person: 'bob@seller.test', role: 'member' } });
        const byPerson = async (groups: string[], sinceDay: string) =>
          (await store.cockpit.participation(groups, sinceDay)).sort((a, b) => a.person.localeCompare(b.person));
        assert.deepEqual(await byPerson(['g1', 'g2'], '2027-01-01'), [
          { person: 'ana@seller.test', posts: 1, taskChanges: 2, lastActive: '2027-01-03T10:00:00.000Z' },
          { person: 'bob@seller.test', posts: 1, taskChanges: 0, lastActive: '2027-01-03T08:00:00.000Z' },
        ]);
        assert.deepEqual((await byPerson(['g1'], '2027-01-01')).map((p) => [p.person, p.posts, p.taskChanges, p.lastActive]), [
          ['ana@seller.test', 1, 0, '2027-01-01T23:59:00.000Z'],
          ['bob@seller.test', 1, 0, '2027-01-03T08:00:00.000Z'],
        ]);
        assert.deepEqual((await byPerson(['g1', 'g2'], '2027-01-02')).map((p) => [p.person, p.posts, p.taskChanges]), [
          ['ana@seller.test', 0, 2],
          ['bob@seller.test', 1, 0],
        ]);
        assert.deepEqual(await byPerson(['g1', 'g2'], '2027-01-04'), []);
        assert.deepEqual(await byPerson([], '2027-01-01'), []);
      });
    });

    it('counts a replicated event once, however often it is offered', async () => {
      await withSpace(async (store) => {
        await store.createGroup({ id: 'r1', space: 's1', kind: 'workstream', workstream: 'contract', name: 'r1', home: 'buyer.test' }, AT);
        const event = { id: 'e1', space: 's1', group: 'r1', seq: 1, type: 'post', author: 'sam@buyer.test', at: AT, body: { text: 'from the buyer' } } as const;
        assert.equal((await store.applyReplicated({ event, proof: 'p' })).outcome, 'applied');
        assert.equal((await store.applyReplicated({ event, proof: 'p' })).outcome, 'duplicate');
        assert.deepEqual(await store.cockpit.participation(['r1'], '2027-01-01'), [{ person: 'sam@buyer.test', posts: 1, taskChanges: 0, lastActive: AT }]);
      });
    });

    it('counts tasks per workstream and lists the first overdue and blocked ones, soonest due first', async () => {
      await withSpace(async (store) => {
        await store.createGroup({ id: 'p', space: 's1', kind: 'plan', name: 'plan', home: 'seller.test' }, AT);
        const task = (group: string, task: string, status: 'todo' | 'doing' | 'blocked' | 'done', due?: string, workstream?: string) =>
          append(store, group, 'task.created', { task, title: `Task ${task}`, status, ...(due && { due }), ...(workstream && { workstream }) });
        await task('g1', 'a', 'done', '2027-01-02');
        await task('g1', 'b', 'blocked', '2027-01-20');
        await task('g1', 'c', 'todo', '2027-01-05');
        await task('g1', 'd', 'doing', '2027-01-04');
        await task('g1', 'e', 'blocked');
        await task('g2', 'f', 'todo', '2027-01-01', 'contract');
        await task('p', 'g', 'todo', '2027-01-03');
        await task('p', 'h', 'todo', '2027-01-30');
        await append(store, 'g1', 'task.updated', { task: 'c', changes: { status: 'done' } });
        const today = '2027-01-10';
        const counts = async (groups: string[]) => (await store.cockpit.workstreamCounts(groups, today)).sort((a, b) => a.workstream.localeCompare(b.workstream));
        assert.deepEqual(await counts(['g1', 'g2', 'p']), [
          { workstream: 'contract', done: 0, total: 1, blocked: 0, overdue: 1 },
          { workstream: 'plan', done: 0, total: 2, blocked: 0, overdue: 1 },
          { workstream: 'proof', done: 2, total: 5, blocked: 2, overdue: 1 },
        ]);
        assert.deepEqual(await counts(['g1']), [{ workstream: 'proof', done: 2, total: 5, blocked: 2, overdue: 1 }]);
        assert.deepEqual(await store.cockpit.workstreamCounts([], today), []);
        const titles = (tasks: Array<{ title: string }>) => tasks.map((t) => t.title);
        assert.deepEqual(titles(await store.cockpit.overdueTasks(['g1', 'g2', 'p'], today, 10)), ['Task f', 'Task g', 'Task d']);
        assert.deepEqual(titles(await store.cockpit.overdueTasks(['g1', 'g2', 'p'], today, 2)), ['Task f', 'Task g']);
        assert.deepEqual(titles(await store.cockpit.overdueTasks(['p'], today, 10)), ['Task g']);
        assert.deepEqual(titles(await store.cockpit.blockedTasks(['g1', 'g2'], 10)), ['Task b', 'Task e'], 'undated last');
        assert.deepEqual(titles(await store.cockpit.blockedTasks(['g1'], 1)), ['Task b']);
        assert.deepEqual(await store.cockpit.blockedTasks(['g2', 'p'], 10), []);
      });
    });

    it('gives the next milestones and what each waits on, bounded, with a total', async () => {
      await withSpace(async (store) => {
        const milestone = (group: string, id: string, date: string, done = false) => append(store, group, 'milestone.set', { milestone: id, title: id, date, done });
        await milestone('g1', 'past', '2027-01-05');
        await milestone('g1', 'done', '2027-01-20', true);
        await milestone('g1', 'soon', '2027-01-15');
        await milestone('g2', 'later', '2027-02-01');
        await milestone('g2', 'latest', '2027-03-01');
        const next = await store.cockpit.nextMilestones(['g1', 'g2'], '2027-01-10', 2);
        assert.deepEqual(next.map((m) => m.id), ['soon', 'later']);
        assert.deepEqual((await store.cockpit.nextMilestones(['g2'], '2027-01-10', 5)).map((m) => m.id), ['later', 'latest']);
        for (const [task, status, due] of [['a', 'todo', '2027-01-12'], ['b', 'done', '2027-01-11'], ['c', 'blocked', '2027-01-14'], ['d', 'todo', '2027-01-16'], ['e', 'doing', undefined]] as const) {
          await append(store, 'g1', 'task.created', { task, title: task, status, ...(due && { due }) });
        }
        await append(store, 'g2', 'task.created', { task: 'x', title: 'x', status: 'todo', due: '2027-01-12' });
        const waiting = await store.cockpit.waitingOn(next[0]!, 2);
        assert.deepEqual(waiting.tasks.map((t) => t.title), ['a', 'c']);
        assert.equal(waiting.total, 3, 'a, c and the undated e');
        assert.deepEqual((await store.cockpit.waitingOn(next[0]!, 10)).tasks.map((t) => t.title), ['a', 'c', 'e']);
      });
    });

    it('refuses to append to a group that does not exist', async () => {
      await withSpace(async (store) => {
        await assert.rejects(append(store, 'nope', 'post', { text: 'x' }), (error: any) => error.code === 'not_found');
      });
    });
  });
}
