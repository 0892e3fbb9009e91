import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemClock } from '@mutual/protocol';
import { eventually } from '../../../../test/support/eventually.js';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';
import { LiveFanouts, type LiveTiming } from './live-fanouts.js';
import { LiveStream } from './live-stream.js';
import type { SseSink } from './sse-body.js';

const ANA = 'ana@seller.test';

/** A client we can make slow: it records what it was sent, and says "full" when told to. */
class TestSink implements SseSink {
  readonly chunks: string[] = [];
  full = false;
  ended = false;
  write(chunk: Uint8Array): boolean {
    this.chunks.push(Buffer.from(chunk).toString());
    return !this.full;
  }
  end(): void {
    this.ended = true;
  }
  get text(): string {
    return this.chunks.join('');
  }
  /** The ids of the posts received, in order. */
  posts(): string[] {
    return this.text
      .split('\n\n')
      .filter((message) => message.startsWith('event: group-event'))
      .map((message) => (JSON.parse(message.slice(message.indexOf('data: ') + 6)) as { event: { id: string } }).event.id);
  }
}

describe('the live streams of a process', () => {
  let org: TestOrganisation;
  // Keep-alives only where a test is about them: one written to a "full" client would block it.
  const quiet = { keepaliveMs: 60_000, stallMs: 300, tickMs: 25 };
  let fanouts: LiveFanouts;
  const useTiming = (timing: LiveTiming) => (fanouts = new LiveFanouts(org.server.store, hub(), systemClock, timing));

  const hub = () => org.server.federation.deps.hub;
  const post = async (text: string) => {
    const response = await fetch(`${org.url}/api/groups/acme.plan/posts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await org.token(ANA)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    assert.equal(response.status, 201);
    return ((await response.json()) as { id: string }).id;
  };
  const open = async (expiresInMs = 60_000) => {
    const sink = new TestSink();
    const store = org.server.store;
    const position = await store.lastPosition('acme');
    const stream = new LiveStream({ person: ANA, space: 'acme', groups: ['acme.plan'], groupsAt: position, cursor: position, sink, store, clock: systemClock });
    await fanouts.attach('acme', stream, expiresInMs);
    assert.match(sink.text, /^event: ready\n/);
    return { sink, stream };
  };

  before(async () => {
    org = await startTestOrganisation();
    await org.admin.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test' });
    await org.admin.addPerson({ id: ANA, name: 'Ana' });
    await org.admin.addMember('acme.plan', ANA);
  });
  after(() => org.close());

  it('sends a client that stops reading nothing more until it drains, then the rest in order', async () => {
    useTiming(quiet);
    const slow = await open();
    const steady = await open();
    slow.sink.full = true;
    const first = await post('one');
    await eventually(() => assert.deepEqual(slow.sink.posts(), [first]), { timeoutMs: 5_000 });
    const later = [await post('two'), await post('three')];
    // The steady reader has both: had the slow one been sent them, it would have them too.
    await eventually(() => assert.deepEqual(steady.sink.posts(), [first, ...later]), { timeoutMs: 5_000 });
    assert.deepEqual(slow.sink.posts(), [first], 'nothing written past a full socket');
    slow.sink.full = false;
    slow.stream.drain(Date.now());
    assert.deepEqual(slow.sink.posts(), [first, ...later], 'after drain: the rest, once each, in order');
    slow.stream.end();
    steady.stream.end();
  });

  it('cuts off a client that takes nothing for stallMs, and lets its stream go', async () => {
    useTiming(quiet);
    const before = hub().subscriberCount;
    const { sink } = await open();
    assert.equal(hub().subscriberCount, before + 1);
    sink.full = true;
    await post('into a full socket');
    await eventually(() => assert.ok(sink.ended, 'the stalled stream was ended'), { timeoutMs: 5_000 });
    assert.equal(hub().subscriberCount, before);
    assert.equal(fanouts.spaces, 0, 'no tail kept for a space without streams');
  });

  it('sends keep-alives on an idle stream from the one shared timer', async () => {
    useTiming({ ...quiet, keepaliveMs: 150 });
    const { sink, stream } = await open();
    await eventually(() => assert.match(sink.text, /\n\n: keepalive\n\n/), { timeoutMs: 5_000 });
    stream.end();
  });

  it('ends a stream when its token expires', async () => {
    useTiming(quiet);
    const { sink } = await open(100);
    await eventually(() => assert.ok(sink.ended), { timeoutMs: 5_000 });
    assert.equal(hub().subscriberCount, 0);
  });
});
