import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestOrganisation } from '@mutual/server/testing';
import { eventually } from '../support/eventually.js';
import { group, PEOPLE, startFederation, type Federation } from '../support/federation-fixture.js';

const PLAN = group('plan');

/**
 * The buyer's copy of a seller-homed group answers its first page from memory
 * (packages/server/src/api/feed-page-cache.ts). Once a replicated event is applied, the very next
 * read must show it: the test waits for replication, never for the cache.
 */
describe('a cached feed page on a replica', () => {
  let federation: Federation;
  let seller: TestOrganisation;
  let buyer: TestOrganisation;

  before(async () => {
    federation = await startFederation();
    ({ seller, buyer } = federation);
  });
  after(() => federation?.close());

  const headers = async (org: TestOrganisation, person: string, name?: string) => ({
    Authorization: `Bearer ${await org.token(person, name ? { name } : {})}`,
    'Content-Type': 'application/json',
  });

  async function write(org: TestOrganisation, person: string, path: string, body: unknown, name?: string) {
    const response = await fetch(`${org.url}/api/groups/${PLAN}${path}`, { method: 'POST', headers: await headers(org, person, name), body: JSON.stringify(body) });
    assert.ok(response.status < 300, `${path} answered ${response.status}`);
    return (await response.json()) as any;
  }

  /** One read on the buyer's server, checked byte for byte against its store's uncached page. */
  async function readOnBuyer(person: string) {
    const response = await fetch(`${buyer.url}/api/groups/${PLAN}/posts?limit=10`, { headers: await headers(buyer, person) });
    const text = await response.text();
    if (response.status === 200) {
      assert.equal(text, JSON.stringify(await buyer.server.store.feedPage({ group: PLAN, viewer: person, limit: 10 })));
    }
    return { status: response.status, page: JSON.parse(text) as any };
  }

  /** Waits until the buyer has applied everything the seller's log holds for the group. */
  const replicated = () =>
    eventually(async () => assert.equal(await buyer.server.store.lastSeq(PLAN), await seller.server.store.lastSeq(PLAN)));

  it('shows a post, a reply and a reaction made on the seller on the very next read after each is applied', async () => {
    await readOnBuyer(PEOPLE.dana);
    const { id } = await write(seller, PEOPLE.ana, '/posts', { text: 'kick-off notes' });
    await replicated();
    assert.equal((await readOnBuyer(PEOPLE.dana)).page.posts[0].text, 'kick-off notes');

    await write(seller, PEOPLE.sam, `/posts/${id}/replies`, { text: 'thanks' });
    await replicated();
    assert.deepEqual((await readOnBuyer(PEOPLE.dana)).page.posts[0].replies.map((r: any) => r.text), ['thanks']);

    await write(seller, PEOPLE.ana, `/posts/${id}/reactions`, { emoji: '🎉', on: true });
    await replicated();
    assert.deepEqual((await readOnBuyer(PEOPLE.dana)).page.posts[0].reactions, [{ emoji: '🎉', count: 1, mine: false }]);
  });

  it("shows the buyer's own reaction as mine once the home has placed it", async () => {
    const { page } = await readOnBuyer(PEOPLE.dana);
    const target = page.posts[0].id as string;
    const before = await seller.server.store.lastSeq(PLAN);
    const queued = await write(buyer, PEOPLE.dana, `/posts/${target}/reactions`, { emoji: '🎉', on: true });
    assert.equal(queued.status, 'queued');
    // The home applied it (and may already have sent it back: that state does not last, so wait
    // for the home's log to grow, not for the moment the two logs differ by one).
    await eventually(async () => assert.equal(await seller.server.store.lastSeq(PLAN), before + 1));
    await replicated();
    assert.deepEqual((await readOnBuyer(PEOPLE.dana)).page.posts[0].reactions, [{ emoji: '🎉', count: 2, mine: true }]);
    assert.deepEqual((await readOnBuyer(PEOPLE.ivan)).page.posts[0].reactions, [{ emoji: '🎉', count: 2, mine: false }]);
  });

  it('shows a seller person’s new name on their older posts once it arrives with their next event', async () => {
    await readOnBuyer(PEOPLE.dana);
    await write(seller, PEOPLE.ana, '/posts', { text: 'signing as my full name now' }, 'Ana Maria');
    await replicated();
    const { page } = await readOnBuyer(PEOPLE.dana);
    const byAna = page.posts.filter((p: any) => p.author.id === PEOPLE.ana);
    assert.ok(byAna.length >= 2);
    for (const post of byAna) assert.equal(post.author.name, 'Ana Maria');
  });

  it('refuses a member removed on the home server on the very next read after the removal is applied', async () => {
    assert.equal((await readOnBuyer(PEOPLE.ivan)).status, 200);
    await seller.admin.removeMember(PLAN, PEOPLE.ivan);
    await replicated();
    const refused = await readOnBuyer(PEOPLE.ivan);
    assert.equal(refused.status, 403);
    assert.equal(refused.page.code, 'not_a_member');
    assert.equal((await readOnBuyer(PEOPLE.dana)).status, 200);
  });
});
