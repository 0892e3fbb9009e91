// A reaction's live message carries its entry's counts, so that a reader sets them rather than
// adding one: the log keeps reactions that change nothing (given twice, from two tabs or a peer),
// and a reader may already have counted one from a page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LiveMessage, ReactionTotal } from '@mutual/protocol';
import { acmeWithAnaAndBob, planStream, postAs, STREAM_PATHS } from '../../../../test/support/live-stream-recording.js';
import type { TestOrganisation } from '../testing/test-organisation.js';

const ANA = 'ana@seller.test';
const BOB = 'bob@seller.test';


describe("a reaction's live message", () => {
  let org: TestOrganisation;

  const post = (group: string, text: string) => postAs(org, ANA, group, text);

  /** Appends a reaction as it is, changing something or not (as one replicated from a peer may be). */
  const react = (group: string, author: string, target: string, emoji: string, on: boolean) =>
    org.server.store.append({ space: 'acme', group, author, at: new Date().toISOString(), type: 'reaction', body: { target, emoji, on } });

  /** The reaction messages Ana's stream sends for what happened after `position`. */
  const reactionsAfter = async (position: number, window: number | undefined): Promise<LiveMessage[]> => {
    // One more event, so that a window of one leaves the stream behind the tail.
    await post('acme.plan', 'after the reactions');
    const { stream, sink, started } = planStream(org, ANA, position, window);
    await started;
    stream.gone();
    return sink.messages().filter((message) => message.event.type === 'reaction');
  };

  before(async () => {
    org = await acmeWithAnaAndBob();
    await org.admin.addMember('acme.plan', BOB);
    await org.admin.addMember('acme.proof', ANA);
  });
  after(() => org.close());

  for (const [path, window] of STREAM_PATHS) {
    it(`carries the entry's counts, unchanged by a reaction given twice, through ${path}`, async () => {
      const target = await post('acme.plan', `to react to (${path})`);
      const counts = async (author: string, emoji: string, on: boolean): Promise<ReactionTotal[] | undefined> => {
        const position = await org.server.store.lastPosition('acme');
        await react('acme.plan', author, target, emoji, on);
        const messages = await reactionsAfter(position, window);
        assert.equal(messages.length, 1);
        return messages[0]!.reactions;
      };

      assert.deepEqual(await counts(BOB, '👍', true), [{ emoji: '👍', count: 1 }]);
      // Bob's second 👍 is in the log, but he is counted once.
      assert.deepEqual(await counts(BOB, '👍', true), [{ emoji: '👍', count: 1 }]);
      assert.deepEqual(await counts(ANA, '👍', true), [{ emoji: '👍', count: 2 }]);
      assert.deepEqual(await counts(ANA, '🎉', true), [{ emoji: '🎉', count: 1 }, { emoji: '👍', count: 2 }]);
      // Taking back what is not there takes nothing away.
      assert.deepEqual(await counts(BOB, '🎉', false), [{ emoji: '🎉', count: 1 }, { emoji: '👍', count: 2 }]);
      assert.deepEqual(await counts(ANA, '🎉', false), [{ emoji: '👍', count: 2 }]);
    });

    it(`says nothing of an entry of another group, through ${path}`, async () => {
      // A home's sealed event may name another group's entry: the projection ignores it, and its
      // counts are not the plan's members' to see.
      const elsewhere = await post('acme.proof', `in the proof group (${path})`);
      await react('acme.proof', ANA, elsewhere, '👀', true);
      const position = await org.server.store.lastPosition('acme');
      await react('acme.plan', BOB, elsewhere, '👍', true);
      const [message, ...more] = await reactionsAfter(position, window);
      assert.equal(more.length, 0);
      assert.equal(message!.event.type, 'reaction');
      assert.equal(message!.reactions, undefined);
    });

    it(`sends each reaction of one read with the counts as they are after all of it, through ${path}`, async () => {
      const target = await post('acme.plan', `read together (${path})`);
      const position = await org.server.store.lastPosition('acme');
      await react('acme.plan', BOB, target, '👍', true);
      await react('acme.plan', BOB, target, '👍', true);
      await react('acme.plan', ANA, target, '👍', true);
      const messages = await reactionsAfter(position, window);
      // Read after the last, each says so: a reader that sets them ends where the server is.
      assert.deepEqual(
        messages.map((message) => message.reactions),
        [1, 2, 3].map(() => [{ emoji: '👍', count: 2 }]),
      );
    });
  }
});
