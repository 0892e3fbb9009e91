// A post or reply waiting in its author's server for the group's home (a 202) is listed to its
// author (GET /api/groups/:group/queued), so a feed opened meanwhile shows it as queued; once the
// home has it, it is listed no more.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiAs } from '../support/api-client.js';
import { group, PEOPLE, settle, startFederation, type Federation } from '../support/federation-fixture.js';

describe('queued entries', () => {
  let f: Federation;
  before(async () => {
    f = await startFederation();
  });
  after(() => f?.close());

  it('are listed to their author, oldest first, until the home has them', async (t) => {
    const proof = group('proof');
    const ivan = apiAs(f.buyer, PEOPLE.ivan);
    const placed = await apiAs(f.seller, PEOPLE.sam).post(`/groups/${proof}/posts`, { text: 'SSO test plan attached' });
    await settle([f.seller, f.buyer, f.partner]);

    // The buyer's server cannot reach the home for now: its worker is held.
    await f.buyer.server.federation.worker.stop();
    t.after(() => f.buyer.server.federation.worker.start());
    const post = await ivan.post(`/groups/${proof}/posts`, { text: 'Staging is ready', clientId: 'queued-post-1' });
    const reply = await ivan.post(`/groups/${proof}/posts/${placed.body.id}/replies`, { text: 'Looks complete', clientId: 'queued-reply-1' });
    await ivan.post(`/groups/${proof}/posts/${placed.body.id}/reactions`, { emoji: '👍', on: true });
    assert.deepEqual([post.status, reply.status], [202, 202]);

    const listed = await ivan.get(`/groups/${proof}/queued`);
    assert.equal(listed.status, 200);
    assert.deepEqual(
      listed.body.queued.map((entry: { event: string; type: string; clientId?: string; text: string; parent?: string }) => [entry.event, entry.type, entry.clientId, entry.text, entry.parent]),
      [
        [post.body.event, 'post', 'queued-post-1', 'Staging is ready', undefined],
        [reply.body.event, 'reply', 'queued-reply-1', 'Looks complete', placed.body.id],
      ],
      'posts and replies only, oldest first',
    );
    assert.ok(listed.body.queued.every((entry: { at: string }) => !Number.isNaN(Date.parse(entry.at))));
    // A colleague in the same group sees none of it; someone outside the group is refused.
    assert.deepEqual((await apiAs(f.buyer, PEOPLE.sofia).get(`/groups/${proof}/queued`)).body, { queued: [] });
    assert.equal((await apiAs(f.buyer, PEOPLE.dana).get(`/groups/${proof}/queued`)).status, 403);
    assert.equal((await fetch(`${f.buyer.url}/api/groups/${proof}/queued`)).status, 401);

    f.buyer.server.federation.worker.start();
    await settle([f.seller, f.buyer, f.partner]);
    assert.deepEqual((await ivan.get(`/groups/${proof}/queued`)).body, { queued: [] }, 'delivered: no longer queued');
  });
});
