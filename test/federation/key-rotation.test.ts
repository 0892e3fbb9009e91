// A server rotates its signing key: peers pin the new key from a signed announcement, new events
// verify with it, and every old event still verifies.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLocalJWKSet } from 'jose';
import { signInvitation, verifyEventProof, verifyInvitation } from '@mutual/protocol';
import { createInvitation, startTestOrganisation } from '@mutual/server/testing';
import { apiAs } from '../support/api-client.js';
import { eventually } from '../support/eventually.js';
import { group, PEOPLE, settle, startFederation, type Federation } from '../support/federation-fixture.js';

describe('key rotation', () => {
  let f: Federation;
  before(async () => {
    f = await startFederation();
  });
  after(() => f?.close());

  it('announces the new key, keeps old signatures verifiable, and signs with the new one', async () => {
    const { keys } = f.seller.server.federation.deps;
    const oldKid = (await keys.signingKey()).kid;
    const before = await apiAs(f.seller, PEOPLE.sam).post(`/groups/${group('proof')}/posts`, { text: 'signed with the old key' });
    await settle([f.seller, f.buyer, f.partner]);

    const newKid = await keys.rotate();
    assert.notEqual(newKid, oldKid);
    // rotate() queued the announcements in the same transaction as the key.
    assert.equal((await f.seller.server.store.outbox.pending()).filter((item) => item.kind === 'keys').length, 2);
    f.seller.server.federation.worker.wake();
    await eventually(async () => {
      const pinned = (await f.buyer.server.store.peers.getPeer('seller.test'))!.jwks.keys.map((key) => key.kid);
      assert.ok(pinned.includes(newKid) && pinned.includes(oldKid), 'the buyer pins both keys');
      assert.equal((await f.seller.server.store.peers.getPeer('buyer.test'))!.signingKid, newKid);
    });

    const after = await apiAs(f.seller, PEOPLE.sam).post(`/groups/${group('proof')}/posts`, { text: 'signed with the new key' });
    // A buyer write goes through too: the seller verifies the buyer's request, signs the event with its new key.
    assert.equal((await apiAs(f.buyer, PEOPLE.ivan).post(`/groups/${group('proof')}/posts`, { text: 'buyer after rotation' })).status, 202);
    await settle([f.seller, f.buyer, f.partner]);

    const pinned = createLocalJWKSet((await f.buyer.server.store.peers.getPeer('seller.test'))!.jwks);
    const onBuyer = await f.buyer.server.store.sealedAfter(group('proof'), 0, 1000);
    assert.ok(onBuyer.length >= 3);
    for (const sealed of onBuyer) await verifyEventProof(sealed.event, sealed.proof, 'seller.test', pinned);
    const kidOf = (proof: string) => JSON.parse(Buffer.from(proof.split('.')[0]!, 'base64url').toString()).kid;
    assert.equal(kidOf(onBuyer.find((s) => s.event.id === before.body.id)!.proof), oldKid);
    assert.equal(kidOf(onBuyer.find((s) => s.event.id === after.body.id)!.proof), newKid);
    assert.ok(onBuyer.some((s) => s.event.type === 'post' && (s.event.body as { text: string }).text === 'buyer after rotation'));
  });

  it('peers with a server that has rotated many times: the invitation carries its newest ten keys, the answer all of them', async () => {
    const veteran = await startTestOrganisation({ domain: 'veteran.test', name: 'Veteran' });
    const newcomer = await startTestOrganisation({ domain: 'newcomer.test', name: 'Newcomer' });
    try {
      const keys = veteran.server.federation.deps.keys;
      for (let i = 0; i < 15; i++) await keys.rotate();
      const all = (await keys.jwks()).keys.map((key) => key.kid);
      assert.equal(all.length, 15);
      const invitation = await verifyInvitation((await createInvitation(veteran.server.federation.deps)).token);
      assert.deepEqual(invitation.jwks.keys.map((key) => key.kid), all.slice(0, 10));
      // An earlier version put every key in its invitations: still accepted.
      const older = await signInvitation({ origin: veteran.url, domain: 'veteran.test', name: 'Veteran', jwks: await keys.jwks() }, await keys.signingKey());
      assert.equal((await verifyInvitation(older.token)).jwks.keys.length, 15);
      await veteran.peerWith(newcomer);
      const pinned = (await newcomer.server.store.peers.getPeer('veteran.test'))!.jwks.keys.map((key) => key.kid);
      assert.deepEqual([...pinned].sort(), [...all].sort(), 'every key, the oldest too');
    } finally {
      await Promise.all([veteran.close(), newcomer.close()]);
    }
  });
});
