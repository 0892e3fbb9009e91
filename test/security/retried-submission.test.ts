// A member server resends a submission whose answer it never got (a timeout, a cut connection):
// the home must answer with the first result, even where it would now refuse the write.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEAL, EVE, eveClaimFor, startHostileSetup, type HostileSetup } from './support/hostile-setup.js';

describe('a submission sent again after its answer was lost', () => {
  let s: HostileSetup;
  const proof = `${DEAL}.proof`;
  let claim: string;

  before(async () => {
    s = await startHostileSetup();
    claim = await eveClaimFor(s, proof);
  });
  after(() => s?.close());

  const write = (text: string, clientId: string) => ({
    draft: { space: DEAL, group: proof, type: 'post', author: EVE, at: new Date().toISOString(), body: { text, clientId } },
    claim,
    clientId,
    author: { id: EVE, name: 'Eve', organisation: 'hostile.test' },
  });
  const submit = (writes: unknown[]) => s.hostile.send(s.seller, { path: `/federation/v1/groups/${proof}/submit`, body: { writes } });

  it('gets the first result, even once its author has been removed, while a new write is refused', async () => {
    const first = write('findings, first try', 'resent-1');
    const answered = await submit([first]);
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    const placed = answered.body.results[0];
    assert.ok(placed.seq > 0, JSON.stringify(placed));

    await s.seller.admin.removeMember(proof, EVE);
    // The same write, and the same clientId dated anew (a client that rebuilt its draft).
    const again = await submit([first, { ...first, draft: { ...first.draft, at: new Date(Date.now() + 1000).toISOString() } }]);
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.deepEqual(
      again.body.results.map((result: { id: string; seq?: number; error?: unknown }) => [result.id, result.seq, result.error]),
      [
        [placed.id, placed.seq, undefined],
        [placed.id, placed.seq, undefined],
      ],
    );
    const fresh = await submit([write('findings, after removal', 'resent-2')]);
    assert.equal(fresh.body.results[0].error.code, 'not_a_member', 'a write never placed is decided as it is now');
    const posts = await s.seller.server.store.feedPage({ group: proof, viewer: 'sam@seller.test', limit: 50 });
    assert.equal(posts.posts.filter((post) => post.text === 'findings, first try').length, 1);
  });
});
