import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';

const ANA = 'ana@seller.test';

// The 201 of a new post or reply is built from the appended event, not read back: it must be
// exactly what a reader of the feed gets for the same entry.
describe('the answer to a post or a reply', () => {
  let org: TestOrganisation;
  let headers: Record<string, string>;
  const call = async (path: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${org.url}${path}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
    return { status: response.status, body: (await response.json()) as any };
  };
  const shownInFeed = async (id: string) => {
    const page = await call('/api/groups/acme.plan/posts?limit=100');
    for (const post of page.body.posts) {
      if (post.id === id) return post;
      const reply = post.replies.find((r: any) => r.id === id);
      if (reply) return reply;
    }
    return undefined;
  };

  before(async () => {
    org = await startTestOrganisation();
    await org.admin.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test' });
    await org.admin.addPerson({ id: ANA, name: 'Ana', title: 'Account executive' });
    await org.admin.addMember('acme.plan', ANA, 'lead');
    headers = { Authorization: `Bearer ${await org.token(ANA)}`, 'Content-Type': 'application/json' };
  });
  after(() => org.close());

  it('is the post as the feed shows it, with and without a clientId', async () => {
    for (const body of [{ text: 'Agenda for Monday' }, { text: 'With an id', clientId: 'client-answer-1' }]) {
      const post = await call('/api/groups/acme.plan/posts', 'POST', body);
      assert.equal(post.status, 201);
      assert.equal(post.body.author.name, 'Ana');
      assert.deepEqual(post.body.replies, []);
      assert.deepEqual(post.body, await shownInFeed(post.body.id));
    }
  });

  it('is the reply as the feed shows it', async () => {
    const post = await call('/api/groups/acme.plan/posts', 'POST', { text: 'Thread' });
    const reply = await call(`/api/groups/acme.plan/posts/${post.body.id}/replies`, 'POST', { text: 'In it', clientId: 'client-answer-2' });
    assert.equal(reply.status, 201);
    assert.equal(reply.body.parent, post.body.id);
    assert.deepEqual(reply.body, await shownInFeed(reply.body.id));
  });

  it('is read back for a retry, which may have gathered reactions and replies since', async () => {
    const first = await call('/api/groups/acme.plan/posts', 'POST', { text: 'Retried later', clientId: 'client-answer-3' });
    await call(`/api/groups/acme.plan/posts/${first.body.id}/reactions`, 'POST', { emoji: '👍', on: true });
    const reply = await call(`/api/groups/acme.plan/posts/${first.body.id}/replies`, 'POST', { text: 'Seen it' });
    await call(`/api/groups/acme.plan/posts/${reply.body.id}/reactions`, 'POST', { emoji: '🎉', on: true });
    const again = await call('/api/groups/acme.plan/posts', 'POST', { text: 'Retried later', clientId: 'client-answer-3' });
    assert.equal(again.status, 201);
    assert.equal(again.body.id, first.body.id);
    assert.deepEqual(again.body.reactions, [{ emoji: '👍', count: 1, mine: true }]);
    assert.deepEqual(
      again.body.replies.map((r: any) => [r.id, r.text, r.reactions]),
      [[reply.body.id, 'Seen it', [{ emoji: '🎉', count: 1, mine: true }]]],
    );
    assert.deepEqual(again.body, await shownInFeed(first.body.id));
  });
});
