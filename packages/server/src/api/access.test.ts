import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';

const ANA = 'ana@seller.test';
const BOB = 'bob@seller.test';
const OLGA = 'olga@seller.test';

describe('every read and write path filters by membership', () => {
  let org: TestOrganisation;
  let bob: Record<string, string>;
  let ana: Record<string, string>;

  before(async () => {
    org = await startTestOrganisation();
    await org.admin.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test' });
    await org.admin.createSpace({ id: 'globex', name: 'Globex', buyer: 'globex.test' });
    for (const [id, name] of [[ANA, 'Ana'], [BOB, 'Bob'], [OLGA, 'Olga']] as const) await org.admin.addPerson({ id, name });
    for (const group of ['acme.plan', 'acme.internal', 'acme.proof']) await org.admin.addMember(group, ANA, 'lead');
    await org.admin.addMember('acme.plan', BOB);
    await org.admin.addMember('acme.proof', OLGA, 'observer');
    ana = { Authorization: `Bearer ${await org.token(ANA)}`, 'Content-Type': 'application/json' };
    bob = { Authorization: `Bearer ${await org.token(BOB)}`, 'Content-Type': 'application/json' };
    await fetch(`${org.url}/api/groups/acme.internal/posts`, { method: 'POST', headers: ana, body: JSON.stringify({ text: 'deal team only' }) });
  });
  after(() => org.close());

  const call = async (headers: Record<string, string>, path: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${org.url}${path}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('lists only the groups the caller is in', async () => {
    const { status, body } = await call(bob, '/api/spaces');
    assert.equal(status, 200);
    assert.deepEqual(body.spaces.map((s: any) => s.id), ['acme']);
    assert.deepEqual(body.spaces[0].groups.map((g: any) => g.id), ['acme.plan']);
    const one = await call(bob, '/api/spaces/acme');
    assert.deepEqual(one.body.groups.map((g: any) => g.id), ['acme.plan']);
  });

  for (const path of ['/api/groups/acme.internal/posts', '/api/groups/acme.internal/tasks', '/api/groups/acme.internal/milestones', '/api/groups/acme.internal/members']) {
    it(`answers 403 to a non-member reading ${path}`, async () => {
      const { status, body } = await call(bob, path);
      assert.equal(status, 403);
      assert.equal(body.code, 'not_a_member');
      assert.ok(!JSON.stringify(body).includes('deal team only'));
    });
  }

  it('answers 403 to a non-member posting, replying, reacting, creating tasks and milestones', async () => {
    const page = await call(ana, '/api/groups/acme.internal/posts');
    const post = page.body.posts[0].id as string;
    const attempts = [
      ['/api/groups/acme.internal/posts', { text: 'let me in' }],
      [`/api/groups/acme.internal/posts/${post}/replies`, { text: 'me too' }],
      [`/api/groups/acme.internal/posts/${post}/reactions`, { emoji: '👍', on: true }],
      ['/api/groups/acme.internal/tasks', { title: 'sneaky' }],
      ['/api/groups/acme.internal/milestones', { title: 'sneaky', date: '2027-01-01' }],
    ] as const;
    for (const [path, payload] of attempts) {
      const { status, body } = await call(bob, path, 'POST', payload);
      assert.equal(status, 403, path);
      assert.equal(body.code, 'not_a_member');
    }
    const after = await call(ana, '/api/groups/acme.internal/posts');
    assert.equal(after.body.posts.length, 1, 'nothing was written');
    assert.equal(after.body.posts[0].replies.length, 0);
  });

  it('answers 403, not 404, for a group that does not exist, so ids cannot be probed', async () => {
    const { status } = await call(bob, '/api/groups/no-such-group/posts');
    assert.equal(status, 403);
  });

  it('answers 403 for a space where the caller has no group', async () => {
    assert.equal((await call(bob, '/api/spaces/globex')).status, 403);
    assert.equal((await call(bob, '/api/spaces/globex/stream')).status, 403);
  });

  it('lets observers read but not write', async () => {
    const olga = { Authorization: `Bearer ${await org.token(OLGA)}`, 'Content-Type': 'application/json' };
    assert.equal((await call(olga, '/api/groups/acme.proof/posts')).status, 200);
    const { status, body } = await call(olga, '/api/groups/acme.proof/posts', 'POST', { text: 'hi' });
    assert.equal(status, 403);
    assert.equal(body.code, 'forbidden');
  });

  it('stops answering a member as soon as they are removed', async () => {
    await org.admin.addMember('acme.proof', BOB);
    assert.equal((await call(bob, '/api/groups/acme.proof/posts')).status, 200);
    await org.admin.removeMember('acme.proof', BOB);
    assert.equal((await call(bob, '/api/groups/acme.proof/posts')).status, 403);
    assert.equal((await call(bob, '/api/groups/acme.proof/posts', 'POST', { text: 'still here?' })).status, 403);
  });

  it('refuses a write whose author was removed between the route’s check and the commit', async () => {
    await org.admin.addMember('acme.proof', BOB);
    const bobNow = { Authorization: `Bearer ${await org.token(BOB)}`, 'Content-Type': 'application/json' };
    // The removal commits after the route checked Bob's role, before his post is appended.
    const store = org.server.store;
    const append = store.append.bind(store);
    let removing = false;
    store.append = async (draft, options) => {
      if (!removing && draft.author === BOB) {
        removing = true;
        await org.admin.removeMember('acme.proof', BOB);
      }
      return append(draft, options);
    };
    try {
      const { status, body } = await call(bobNow, '/api/groups/acme.proof/posts', 'POST', { text: 'posted as I was removed' });
      assert.equal(status, 403);
      assert.equal(body.code, 'not_a_member');
    } finally {
      store.append = append;
    }
    const log = await store.eventsAfter(['acme.proof'], 0, 1000);
    assert.ok(!log.some(({ event }) => event.type === 'post' && event.author === BOB), 'the post was placed after his removal');
    assert.equal(log.at(-1)!.event.type, 'member.removed');
  });

  it('answers a page as of the membership check: nothing written after it, when a removal follows', async () => {
    await org.admin.addMember('acme.proof', BOB);
    const bobNow = { Authorization: `Bearer ${await org.token(BOB)}`, 'Content-Type': 'application/json' };
    assert.equal((await call(ana, '/api/groups/acme.proof/posts', 'POST', { text: 'while Bob is in' })).status, 201);
    // Between the check of Bob's membership and the read of the page: he is removed, Ana posts.
    const store = org.server.store;
    const read = store.sharedFeedPage.bind(store);
    let raced = false;
    store.sharedFeedPage = async (query) => {
      if (!raced) {
        raced = true;
        await org.admin.removeMember('acme.proof', BOB);
        assert.equal((await call(ana, '/api/groups/acme.proof/posts', 'POST', { text: 'after Bob left' })).status, 201);
      }
      return read(query);
    };
    try {
      const { status, body } = await call(bobNow, '/api/groups/acme.proof/posts');
      assert.equal(status, 200, 'the check came before the removal');
      const texts = body.posts.map((post: { text: string }) => post.text);
      assert.ok(texts.includes('while Bob is in'));
      assert.ok(!texts.includes('after Bob left'), 'a post written after the check, and after his removal, reached him');
    } finally {
      store.sharedFeedPage = read;
    }
    assert.equal((await call(bobNow, '/api/groups/acme.proof/posts')).status, 403, 'and the next read is refused');
  });
});
