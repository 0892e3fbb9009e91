// The reader's own membership changes on the live stream, where the re-read of their groups and the
// reads of the log can interleave: a post that follows their removal in the same read must not
// reach them, and a re-addition in that read must not be lost.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemClock } from '@mutual/protocol';
import { eventually } from '../../../../test/support/eventually.js';
import { acmeWithAnaAndBob, planStream, postAs, recordingSink, STREAM_PATHS } from '../../../../test/support/live-stream-recording.js';
import type { TestOrganisation } from '../testing/test-organisation.js';
import { LiveStream } from './live-stream.js';
import { SpaceTail } from './space-tail.js';

const ANA = 'ana@seller.test';
const BOB = 'bob@seller.test';


describe("a reader's own membership changes on their live stream", () => {
  let org: TestOrganisation;

  const post = (group: string, text: string) => postAs(org, ANA, group, text);

  /** Bob's stream as it was opened when he was in the plan group at `position`; it reads everything after. */
  const bobsStream = (position: number, window: number | undefined) => planStream(org, BOB, position, window);

  before(async () => {
    org = await acmeWithAnaAndBob();
  });
  after(() => org.close());

  for (const [path, window] of STREAM_PATHS) {
    it(`sends nothing of a group after the reader's removal from it, through ${path}`, async () => {
      await org.admin.addMember('acme.plan', BOB);
      const member = await org.server.store.lastPosition('acme');
      const before = await post('acme.plan', `while Bob is in (${path})`);
      await org.admin.removeMember('acme.plan', BOB);
      const after = await post('acme.plan', `after Bob left (${path})`);

      // The stream's groups say Bob is in the plan; his removal and the next post come in one read.
      const { stream, sink, started } = bobsStream(member, window);
      await started;
      const text = sink.text();
      stream.gone();
      assert.match(text, /event: ready/);
      assert.ok(text.includes(before), 'the post written while Bob was in the group');
      assert.ok(!text.includes(after), 'the post written after his removal reached Bob');
      assert.ok(!text.includes(`after Bob left (${path})`));
    });

    it(`keeps a re-addition that comes in the same read as the removal, through ${path}`, async () => {
      await org.admin.addMember('acme.plan', BOB);
      const member = await org.server.store.lastPosition('acme');
      await org.admin.removeMember('acme.plan', BOB);
      await org.admin.addMember('acme.plan', BOB);
      const back = await post('acme.plan', `Bob is back (${path})`);

      const { stream, sink, started } = bobsStream(member, window);
      await started;
      stream.gone();
      assert.ok(sink.text().includes(back), 'the post written after Bob was added again');
      await org.admin.removeMember('acme.plan', BOB);
    });
  }

  it('ignores a read of the groups older than the one it holds', async () => {
    // Bob is out of the plan as of `out`; a slower read, from before his removal, arrives after.
    await org.admin.addMember('acme.plan', BOB);
    const member = await org.server.store.lastPosition('acme');
    await org.admin.removeMember('acme.plan', BOB);
    const out = await org.server.store.lastPosition('acme');
    const sink = recordingSink();
    const tail = new SpaceTail(org.server.store, 'acme', out);
    const stream = new LiveStream({ person: BOB, space: 'acme', groups: [], groupsAt: out, cursor: out, sink, store: org.server.store, clock: systemClock });
    await stream.start(tail);
    stream.setGroups(['acme.plan'], member);

    const after = await post('acme.plan', 'said after the stale read');
    tail.markStale();
    await tail.refresh();
    stream.deliver(systemClock());
    stream.gone();
    assert.match(sink.text(), /event: ready/);
    assert.ok(!sink.text().includes(after), 'a stale read of his groups let a post through');
  });

  it('reads the groups again itself when a read is older than what it has looked at', async () => {
    // Bob's stream catches up from the store, which reads only the groups he is held to be in
    // (steering): it passes his removal from the plan without seeing it. A read from just before
    // that removal, which still lists the plan, then arrives.
    await org.admin.addMember('acme.steering', ANA);
    await org.admin.addMember('acme.steering', BOB);
    await org.admin.addMember('acme.plan', BOB);
    const beforeRemoval = await org.server.store.lastPosition('acme');
    await org.admin.removeMember('acme.plan', BOB);
    const inSteering = await post('acme.steering', 'steering, after the removal');
    const sink = recordingSink();
    const tail = new SpaceTail(org.server.store, 'acme', beforeRemoval, 1);
    const stream = new LiveStream({
      person: BOB,
      space: 'acme',
      groups: ['acme.steering'],
      groupsAt: beforeRemoval,
      cursor: beforeRemoval,
      sink,
      store: org.server.store,
      clock: systemClock,
    });
    await stream.start(tail);
    assert.ok(sink.text().includes(inSteering));
    stream.setGroups(['acme.plan', 'acme.steering'], beforeRemoval);

    const inPlan = await post('acme.plan', 'plan, after the stale read');
    const marker = await post('acme.steering', 'marker');
    await eventually(async () => {
      tail.markStale();
      await tail.refresh();
      stream.deliver(systemClock());
      assert.ok(sink.text().includes(marker));
    });
    stream.gone();
    assert.ok(!sink.text().includes(inPlan), 'a read older than the stream let a post of a group he left through');
  });
});
