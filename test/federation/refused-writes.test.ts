// A write queued for another organisation's server (202) that the home then refuses is not lost in
// silence: asked by the id its 202 gave (GET /api/spaces/:space/refused?events=…), its author's
// server says so, with the home's reason, for the widget that shows it as queued; only to its author.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiAs } from '../support/api-client.js';
import { eventually } from '../support/eventually.js';
import { group, PEOPLE, SPACE, settle, startFederation, type Federation } from '../support/federation-fixture.js';

describe('writes the home refuses after they were queued', () => {
  let f: Federation;
  before(async () => {
    f = await startFederation();
  });
  after(() => f?.close());

  it('are listed to their author, with the home’s reason, and to no one else', async () => {
    const implementation = group('implementation');
    const ivan = apiAs(f.buyer, PEOPLE.ivan);
    const asked = (events: string[]) => `/spaces/${SPACE}/refused?events=${events.join(',')}`;
    const placed = await ivan.post(`/groups/${group('proof')}/posts`, { text: 'Placed by the home' });
    assert.equal(placed.status, 202);

    // The seller removes Ivan, but its worker is held, so the buyer's server does not know yet.
    await f.seller.server.federation.worker.stop();
    await f.seller.admin.removeMember(implementation, PEOPLE.ivan);
    const queued = await ivan.post(`/groups/${implementation}/posts`, { text: 'Cut-over window agreed?', clientId: 'refused-post-1' });
    assert.equal(queued.status, 202);
    assert.equal(queued.body.status, 'queued');

    // The buyer's worker submits it; the home refuses; the buyer keeps the refusal.
    await eventually(async () => assert.equal((await f.buyer.server.store.outbox.refusedSubmits([queued.body.event])).length, 1));
    const listed = await ivan.get(asked([placed.body.event, queued.body.event]));
    assert.equal(listed.status, 200);
    assert.equal(listed.body.refused.length, 1, 'the write the home placed is not refused');
    const [refused] = listed.body.refused;
    assert.equal(refused.event, queued.body.event, 'the id the 202 gave');
    assert.equal(refused.group, implementation);
    assert.equal(refused.type, 'post');
    assert.equal(refused.clientId, 'refused-post-1');
    assert.equal(refused.code, 'not_a_member');
    assert.match(refused.message, /no longer a member/);
    assert.ok(!Number.isNaN(Date.parse(refused.at)));

    // Someone else of the same organisation, or another space, learns nothing of it.
    assert.deepEqual((await apiAs(f.buyer, PEOPLE.sofia).get(asked([queued.body.event]))).body, { refused: [] });
    assert.deepEqual((await ivan.get(`/spaces/another-space/refused?events=${queued.body.event}`)).body, { refused: [] });
    assert.equal((await fetch(`${f.buyer.url}/api${asked([queued.body.event])}`)).status, 401);
    // The question names 1 to 50 event ids.
    assert.equal((await ivan.get(`/spaces/${SPACE}/refused`)).status, 400);
    assert.equal((await ivan.get(asked(Array.from({ length: 51 }, () => queued.body.event)))).status, 400);
    assert.equal((await ivan.get(`/spaces/${SPACE}/refused?events=not-an-id`)).status, 400);

    // Once the removal arrives, Ivan is told still: the draft is his, whatever his groups now.
    f.seller.server.federation.worker.start();
    await settle([f.seller, f.buyer, f.partner]);
    assert.equal((await ivan.get(`/groups/${implementation}/posts`)).status, 403);
    assert.equal((await ivan.get(asked([queued.body.event]))).body.refused[0]?.event, queued.body.event);
    // And the post is nowhere.
    const onSeller = await apiAs(f.seller, PEOPLE.lea).get(`/groups/${implementation}/posts`);
    assert.ok(!onSeller.body.posts.some((p: { text: string }) => p.text === 'Cut-over window agreed?'));
  });
});
