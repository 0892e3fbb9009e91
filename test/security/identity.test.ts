// Who may speak for whom: a hostile peer lying about authors, about host names, about people,
// about membership; and what a server with no member in a group may ask for.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ANA, backfillPath, DEAL, EVE, eveClaimFor, hostileHome, SAM, startHostileSetup, type HostileSetup } from './support/hostile-setup.js';

describe('identity: a hostile peer speaking for others', () => {
  let s: HostileSetup;
  const proof = `${DEAL}.proof`;
  let eveClaim: string;

  before(async () => {
    s = await startHostileSetup();
    eveClaim = await eveClaimFor(s, proof);
  });
  after(() => s?.close());

  const submit = (author: string, text: string, claim = eveClaim, group = proof) =>
    s.hostile.send(s.seller, {
      path: `/federation/v1/groups/${group}/submit`,
      body: {
        writes: [{ draft: { space: DEAL, group, type: 'post', author, at: new Date().toISOString(), body: { text } }, claim, author: { id: author, name: 'X', organisation: author.split('@')[1] } }],
      },
    });

  it('accepts Eve’s own write with her claim (the control case)', async () => {
    const answer = await submit(EVE, 'a fair finding');
    assert.equal(answer.status, 200);
    assert.ok(answer.body.results[0].seq > 0, JSON.stringify(answer.body));
  });

  it('refuses a write authored by a person of another server, even with a valid claim', async () => {
    const answer = await submit(SAM, 'Discount approved (forged)');
    assert.equal(answer.body.results[0].error.code, 'forbidden');
  });

  it('refuses host names that only look like the peer’s or the receiver’s: case, trailing dot, IDN look-alike (schema, 400)', async () => {
    for (const author of ['eve@HOSTILE.test', 'eve@hostile.test.', 'eve@hоstile.test' /* Cyrillic о */, 'sam@Seller.test', 'sam@seller.test.']) {
      const before = s.digest();
      const answer = await submit(author, 'look-alike');
      assert.equal(answer.status, 400, author);
      assert.equal(answer.body.code, 'invalid_request', author);
      const { seen_requests: _a, ...rest } = s.digest();
      const { seen_requests: _b, ...was } = before;
      assert.deepEqual(rest, was, author);
    }
  });

  it('refuses well-formed host names that are not the peer’s: a suffix, a prefix, punycode (403 per write)', async () => {
    for (const author of ['eve@hostile.test.seller.test', 'eve@evilhostile.test', 'eve@xn--hstile-4ve.test', 'eve@test']) {
      const answer = await submit(author, 'another domain');
      assert.equal(answer.status, 200, author);
      assert.equal(answer.body.results[0].error.code, 'forbidden', author);
    }
  });

  it('cannot peer under the receiver’s own domain, a look-alike of it, or a peer’s domain with a new origin', async () => {
    for (const [domain, status] of [['seller.test', 409], ['Seller.test', 400], ['seller.test.', 400], ['hostile.test', 409]] as const) {
      const answer = await s.hostile.peerWith(s.seller, { domain, origin: 'http://127.0.0.1:7' });
      assert.equal(answer.status, status, `${domain}: ${JSON.stringify(answer.body)}`);
    }
    assert.equal((await s.seller.server.store.peers.getPeer('hostile.test'))!.origin, s.hostile.origin, 'the pinned origin is untouched');
  });

  it('never lets a home rewrite the receiver’s own people, or profile a person under another organisation', async () => {
    const home = hostileHome(s);
    const answer = await home.deliver([await home.event(1, 'member.added', { person: SAM, role: 'member' })], {
      people: [
        { id: SAM, name: 'Sam (fired)', organisation: 'seller.test' },
        { id: 'mallory@seller-partner.test', name: 'Mallory', organisation: 'hostile.test' },
        { id: 'zoe@hostile.test', name: 'Zoe', organisation: 'hostile.test' },
      ],
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal((await s.seller.server.store.getPerson(SAM))!.name, 'Sam');
    assert.equal(await s.seller.server.store.getPerson('mallory@seller-partner.test'), undefined);
    assert.equal((await s.seller.server.store.getPerson('zoe@hostile.test'))!.name, 'Zoe');
  });

  it('lets a home fill in a third organisation’s person it relays, but never rename one already known', async () => {
    await s.seller.server.store.upsertPerson({ id: 'carol@partner.test', name: 'Carol', organisation: 'partner.test' });
    const home = hostileHome(s, `${DEAL}.hostile-profiles`);
    const answer = await home.deliver([await home.event(1, 'member.added', { person: SAM, role: 'member' })], {
      people: [
        { id: 'carol@partner.test', name: 'Carol (resigned)', organisation: 'partner.test' },
        { id: 'dan@partner.test', name: 'Dan', organisation: 'partner.test' },
        { id: 'zoe@hostile.test', name: 'Zoe Hostile', organisation: 'hostile.test' },
      ],
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal((await s.seller.server.store.getPerson('carol@partner.test'))!.name, 'Carol', 'a known person of a third organisation is not renamed');
    assert.equal((await s.seller.server.store.getPerson('dan@partner.test'))!.name, 'Dan', 'an unknown one is filled in');
    assert.equal((await s.seller.server.store.getPerson('zoe@hostile.test'))!.name, 'Zoe Hostile', 'its own people are its to describe');
  });

  it('never shows a reply or a reaction sealed in its own group under a post of another group', async () => {
    // Sam posts in the plan, which Eve reads: the hostile peer knows the post's id.
    const posted = await fetch(`${s.seller.url}/api/groups/${DEAL}.plan/posts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await s.seller.token(SAM)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'pricing call at 3' }),
    });
    assert.equal(posted.status, 201);
    const post = ((await posted.json()) as { id: string }).id;
    // In a group it homes, it seals a reply to that post and a reaction to it, in Ana's name.
    const home = hostileHome(s, `${DEAL}.hostile-threads`);
    const answer = await home.deliver([
      await home.event(1, 'member.added', { person: SAM, role: 'member' }),
      await home.event(2, 'reply', { parent: post, text: 'Ana here: we accept any price' }, ANA),
      await home.event(3, 'reaction', { target: post, emoji: '👎', on: true }, ANA),
    ]);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal((await s.seller.server.store.sealedAfter(home.group.id, 0, 10)).length, 3, 'the events are in the group’s log');

    const feed = await fetch(`${s.seller.url}/api/groups/${DEAL}.plan/posts`, { headers: { Authorization: `Bearer ${await s.seller.token(SAM)}` } });
    const page = (await feed.json()) as { posts: Array<{ id: string; replies: unknown[]; reactions: unknown[] }> };
    const shown = page.posts.find((entry) => entry.id === post)!;
    assert.deepEqual(shown.replies, [], 'a reply from another group shows under the post');
    assert.deepEqual(shown.reactions, [], 'a reaction from another group counts on the post');
  });

  it('refuses a home-only event type from a member server (it cannot add or remove members)', async () => {
    const answer = await s.hostile.send(s.seller, {
      path: `/federation/v1/groups/${proof}/submit`,
      body: { writes: [{ draft: { space: DEAL, group: proof, type: 'member.added', author: EVE, at: new Date().toISOString(), body: { person: 'zoe@hostile.test', role: 'lead' } }, claim: eveClaim, author: { id: EVE, name: 'Eve', organisation: 'hostile.test' } }] },
    });
    assert.equal(answer.body.results[0].error.code, 'forbidden');
    assert.equal(await s.seller.server.store.getRole(proof, 'zoe@hostile.test'), undefined);
  });

  it('refuses a task given to someone outside the group, created or changed by a member server', async () => {
    const write = (type: 'task.created' | 'task.updated', body: object) =>
      s.hostile.send(s.seller, {
        path: `/federation/v1/groups/${proof}/submit`,
        body: { writes: [{ draft: { space: DEAL, group: proof, type, author: EVE, at: new Date().toISOString(), body }, claim: eveClaim, author: { id: EVE, name: 'Eve', organisation: 'hostile.test' } }] },
      });
    const outsider = await write('task.created', { task: 'handed-out', title: 'Owned from outside', status: 'todo', owner: 'zoe@hostile.test' });
    assert.equal(outsider.body.results[0].error?.code, 'invalid_request', JSON.stringify(outsider.body));
    assert.equal(await s.seller.server.store.getTask(proof, 'handed-out'), undefined);
    const own = await write('task.created', { task: 'eves', title: 'Owned by a member', status: 'todo', owner: EVE });
    assert.ok(own.body.results[0].seq > 0, JSON.stringify(own.body));
    const moved = await write('task.updated', { task: 'eves', changes: { owner: 'zoe@hostile.test' } });
    assert.equal(moved.body.results[0].error?.code, 'invalid_request', JSON.stringify(moved.body));
    assert.equal((await s.seller.server.store.getTask(proof, 'eves'))?.owner, EVE);
  });

  it('answers a server with no member the same 403 for events, backfill and state, whatever the group', async () => {
    for (const group of [`${DEAL}.steering`, `${DEAL}.contract`, `${DEAL}.internal`, `${DEAL}.no-such-group`, 'other-space.plan']) {
      for (const path of [backfillPath(group), `/federation/v1/groups/${group}/claims`]) {
        const answer = await s.hostile.send(s.seller, { path });
        assert.equal(answer.status, 403, path);
        assert.equal(answer.body.code, 'not_a_member', path);
      }
    }
  });

  it('refuses a removed person’s write though her claim has not expired, and serves her server nothing after the removal', async () => {
    await s.seller.admin.removeMember(proof, EVE);
    const removedAt = await s.seller.server.store.lastSeq(proof);
    const answer = await submit(EVE, 'after my removal');
    assert.equal(answer.body.results[0].error.code, 'not_a_member');
    await s.seller.admin.addMember(proof, 'ana@seller.test');
    // Backfill reads up to the removal (what her server was entitled to), never past it.
    const backfill = await s.hostile.send(s.seller, { path: `/federation/v1/groups/${proof}/events?after=0&limit=500` });
    assert.equal(backfill.status, 200);
    assert.equal(backfill.body.last, removedAt);
    assert.deepEqual(backfill.body.events.map((e: { event: { seq: number } }) => e.event.seq).at(-1), removedAt);
    assert.equal((await s.hostile.send(s.seller, { path: `/federation/v1/groups/${proof}/events?after=${removedAt}&limit=500` })).body.events.length, 0);
    assert.equal((await s.hostile.send(s.seller, { path: `/federation/v1/groups/${proof}/claims` })).status, 403, 'no claims without a current member');
    const posts = await s.seller.server.store.feedPage({ group: proof, viewer: SAM, limit: 50 });
    assert.ok(!JSON.stringify(posts).includes('after my removal'));
  });
});
