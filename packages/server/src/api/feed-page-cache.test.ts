import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openSqliteStore } from '../store/sqlite.js';
import { FeedPageCache } from './feed-page-cache.js';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';

const ANA = 'ana@seller.test';
const BOB = 'bob@seller.test';
const CARL = 'carl@seller.test';
const GROUP = 'acme.plan';
const PAGE = `/api/groups/${GROUP}/posts?limit=5`;

/**
 * The first page is answered from memory (feed-page-cache.ts); every change must show on the very
 * next read — no waiting, no retry — and the bytes must be what the store's own page gives.
 */
describe('the cached first page of a feed', () => {
  let folder: string;
  let file: string;
  let org: TestOrganisation;
  let ana: Record<string, string>;
  let bob: Record<string, string>;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'mutual-feed-cache-'));
    file = join(folder, 'seller.db');
    org = await startTestOrganisation({ databaseFile: file });
    await org.admin.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test' });
    await org.admin.addPerson({ id: ANA, name: 'Ana' });
    await org.admin.addPerson({ id: BOB, name: 'Bob' });
    await org.admin.addMember(GROUP, ANA, 'lead');
    await org.admin.addMember(GROUP, BOB);
    await org.admin.addPerson({ id: CARL, name: 'Carl' });
    await org.admin.addMember(GROUP, CARL);
    ana = { Authorization: `Bearer ${await org.token(ANA)}`, 'Content-Type': 'application/json' };
    bob = { Authorization: `Bearer ${await org.token(BOB)}`, 'Content-Type': 'application/json' };
    for (let i = 0; i < 7; i++) await post(ana, `older post ${i}`);
  });
  after(async () => {
    await org.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function post(headers: Record<string, string>, text: string): Promise<string> {
    const response = await fetch(`${org.url}/api/groups/${GROUP}/posts`, { method: 'POST', headers, body: JSON.stringify({ text }) });
    assert.equal(response.status, 201);
    return ((await response.json()) as { id: string }).id;
  }

  /** One read, checked byte for byte against the store's uncached page for the same reader. */
  async function read(headers: Record<string, string>, viewer: string) {
    const response = await fetch(`${org.url}${PAGE}`, { headers });
    const text = await response.text();
    if (response.status !== 200) return { status: response.status, page: JSON.parse(text) as any };
    assert.equal(response.headers.get('content-type'), 'application/json');
    const uncached = await org.server.store.feedPage({ group: GROUP, viewer, limit: 5 });
    assert.equal(text, JSON.stringify(uncached), 'the cached bytes are the uncached page');
    return { status: 200, page: JSON.parse(text) as any };
  }

  it('serves the same bytes as the store, twice in a row, and pages further through the store', async () => {
    const first = await read(ana, ANA);
    const second = await read(ana, ANA);
    assert.deepEqual(second.page, first.page);
    assert.equal(first.page.posts.length, 5);
    const older = await fetch(`${org.url}/api/groups/${GROUP}/posts?limit=5&before=${first.page.next}`, { headers: ana });
    assert.equal(((await older.json()) as any).posts.length, 2);
  });

  it('keeps the CORS and security headers of every API answer', async () => {
    const listed = await fetch(`${org.url}${PAGE}`, { headers: { ...ana, Origin: 'http://127.0.0.1:9' } });
    assert.equal(listed.headers.get('access-control-allow-origin'), 'http://127.0.0.1:9');
    assert.equal(listed.headers.get('vary'), 'Origin');
    assert.equal(listed.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(listed.headers.get('content-length'), String(Buffer.byteLength(await listed.text())));
    const unlisted = await fetch(`${org.url}${PAGE}`, { headers: { ...ana, Origin: 'https://evil.test' } });
    assert.equal(unlisted.headers.get('access-control-allow-origin'), null);
    assert.equal(unlisted.headers.get('vary'), 'Origin');
    const refused = await fetch(`${org.url}/api/groups/acme.internal/posts`, { headers: { ...bob, Origin: 'http://127.0.0.1:9' } });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), 'http://127.0.0.1:9');
    assert.equal(refused.headers.get('x-content-type-options'), 'nosniff');
  });

  it('keeps a bounded number of pages, and none where the store cannot tell what changed (PostgreSQL)', async () => {
    const store = org.server.store;
    const access = (await store.groupAccess(GROUP, ANA))!;
    const bounded = new FeedPageCache(store, { maxPages: 2 });
    for (const limit of [1, 2, 3]) await bounded.firstPage(access, ANA, limit);
    assert.equal(bounded.size, 2);
    const uncached = new FeedPageCache(store);
    const bytes = await uncached.firstPage({ ...access, sideVersion: undefined }, ANA, 3);
    assert.equal(uncached.size, 0);
    assert.equal(new TextDecoder().decode(bytes), JSON.stringify(await store.feedPage({ group: GROUP, viewer: ANA, limit: 3 })));
  });

  it('forgets the least recently read page first, reading the newest again included', async () => {
    const store = org.server.store;
    let reads = 0;
    const counting = new Proxy(store, {
      get(target, name) {
        if (name === 'sharedFeedPage') return (...args: Parameters<typeof store.sharedFeedPage>) => (reads++, target.sharedFeedPage(...args));
        const value = Reflect.get(target, name);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const access = (await store.groupAccess(GROUP, ANA))!;
    const cache = new FeedPageCache(counting, { maxPages: 2 });
    for (const limit of [1, 2, 1, 1, 3]) await cache.firstPage(access, ANA, limit); // 3 evicts 2
    assert.equal(reads, 3);
    await cache.firstPage(access, ANA, 1);
    await cache.firstPage(access, ANA, 3);
    assert.equal(reads, 3, 'pages 1 and 3 are kept');
    await cache.firstPage(access, ANA, 2);
    assert.equal(reads, 4, 'page 2 was forgotten');
  });

  it('shows a new post on the very next read', async () => {
    await read(ana, ANA);
    await post(bob, 'fresh from Bob');
    assert.equal((await read(ana, ANA)).page.posts[0].text, 'fresh from Bob');
  });

  it('shows a reply on the very next read', async () => {
    const { page } = await read(ana, ANA);
    const target = page.posts[0].id as string;
    const response = await fetch(`${org.url}/api/groups/${GROUP}/posts/${target}/replies`, { method: 'POST', headers: bob, body: JSON.stringify({ text: 'a reply' }) });
    assert.equal(response.status, 201);
    const replies = (await read(ana, ANA)).page.posts[0].replies;
    assert.deepEqual(replies.map((reply: any) => reply.text), ['a reply']);
  });

  it('shows a reaction on the very next read, as mine only to whoever gave it', async () => {
    const { page } = await read(ana, ANA);
    const target = page.posts[0].id as string;
    const react = (on: boolean) =>
      fetch(`${org.url}/api/groups/${GROUP}/posts/${target}/reactions`, { method: 'POST', headers: bob, body: JSON.stringify({ emoji: '👍', on }) });
    assert.equal((await react(true)).status, 200);
    assert.deepEqual((await read(ana, ANA)).page.posts[0].reactions, [{ emoji: '👍', count: 1, mine: false }]);
    assert.deepEqual((await read(bob, BOB)).page.posts[0].reactions, [{ emoji: '👍', count: 1, mine: true }]);
    assert.equal((await react(false)).status, 200);
    assert.deepEqual((await read(bob, BOB)).page.posts[0].reactions, []);
    assert.deepEqual((await read(ana, ANA)).page.posts[0].reactions, []);
  });

  it('shows a name changed by the host app (embed token) on the very next read', async () => {
    await read(ana, ANA);
    const renamed = { Authorization: `Bearer ${await org.token(BOB, { name: 'Robert' })}` };
    assert.equal((await fetch(`${org.url}/api/me`, { headers: renamed })).status, 200);
    const { page } = await read(ana, ANA);
    assert.equal(page.posts.find((p: any) => p.author.id === BOB).author.name, 'Robert');
  });

  it('shows a name changed by another process writing the same database file on the very next read', async () => {
    await read(ana, ANA);
    // What `mutual person add` does from the CLI while the server runs: another connection.
    const other = await openSqliteStore(file);
    try {
      await other.upsertPerson({ id: BOB, name: 'Bobby', organisation: 'seller.test' });
    } finally {
      await other.close();
    }
    const { page } = await read(ana, ANA);
    assert.equal(page.posts.find((p: any) => p.author.id === BOB).author.name, 'Bobby');
  });

  it('refuses a member removed by another process writing the same database file on the very next read', async () => {
    const carl = { Authorization: `Bearer ${await org.token(CARL)}` };
    assert.equal((await read(carl, CARL)).status, 200);
    const other = await openSqliteStore(file);
    try {
      await other.append({ space: 'acme', group: GROUP, type: 'member.removed', author: ANA, at: new Date().toISOString(), body: { person: CARL } });
    } finally {
      await other.close();
    }
    assert.equal((await read(carl, CARL)).status, 403);
    assert.equal((await read(ana, ANA)).status, 200);
  });

  it('refuses a removed member on the very next read', async () => {
    assert.equal((await read(bob, BOB)).status, 200);
    await org.admin.removeMember(GROUP, BOB);
    const refused = await read(bob, BOB);
    assert.equal(refused.status, 403);
    assert.equal(refused.page.code, 'not_a_member');
    assert.equal((await read(ana, ANA)).status, 200);
  });
});
