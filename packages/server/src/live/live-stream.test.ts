import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemClock } from '@mutual/protocol';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';
import { LiveStream } from './live-stream.js';
import type { SseSink } from './sse-body.js';
import { SpaceTail } from './space-tail.js';

const ANA = 'ana@seller.test';
const BOB = 'bob@seller.test';

/** A sink that keeps what the stream wrote, as text. */
function recordingSink(): SseSink & { text: () => string } {
  const chunks: Uint8Array[] = [];
  return {
    write: (chunk) => (chunks.push(chunk), true),
    end: () => undefined,
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
}

describe("one reader's live stream", () => {
  let org: TestOrganisation;
  /** The space's position before Bob was removed, and the id of the post written after. */
  let beforeRemoval: number;
  let afterRemoval: string;

  before(async () => {
    org = await startTestOrganisation();
    await org.admin.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test' });
    await org.admin.addPerson({ id: ANA, name: 'Ana' });
    await org.admin.addPerson({ id: BOB, name: 'Bob' });
    await org.admin.addMember('acme.plan', ANA);
    await org.admin.addMember('acme.plan', BOB);
    beforeRemoval = await org.server.store.lastPosition('acme');
    await org.admin.removeMember('acme.plan', BOB);
    const response = await fetch(`${org.url}/api/groups/acme.plan/posts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await org.token(ANA)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'said after Bob left' }),
    });
    assert.equal(response.status, 201);
    afterRemoval = ((await response.json()) as { id: string }).id;
  });
  after(() => org.close());

  // The removal and the next post arrive in one read, before the re-read of Bob's groups would
  // tell the stream: it must stop at his removal by itself.
  for (const [path, window] of [
    ['the shared tail', undefined],
    ['its own catch-up from the store (further behind than the tail keeps)', 1],
  ] as const) {
    it(`sends the reader's own removal and nothing of that group after it, through ${path}`, async () => {
      const sink = recordingSink();
      const stream = new LiveStream({
        person: BOB,
        space: 'acme',
        groups: ['acme.plan'],
        cursor: beforeRemoval,
        sink,
        store: org.server.store,
        clock: systemClock,
      });
      await stream.start(new SpaceTail(org.server.store, 'acme', beforeRemoval, window));
      const text = sink.text();
      assert.match(text, /"type":"member\.removed"/, 'Bob is told he was removed');
      assert.match(text, /event: ready/);
      assert.ok(!text.includes(afterRemoval), 'the post written after his removal reached Bob');
      assert.ok(!text.includes('said after Bob left'));
      stream.gone();
    });
  }
});
