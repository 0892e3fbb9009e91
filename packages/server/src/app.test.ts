import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestOrganisation, type TestOrganisation } from './testing/test-organisation.js';

const ANA = 'ana@seller.test';
const HOST_PAGE = 'https://intranet.seller.test';

describe('the client API', () => {
  let org: TestOrganisation;
  let headers: Record<string, string>;
  const call = async (path: string, method = 'GET', body?: unknown, extra: Record<string, string> = {}) => {
    const response = await fetch(`${org.url}${path}`, {
      method,
      headers: { ...headers, ...extra },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };

  before(async () => {
    org = await startTestOrganisation({ origins: [HOST_PAGE] });
    await org.admin.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test', decisionDate: '2027-03-31' });
    await org.admin.addPerson({ id: ANA, name: 'Ana', title: 'Account executive' });
    await org.admin.addMember('acme.plan', ANA, 'lead');
    headers = { Authorization: `Bearer ${await org.token(ANA)}`, 'Content-Type': 'application/json' };
  });
  after(() => org.close());

  describe('CORS', () => {
    it('answers a listed origin with exactly that origin', async () => {
      const response = await fetch(`${org.url}/api/me`, { headers: { ...headers, Origin: HOST_PAGE } });
      assert.equal(response.headers.get('access-control-allow-origin'), HOST_PAGE);
    });

    it('gives an unlisted origin no allow header, on requests and on preflights', async () => {
      for (const origin of ['https://evil.test', 'https://intranet.seller.test.evil.test', 'null', HOST_PAGE.toUpperCase()]) {
        const response = await fetch(`${org.url}/api/me`, { headers: { ...headers, Origin: origin } });
        assert.equal(response.headers.get('access-control-allow-origin'), null, origin);
        const preflight = await fetch(`${org.url}/api/me`, {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
        });
        assert.equal(preflight.headers.get('access-control-allow-origin'), null, origin);
      }
    });

    it('lets a listed origin preflight with the Authorization header', async () => {
      const preflight = await fetch(`${org.url}/api/groups/acme.plan/posts`, {
        method: 'OPTIONS',
        headers: { Origin: HOST_PAGE, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), HOST_PAGE);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    });
  });

  it('serves /healthz', async () => {
    const response = await fetch(`${org.url}/healthz`);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as any).status, 'ok');
  });

  it('serves Prometheus metrics: requests by route, live streams, outbox depth', async () => {
    await call('/api/me');
    const text = await (await fetch(`${org.url}/metrics`)).text();
    assert.match(text, /mutual_http_requests_total\{method="GET",route="\/api\/me",status="200"\} \d+/);
    assert.match(text, /# TYPE mutual_sse_clients gauge\nmutual_sse_clients 0/);
    assert.match(text, /# TYPE mutual_outbox_depth gauge/);
    assert.match(text, /# TYPE mutual_delivery_failures_total counter/);
    assert.doesNotMatch(text, /Bearer|eyJ/, 'no token ever appears');
  });

  it('describes every client route in /openapi.json', async () => {
    const document = (await (await fetch(`${org.url}/openapi.json`)).json()) as any;
    assert.equal(document.openapi, '3.1.0');
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
    for (const route of [
      'GET /api/me',
      'GET /api/spaces',
      'GET /api/groups/{group}/posts',
      'POST /api/groups/{group}/posts',
      'POST /api/groups/{group}/posts/{post}/replies',
      'POST /api/groups/{group}/posts/{post}/reactions',
      'PATCH /api/groups/{group}/tasks/{task}',
      'POST /api/groups/{group}/milestones',
      'GET /api/spaces/{space}/stream',
    ]) {
      assert.ok(routes.includes(route), route);
    }
    assert.ok(document.components.schemas.FeedPost);
    assert.deepEqual(document.components.securitySchemes.embedToken.scheme, 'bearer');
  });

  it('refuses an oversized body with 413 and a malformed one with 400, as problem+json', async () => {
    const big = await call('/api/groups/acme.plan/posts', 'POST', { text: 'x'.repeat(200 * 1024) });
    assert.equal(big.status, 413);
    assert.equal(big.body.code, 'body_too_large');
    assert.equal(big.headers.get('content-type'), 'application/problem+json');
    assert.equal(big.headers.get('connection'), 'close', 'the unread rest of the body ends the connection');
    // The longest post the schema allows, in a four-byte script, fits under the body limit.
    const longest = await call('/api/groups/acme.plan/posts', 'POST', { text: '😀'.repeat(20_000) });
    assert.equal(longest.status, 201, JSON.stringify(longest.body).slice(0, 200));
    const malformed = await call('/api/groups/acme.plan/posts', 'POST', '{"text":');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.code, 'invalid_request');
    const invalid = await call('/api/groups/acme.plan/posts', 'POST', { text: '   ' });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.code, 'invalid_request');
  });

  it('tells the caller who they are', async () => {
    const me = await call('/api/me');
    assert.equal(me.body.person.id, ANA);
    assert.equal(me.body.person.title, 'Account executive');
    assert.equal(me.body.organisation.domain, 'seller.test');
  });

  it('posts, replies and reacts, and a feed page shows it all', async () => {
    const post = await call('/api/groups/acme.plan/posts', 'POST', { text: 'Kick-off agenda' });
    assert.equal(post.status, 201);
    const reply = await call(`/api/groups/acme.plan/posts/${post.body.id}/replies`, 'POST', { text: 'Looks good' });
    assert.equal(reply.status, 201);
    assert.equal(reply.body.parent, post.body.id);
    const nested = await call(`/api/groups/acme.plan/posts/${reply.body.id}/replies`, 'POST', { text: 'Threads stay flat' });
    assert.equal(nested.body.parent, post.body.id);
    const reacted = await call(`/api/groups/acme.plan/posts/${post.body.id}/reactions`, 'POST', { emoji: '👍', on: true });
    assert.deepEqual(reacted.body.reactions, [{ emoji: '👍', count: 1, mine: true }]);
    const twice = await call(`/api/groups/acme.plan/posts/${post.body.id}/reactions`, 'POST', { emoji: '👍', on: true });
    assert.deepEqual(twice.body.reactions, [{ emoji: '👍', count: 1, mine: true }]);
    const events = await org.server.store.eventsAfter(['acme.plan'], 0, 1000);
    assert.equal(events.filter((e) => e.event.type === 'reaction').length, 1, 'a reaction that changes nothing is not an event');
    const page = await call('/api/groups/acme.plan/posts');
    const shown = page.body.posts.find((p: any) => p.id === post.body.id);
    assert.deepEqual(shown.replies.map((r: any) => r.text), ['Looks good', 'Threads stay flat']);
    assert.equal(shown.reactions[0].count, 1);
    assert.equal(shown.author.name, 'Ana');
    const unknown = await call(`/api/groups/acme.plan/posts/${'A'.repeat(43)}/replies`, 'POST', { text: 'to nothing' });
    assert.equal(unknown.status, 404);
  });

  it('takes one emoji as a reaction, never text, and at most ten different ones per person on an entry', async () => {
    const post = await call('/api/groups/acme.plan/posts', 'POST', { text: 'React to this' });
    const react = (emoji: string, on = true) => call(`/api/groups/acme.plan/posts/${post.body.id}/reactions`, 'POST', { emoji, on });
    for (const text of [' ', '\u200b', '\u202Eevil', 'SCAM→bit.ly/x', '+1']) {
      const refused = await react(text);
      assert.equal(refused.status, 400, JSON.stringify(text));
      assert.equal(refused.body.code, 'invalid_request');
    }
    const ten = ['👍', '🎉', '❤️', '✅', '👀', '🙏', '🔥', '🇫🇷', '👍🏽', '1️⃣'];
    for (const emoji of ten) assert.equal((await react(emoji)).status, 200, emoji);
    const eleventh = await react('🚀');
    assert.equal(eleventh.status, 400);
    assert.match(eleventh.body.detail ?? eleventh.body.title, /at most 10/);
    assert.equal((await react('👍', false)).status, 200, 'taking one back is always possible');
    assert.equal((await react('🚀')).status, 200, 'and then there is room for another');
  });

  it('applies a retried post with the same clientId once', async () => {
    const first = await call('/api/groups/acme.plan/posts', 'POST', { text: 'Retry me', clientId: 'client-0001' });
    const again = await call('/api/groups/acme.plan/posts', 'POST', { text: 'Retry me', clientId: 'client-0001' });
    assert.equal(first.body.id, again.body.id);
    const page = await call('/api/groups/acme.plan/posts?limit=100');
    assert.equal(page.body.posts.filter((p: any) => p.text === 'Retry me').length, 1);
  });

  it('pages the feed newest first with a cursor', async () => {
    for (let i = 0; i < 5; i++) await call('/api/groups/acme.plan/posts', 'POST', { text: `page item ${i}` });
    const first = await call('/api/groups/acme.plan/posts?limit=2');
    assert.deepEqual(first.body.posts.map((p: any) => p.text), ['page item 4', 'page item 3']);
    const second = await call(`/api/groups/acme.plan/posts?limit=2&before=${first.body.next}`);
    assert.deepEqual(second.body.posts.map((p: any) => p.text), ['page item 2', 'page item 1']);
  });

  it('creates and moves tasks, and sets milestones', async () => {
    const outsider = await call('/api/groups/acme.plan/tasks', 'POST', { title: 'Owned from outside', owner: 'sam@buyer.test' });
    assert.equal(outsider.status, 400, 'an owner must be a member of the group');
    assert.equal(outsider.body.code, 'invalid_request');
    const created = await call('/api/groups/acme.plan/tasks', 'POST', {
      title: 'Security questionnaire',
      owner: ANA,
      due: '2027-01-15',
      workstream: 'proof',
      deliverable: 'Signed questionnaire',
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.status, 'todo');
    const moved = await call(`/api/groups/acme.plan/tasks/${created.body.id}`, 'PATCH', { status: 'doing' });
    assert.equal(moved.body.status, 'doing');
    assert.equal(moved.body.title, 'Security questionnaire');
    assert.equal((await call('/api/groups/acme.plan/tasks/nope', 'PATCH', { status: 'done' })).status, 404);
    assert.equal((await call(`/api/groups/acme.plan/tasks/${created.body.id}`, 'PATCH', {})).status, 400);
    assert.equal((await call(`/api/groups/acme.plan/tasks/${created.body.id}`, 'PATCH', { status: 'lost' })).status, 400);
    assert.equal((await call(`/api/groups/acme.plan/tasks/${created.body.id}`, 'PATCH', { owner: 'sam@buyer.test' })).status, 400);
    // An owner who has left the group stays owner until someone changes it.
    await org.admin.addPerson({ id: 'leo@seller.test', name: 'Leo' });
    await org.admin.addMember('acme.plan', 'leo@seller.test');
    assert.equal((await call(`/api/groups/acme.plan/tasks/${created.body.id}`, 'PATCH', { owner: 'leo@seller.test' })).body.owner, 'leo@seller.test');
    await org.admin.removeMember('acme.plan', 'leo@seller.test');
    const kept = await call(`/api/groups/acme.plan/tasks/${created.body.id}`, 'PATCH', { owner: 'leo@seller.test', status: 'blocked' });
    assert.equal(kept.status, 200);
    assert.equal(kept.body.owner, 'leo@seller.test');
    // null removes an owner or a due date; other fields cannot be null.
    const cleared = await call(`/api/groups/acme.plan/tasks/${created.body.id}`, 'PATCH', { owner: null, due: null });
    assert.equal(cleared.status, 200);
    assert.equal('owner' in cleared.body || 'due' in cleared.body, false);
    assert.equal(cleared.body.deliverable, 'Signed questionnaire');
    assert.equal((await call(`/api/groups/acme.plan/tasks/${created.body.id}`, 'PATCH', { title: null })).status, 400);
    const list = await call('/api/groups/acme.plan/tasks');
    assert.equal(list.body.tasks.length, 1);
    assert.equal(list.body.tasks[0].owner, undefined);

    const milestone = await call('/api/groups/acme.plan/milestones', 'POST', { title: 'Proof complete', date: '2027-02-01' });
    assert.equal(milestone.status, 201);
    assert.equal(milestone.body.done, false);
    const done = await call(`/api/groups/acme.plan/milestones/${milestone.body.id}`, 'PATCH', { done: true });
    assert.equal(done.body.done, true);
    assert.equal(done.body.title, 'Proof complete');
  });
});
