import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SseClient } from '../testing/sse-client.js';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';
import { SpaceTail } from './space-tail.js';

const people = Array.from({ length: 12 }, (_, i) => `p${i}@seller.test`);
// Even-numbered people are in the plan only; odd-numbered ones in the plan and the proof group.
const groupsOf = (index: number) => (index % 2 ? ['acme.plan', 'acme.proof'] : ['acme.plan']);

describe('the shared tail of a space’s live streams', () => {
  let org: TestOrganisation;
  const streams: SseClient[] = [];
  const post = async (group: string, text: string) => {
    const response = await fetch(`${org.url}/api/groups/${group}/posts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await org.token(people[1]!)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    assert.equal(response.status, 201);
    return ((await response.json()) as { id: string }).id;
  };

  before(async () => {
    org = await startTestOrganisation();
    await org.admin.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test' });
    for (const [index, person] of people.entries()) {
      await org.admin.addPerson({ id: person, name: `P${index}` });
      for (const group of groupsOf(index)) await org.admin.addMember(group, person);
    }
  });
  after(async () => {
    await Promise.all(streams.map((stream) => stream.close()));
    await org.close();
  });

  it('reads each post once for every stream, and gives each stream only its groups', async () => {
    for (const person of people) {
      const stream = await SseClient.open(`${org.url}/api/spaces/acme/stream`, { Authorization: `Bearer ${await org.token(person)}` });
      await stream.next((message) => message.event === 'ready');
      streams.push(stream);
    }
    // Count every read of events a stream could make: the shared one and a stream's own.
    const store = org.server.store;
    const readSpace = store.spaceEventsAfter.bind(store);
    const readGroups = store.eventsAfter.bind(store);
    let reads = 0;
    store.spaceEventsAfter = (...args) => {
      reads++;
      return readSpace(...args);
    };
    store.eventsAfter = (...args) => {
      reads++;
      return readGroups(...args);
    };
    try {
      const sent: Array<{ id: string; group: string }> = [];
      for (let i = 0; i < 10; i++) {
        const group = i % 3 === 0 ? 'acme.proof' : 'acme.plan';
        sent.push({ id: await post(group, `update ${i}`), group });
      }
      // A marker everyone may see: once it is here, anything leaked or reordered would be too.
      const marker = await post('acme.plan', 'marker');
      for (const [index, stream] of streams.entries()) {
        await stream.next((message) => message.data.includes(marker));
        const received = stream.groupEvents<{ event: { id: string; type: string } }>().filter((m) => m.event.type === 'post');
        const expected = [...sent.filter(({ group }) => groupsOf(index).includes(group)).map(({ id }) => id), marker];
        assert.deepEqual(received.map((m) => m.event.id), expected, `${people[index]} got exactly its groups' posts, in order`);
      }
      // Twelve streams, eleven posts: one read per post (two when a post lands during a read), not 132.
      assert.ok(reads <= 22, `${reads} reads of the store for 11 posts and 12 streams`);
    } finally {
      store.spaceEventsAfter = readSpace;
      store.eventsAfter = readGroups;
    }
  });

  it('sends a stream further behind than the window to the store', async () => {
    const store = org.server.store;
    const start = await store.lastPosition('acme');
    const tail = new SpaceTail(store, 'acme', start, 3);
    for (let i = 0; i < 5; i++) await post('acme.plan', `burst ${i}`);
    tail.markStale();
    const recent = await tail.after(start + 2);
    assert.deepEqual(recent?.entries.map((entry) => entry.stored.cursor), [start + 3, start + 4, start + 5]);
    assert.equal(recent?.upTo, start + 5);
    assert.equal(recent?.entries[0]?.author?.name, 'P1', 'with each author');
    assert.equal(await tail.after(start + 1), undefined, 'older than the three kept: read the store');
  });
  it('joins the newest frames into one chunk for streams at the same place, for a few places only', async () => {
    const store = org.server.store;
    const start = await store.lastPosition('acme');
    const tail = new SpaceTail(store, 'acme', start);
    for (let i = 0; i < 6; i++) await post('acme.plan', `join ${i}`);
    tail.markStale();
    await tail.refresh();
    const frames = tail.entries.map((entry) => Buffer.from(entry.frame).toString());
    assert.equal(frames.length, 6);
    assert.equal(tail.framesFrom(5), tail.entries[5]!.frame, 'one event: its own frame');
    for (let from = 0; from < 4; from++) assert.equal(Buffer.from(tail.framesFrom(from)!).toString(), frames.slice(from).join(''));
    assert.equal(tail.framesFrom(1), tail.framesFrom(1), 'joined once');
    assert.equal(tail.framesFrom(4), undefined, 'a fifth starting point is written frame by frame');
  });

  it('never hands out a chunk joined from entries that have changed since, even when asked while it reads', async () => {
    const store = org.server.store;
    const tail = new SpaceTail(store, 'acme', await store.lastPosition('acme'), 4);
    for (let i = 0; i < 4; i++) await post('acme.plan', `before ${i}`);
    tail.markStale();
    await tail.refresh();
    tail.framesFrom(2);

    // A stream (draining its socket, say) asks for the same place while the tail reads the
    // authors of two new events; the window then drops the two oldest.
    for (let i = 0; i < 2; i++) await post('acme.proof', `new ${i}`);
    const readPeople = store.getPeople.bind(store);
    let reading!: () => void;
    const paused = new Promise<void>((resolve) => (reading = resolve));
    let resume!: () => void;
    store.getPeople = async (...args) => {
      reading();
      await new Promise<void>((resolve) => (resume = resolve));
      return readPeople(...args);
    };
    try {
      tail.markStale();
      const refreshing = tail.refresh();
      await paused;
      const during = tail.framesFrom(2);
      assert.match(Buffer.from(during!).toString(), /before 2[\s\S]*before 3/);
      resume();
      await refreshing;
    } finally {
      store.getPeople = readPeople;
    }
    const texts = (chunk: Uint8Array | undefined) => [...Buffer.from(chunk!).toString().matchAll(/"text":"([^"]*)"/g)].map((match) => match[1]);
    assert.deepEqual(tail.entries.map((entry) => (entry.stored.event.body as { text: string }).text), ['before 2', 'before 3', 'new 0', 'new 1']);
    assert.deepEqual(texts(tail.framesFrom(2)), ['new 0', 'new 1'], 'the chunk for index 2 is of the entries at index 2 now');
    assert.deepEqual(texts(tail.framesFrom(0)), ['before 2', 'before 3', 'new 0', 'new 1']);
  });
});
