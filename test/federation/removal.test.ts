// Removing a buyer person from a group: their server stops receiving it, their next write is
// refused — even when presented with a claim that has not expired yet.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signServerRequest, type Submission } from '@mutual/protocol';
import { apiAs } from '../support/api-client.js';
import { eventually } from '../support/eventually.js';
import { group, PEOPLE, settle, startFederation, type Federation } from '../support/federation-fixture.js';

describe('removing a member', () => {
  let f: Federation;
  before(async () => {
    f = await startFederation();
  });
  after(() => f?.close());

  it('stops delivering the group to a server with no member left, and refuses the removed person', async () => {
    const implementation = group('implementation');
    const ivan = apiAs(f.buyer, PEOPLE.ivan);
    const before = await apiAs(f.seller, PEOPLE.lea).post(`/groups/${implementation}/posts`, { text: 'Cut-over plan v1' });
    await eventually(async () => assert.equal((await ivan.get(`/groups/${implementation}/posts`)).body.posts[0]?.text, 'Cut-over plan v1'));
    const claim = (await f.buyer.server.store.peers.getClaim(implementation, PEOPLE.ivan))!;
    assert.ok(claim.expiresAt > Date.now(), 'the buyer holds a current claim for Ivan');

    await f.seller.admin.removeMember(implementation, PEOPLE.ivan);
    await settle([f.seller, f.buyer, f.partner]);
    const after = await apiAs(f.seller, PEOPLE.lea).post(`/groups/${implementation}/posts`, { text: 'Cut-over plan v2 (confidential)' });
    await settle([f.seller, f.buyer, f.partner]);

    // The buyer's server got the removal, then nothing more.
    const buyerEvents = await f.buyer.server.store.eventsAfter([implementation], 0, 1000);
    assert.ok(buyerEvents.some((e) => e.event.type === 'member.removed'));
    assert.ok(buyerEvents.some((e) => e.event.id === before.body.id), 'what it had, it keeps');
    assert.ok(!buyerEvents.some((e) => e.event.id === after.body.id), 'what came after never reached it');
    assert.equal((await ivan.get(`/groups/${implementation}/posts`)).status, 403);
    // The partner, still a member, did get it.
    await eventually(async () => assert.ok((await f.partner.server.store.eventsAfter([implementation], 0, 1000)).some((e) => e.event.id === after.body.id), 'not yet'));

    // Ivan's server tries anyway, with the claim that has not expired: the home says no.
    const submission: Submission = {
      writes: [
        {
          draft: { space: 'acme', group: implementation, type: 'post', author: PEOPLE.ivan, at: new Date().toISOString(), body: { text: 'still here?' } },
          claim: claim.token,
          author: { id: PEOPLE.ivan, name: 'Ivan', organisation: 'buyer.test' },
        },
      ],
    };
    const answer = await postAsBuyer(f, `/federation/v1/groups/${implementation}/submit`, submission);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.results[0].error.code, 'not_a_member');
    assert.deepEqual(answer.body.events, []);
    const onSeller = await apiAs(f.seller, PEOPLE.lea).get(`/groups/${implementation}/posts`);
    assert.ok(!onSeller.body.posts.some((p: any) => p.text === 'still here?'));
  });
});

/** A request signed with the buyer server's real key, as its outbox worker would send it. */
async function postAsBuyer(f: Federation, path: string, body: unknown) {
  const text = JSON.stringify(body);
  const key = await f.buyer.server.federation.deps.keys.signingKey();
  const token = await signServerRequest({ issuer: f.buyer.url, audience: f.seller.url, method: 'POST', path, body: text, key });
  const response = await fetch(`${f.seller.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: text });
  return { status: response.status, body: (await response.json()) as any };
}
