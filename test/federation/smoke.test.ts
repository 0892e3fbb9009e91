import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestOrganisation, type TestOrganisation } from '@mutual/server/testing';
import { apiAs } from '../support/api-client.js';
import { eventually } from '../support/eventually.js';

describe('federation smoke', () => {
  let seller: TestOrganisation;
  let buyer: TestOrganisation;
  before(async () => {
    seller = await startTestOrganisation({ domain: 'seller.test' });
    buyer = await startTestOrganisation({ domain: 'buyer.test' });
    await seller.peerWith(buyer);
    await seller.admin.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test' });
    await seller.admin.addPerson({ id: 'sam@seller.test', name: 'Sam' });
    await seller.admin.addMember('acme.proof', 'sam@seller.test');
    await buyer.admin.addPerson({ id: 'ivan@buyer.test', name: 'Ivan' });
    await seller.admin.addMember('acme.proof', 'ivan@buyer.test');
  });
  after(async () => {
    await buyer?.close();
    await seller?.close();
  });

  it('replicates and accepts remote writes', async () => {
    const sam = apiAs(seller, 'sam@seller.test');
    const ivan = apiAs(buyer, 'ivan@buyer.test');
    assert.equal((await sam.post('/groups/acme.proof/posts', { text: 'from seller' })).status, 201);
    const page = await eventually(async () => {
      const answer = await ivan.get('/groups/acme.proof/posts');
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.posts.length, 1);
      return answer.body;
    });
    assert.equal(page.posts[0].text, 'from seller');
    const queued = await ivan.post('/groups/acme.proof/posts', { text: 'from buyer', clientId: 'buyer-client-1' });
    assert.equal(queued.status, 202, JSON.stringify(queued.body));
    await eventually(async () => {
      const answer = await sam.get('/groups/acme.proof/posts');
      assert.deepEqual(answer.body.posts.map((p: any) => p.text), ['from buyer', 'from seller']);
      assert.equal(answer.body.posts[0].author.name, 'Ivan');
    });
    await eventually(async () => {
      const answer = await ivan.get('/groups/acme.proof/posts');
      assert.deepEqual(answer.body.posts.map((p: any) => p.text), ['from buyer', 'from seller']);
    });
  });
});
