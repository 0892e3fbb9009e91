import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../../../../test/support/eventually.js';
import { SseClient } from '../testing/sse-client.js';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';

const ANA = 'ana@seller.test';
const BOB = 'bob@seller.test';

describe('the live stream of a space', () => {
  let org: TestOrganisation;
  const open: SseClient[] = [];

  const headers = async (person: string, extra: Record<string, string> = {}) => ({
    Authorization: `Bearer ${await org.token(person)}`,
    'Content-Type': 'application/json',
    ...extra,
  });
  const post = async (person: string, group: string, text: string) => {
    const response = await fetch(`${org.url}/api/groups/${group}/posts`, {
      method: 'POST',
      headers: await headers(person),
      body: JSON.stringify({ text }),
    });
    assert.equal(response.status, 201);
    return (await response.json()) as { id: string };
  };
  const stream = async (person: string, extra: Record<string, string> = {}) => {
    const client = await SseClient.open(`${org.url}/api/spaces/acme/stream`, await headers(person, extra));
    open.push(client);
    return client;
  };

  before(async () => {
    org = await startTestOrganisation();
    await org.admin.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test' });
    await org.admin.addPerson({ id: ANA, name: 'Ana' });
    await org.admin.addPerson({ id: BOB, name: 'Bob' });
    for (const group of ['acme.plan', 'acme.internal', 'acme.steering']) await org.admin.addMember(group, ANA);
    await org.admin.addMember('acme.plan', BOB);
  });
  after(async () => {
    await Promise.all(open.map((client) => client.close()));
    await org.close();
  });

  it("never carries another group's events", async () => {
    const bob = await stream(BOB);
    await bob.next((m) => m.event === 'ready');
    await post(ANA, 'acme.internal', 'secret pricing floor');
    await post(ANA, 'acme.steering', 'decider call notes');
    const visible = await post(ANA, 'acme.plan', 'kick-off on Monday');
    // The plan post comes after the others: once it is here, anything leaked would be here too.
    await bob.next((m) => m.event === 'group-event' && m.data.includes(visible.id));
    const groups = bob.groupEvents().map((m) => m.event.group);
    assert.ok(groups.length > 0);
    assert.deepEqual([...new Set(groups)], ['acme.plan']);
    const raw = bob.messages.map((m) => m.data).join('\n');
    assert.ok(!raw.includes('secret pricing floor'));
    assert.ok(!raw.includes('decider call notes'));
  });

  it('delivers a post live to every subscriber of its group, with its author', async () => {
    const [ana, bob] = [await stream(ANA), await stream(BOB)];
    await Promise.all([ana.next((m) => m.event === 'ready'), bob.next((m) => m.event === 'ready')]);
    const { id } = await post(BOB, 'acme.plan', 'agenda attached');
    for (const client of [ana, bob]) {
      const message = await client.next((m) => m.data.includes(id));
      const payload = JSON.parse(message.data);
      assert.equal(payload.event.type, 'post');
      assert.equal(payload.author.name, 'Bob');
      assert.equal(payload.author.organisation, 'seller.test');
      assert.match(message.id!, /^\d+$/);
    }
  });

  it('resumes after Last-Event-ID without a gap or a repeat', async () => {
    const first = await stream(ANA);
    await first.next((m) => m.event === 'ready');
    const one = await post(ANA, 'acme.plan', 'one');
    const seen = await first.next((m) => m.data.includes(one.id));
    await first.close();
    const two = await post(ANA, 'acme.plan', 'two');
    const three = await post(ANA, 'acme.internal', 'three');
    const resumed = await stream(ANA, { 'Last-Event-ID': seen.id! });
    await resumed.next((m) => m.event === 'ready');
    const ids = resumed.groupEvents<{ event: { id: string } }>().map((m) => m.event.id);
    assert.deepEqual(ids, [two.id, three.id]);
  });

  it('starts from the newest event when Last-Event-ID is past it (an id it never sent)', async () => {
    const newest = await org.server.store.lastPosition('acme');
    const madeUp = await stream(ANA, { 'Last-Event-ID': String(newest + 1_000) });
    const ready = await madeUp.next((m) => m.event === 'ready');
    assert.deepEqual(JSON.parse(ready.data), { cursor: String(newest) });
    const next = await post(ANA, 'acme.plan', 'after a made-up id');
    await madeUp.next((m) => m.data.includes(next.id));
  });

  it('starts carrying a group when the reader is added, and stops when removed', async () => {
    const bob = await stream(BOB);
    await bob.next((m) => m.event === 'ready');
    await org.admin.addMember('acme.steering', BOB);
    const during = await post(ANA, 'acme.steering', 'welcome Bob');
    await bob.next((m) => m.data.includes(during.id));
    await org.admin.removeMember('acme.steering', BOB);
    const later = await post(ANA, 'acme.steering', 'after Bob left');
    const marker = await post(ANA, 'acme.plan', 'marker');
    await bob.next((m) => m.data.includes(marker.id));
    assert.ok(!bob.messages.some((m) => m.data.includes(later.id)));
  });

  it('answers with the headers of every API response (CORS, security) and those of an event stream', async () => {
    const origin = 'http://127.0.0.1:9'; // the test organisation's host app
    const streamsBefore = org.server.federation.deps.hub.subscriberCount;
    const controller = new AbortController();
    try {
      const live = await fetch(`${org.url}/api/spaces/acme/stream`, { headers: await headers(ANA, { Origin: origin }), signal: controller.signal });
      const plain = await fetch(`${org.url}/api/spaces`, { headers: await headers(ANA, { Origin: origin }) });
      await plain.arrayBuffer();
      assert.equal(live.status, 200);
      assert.equal(live.headers.get('content-type'), 'text/event-stream');
      assert.equal(live.headers.get('cache-control'), 'no-cache');
      assert.equal(live.headers.get('access-control-allow-origin'), origin);
      const shared = (response: Response) =>
        [...response.headers].filter(([name]) => !['content-type', 'content-length', 'cache-control', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'etag'].includes(name));
      assert.deepEqual(shared(live), shared(plain));
      assert.ok(shared(live).some(([name]) => name === 'x-content-type-options'), 'security headers too');
      const other = await fetch(`${org.url}/api/spaces/acme/stream`, { headers: await headers(ANA, { Origin: 'http://elsewhere.test' }), signal: controller.signal });
      assert.equal(other.headers.get('access-control-allow-origin'), null, 'an unlisted origin gets no allow header');
    } finally {
      controller.abort();
    }
    await eventually(() => assert.equal(org.server.federation.deps.hub.subscriberCount, streamsBefore, 'aborted streams are let go'));
  });

  it('streams through the Fetch API alone (app.request, no Node response)', async () => {
    const before = org.server.federation.deps.hub.subscriberCount;
    const response = await org.server.app.request('/api/spaces/acme/stream', { headers: await headers(ANA) });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/event-stream');
    const reader = response.body!.getReader();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        assert.ok(!done, 'the stream ended early');
        text += new TextDecoder().decode(value);
      }
    };
    await readUntil(/event: ready\n/);
    const { id } = await post(BOB, 'acme.plan', 'through app.request');
    await readUntil(new RegExp(id));
    assert.match(text, new RegExp(`event: group-event\nid: \\d+\ndata: \\{"event":\\{"id":"${id}"`));
    await reader.cancel();
    await eventually(() => assert.equal(org.server.federation.deps.hub.subscriberCount, before, 'the cancelled stream was let go'));
  });

  it('ends when the embed token expires', async () => {
    const token = await org.token(BOB, { ttlSeconds: 1 });
    const response = await fetch(`${org.url}/api/spaces/acme/stream`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(response.status, 200);
    let text = '';
    for await (const chunk of response.body!) text += new TextDecoder().decode(chunk);
    assert.match(text, /event: ready/);
  });
});
