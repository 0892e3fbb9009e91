// The demo seed on two real, peered servers: everything lands where it should, each side holds
// what its people may see, and nothing of either side's internal group reaches the other.
//   node --conditions=source --import tsx --test examples/seed/apply-seed.test.ts
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestOrganisation, type TestOrganisation } from '@mutual/server/testing';
import type { StoredEvent } from '@mutual/server';
import { applySeed, type SeedOrganisation, type SeedSummary } from './apply-seed.js';
import { EVALUATION, PEOPLE, type SeedPost } from './evaluation.js';

const SPACE = EVALUATION.space.id;
const groupId = (slug: string) => `${SPACE}.${slug}`;
const DAY = 86_400_000;

const seedOrganisation = (org: TestOrganisation): SeedOrganisation => ({
  domain: org.domain,
  admin: org.admin,
  writer: org.server.writer,
  store: org.server.store,
});

/** Waits until no server has anything left to send and no replica waits on a gap. */
async function settle(orgs: TestOrganisation[], timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = (await Promise.all(orgs.map((org) => org.server.store.outbox.pending()))).flat();
    if (pending.length === 0) {
      for (const org of orgs) await org.server.federation.deps.backfiller.idle();
      return;
    }
    if (Date.now() > deadline) throw new Error(`${pending.length} outbox item(s) still pending`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Every event of the given groups in an organisation's store, oldest first. */
async function allEvents(org: TestOrganisation, groups: string[]): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let cursor = 0; ; ) {
    const page = await org.server.store.eventsAfter(groups, cursor, 500);
    if (page.length === 0) return events;
    events.push(...page);
    cursor = page.at(-1)!.cursor;
  }
}

async function api(org: TestOrganisation, person: string, path: string) {
  const response = await fetch(`${org.url}/api${path}`, { headers: { Authorization: `Bearer ${await org.token(person)}` } });
  return { status: response.status, body: (await response.json()) as any };
}

const textsOf = (posts: SeedPost[]) => posts.flatMap((post) => [post.text, ...(post.replies ?? []).map((reply) => reply.text)]);
const membersOf = (slug: string) => EVALUATION.groups.find((group) => group.slug === slug)!.members.map((m) => m.person);
const domainOf = (person: string) => person.slice(person.indexOf('@') + 1);

describe('the evaluation data', () => {
  it('is written by members, in their group, in the story’s order', () => {
    for (const post of EVALUATION.posts) {
      const members = membersOf(post.group);
      assert.ok(members.includes(post.author), `${post.author} posts in ${post.group}`);
      for (const reply of post.replies ?? []) assert.ok(members.includes(reply.author), `${reply.author} replies in ${post.group}`);
      for (const [author, reactions] of [[post.author, post.reactions ?? []], ...(post.replies ?? []).map((reply) => [reply.author, reply.reactions ?? []] as const)] as const) {
        for (const r of reactions) {
          assert.ok(members.includes(r.by), `${r.by} reacts in ${post.group}`);
          assert.notEqual(r.by, author, 'nobody reacts to their own words');
        }
        assert.equal(new Set(reactions.map((r) => `${r.by} ${r.emoji}`)).size, reactions.length, 'each reaction once');
      }
    }
    for (const task of EVALUATION.tasks) assert.ok(membersOf(task.group).includes(task.owner), `${task.owner} owns ${task.id} in ${task.group}`);
    for (const milestone of EVALUATION.milestones) assert.ok(membersOf(milestone.group).includes(milestone.setBy));
    const when = EVALUATION.posts.map((post) => post.at.day * 24 + post.at.hour);
    assert.deepEqual(when, [...when].sort((a, b) => a - b), 'posts are oldest first');
    assert.equal(new Set(EVALUATION.tasks.map((task) => task.id)).size, EVALUATION.tasks.length, 'task ids are unique');
  });

  it('keeps internal groups to one organisation and the secrets inside them', () => {
    for (const group of EVALUATION.groups.filter((g) => g.kind === 'internal')) {
      const domain = group.home === 'seller' ? EVALUATION.seller.domain : EVALUATION.buyer.domain;
      for (const person of membersOf(group.slug)) assert.equal(domainOf(person), domain, `${person} in ${group.slug}`);
    }
    const shared = textsOf(EVALUATION.posts.filter((post) => post.group !== 'internal' && post.group !== 'committee'));
    const internal = textsOf(EVALUATION.posts.filter((post) => post.group === 'internal')).join('\n');
    const committee = textsOf(EVALUATION.posts.filter((post) => post.group === 'committee')).join('\n');
    for (const secret of EVALUATION.secrets.seller) {
      assert.ok(internal.includes(secret), `"${secret}" is in the deal-team group`);
      for (const text of shared) assert.ok(!text.includes(secret), `"${secret}" leaks in "${text}"`);
    }
    for (const secret of EVALUATION.secrets.buyer) {
      assert.ok(committee.includes(secret), `"${secret}" is in the committee`);
      for (const text of shared) assert.ok(!text.includes(secret), `"${secret}" leaks in "${text}"`);
    }
    // Not even the figures.
    for (const text of shared) for (const figure of ['298', '336', '340', '290 k']) assert.ok(!text.includes(figure), `"${figure}" in "${text}"`);
  });
});

describe('applySeed on two peered organisations', () => {
  let folder: string;
  let seller: TestOrganisation;
  let buyer: TestOrganisation;
  let summary: SeedSummary;
  const now = Date.now();
  const today = new Date(now).toISOString().slice(0, 10);

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'mutual-seed-'));
    seller = await startTestOrganisation({ domain: 'seller.example', name: 'Contoso Software', databaseFile: join(folder, 'seller.db') });
    buyer = await startTestOrganisation({ domain: 'buyer.example', name: 'Northwind Manufacturing', databaseFile: join(folder, 'buyer.db') });
    await seller.peerWith(buyer);
    summary = await applySeed(seedOrganisation(seller), seedOrganisation(buyer), { now });
    console.log(`applySeed: ${JSON.stringify(summary)}`);
    await settle([seller, buyer]);
  });
  after(async () => {
    await Promise.allSettled([seller?.close(), buyer?.close()]);
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('adds at least twelve people, each known by name on both sides', async () => {
    assert.ok(summary.people >= 12);
    assert.equal(summary.people, EVALUATION.seller.people.length + EVALUATION.buyer.people.length);
    for (const person of [...EVALUATION.seller.people, ...EVALUATION.buyer.people]) {
      for (const org of [seller, buyer]) {
        const known = await org.server.store.getPerson(person.id);
        assert.equal(known?.name, person.name, `${org.domain} knows ${person.id} as ${person.name}`);
      }
    }
    assert.equal((await buyer.server.store.getPerson(PEOPLE.dana))?.title, 'Head of operations');
  });

  it('puts each group on the right servers: the deal team on the seller’s only, the committee on the buyer’s only', async () => {
    const onSeller = (await seller.server.store.listGroups(SPACE)).map((g) => g.id).sort();
    const onBuyer = (await buyer.server.store.listGroups(SPACE)).map((g) => g.id).sort();
    const shared = EVALUATION.groups.filter((g) => g.kind !== 'internal').map((g) => groupId(g.slug));
    assert.deepEqual(onSeller, [...shared, groupId('internal')].sort());
    assert.deepEqual(onBuyer, [...shared, groupId('committee')].sort());
    assert.equal((await buyer.server.store.getGroup(groupId('committee')))?.home, 'buyer.example');
    assert.equal((await buyer.server.store.getGroup(groupId('committee')))?.kind, 'internal');
    assert.equal((await seller.server.store.getGroup(groupId('internal')))?.home, 'seller.example');
    for (const group of EVALUATION.groups) {
      const home = group.home === 'seller' ? seller : buyer;
      const members = (await home.server.store.listMembers(groupId(group.slug))).map((m) => `${m.id}:${m.role}`).sort();
      assert.deepEqual(members, group.members.map((m) => `${m.person}:${m.role}`).sort(), `members of ${group.slug}`);
    }
  });

  it('shows Alice the whole plan through the seller’s API, with the due dates relative to today', async () => {
    const visible = EVALUATION.tasks.filter((task) => membersOf(task.group).includes(PEOPLE.alice));
    const answer = await api(seller, PEOPLE.alice, `/spaces/${SPACE}/tasks`);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.tasks.length, visible.length);
    assert.equal(summary.tasks, EVALUATION.tasks.length);
    const byId = new Map<string, any>(answer.body.tasks.map((task: any) => [task.id, task]));
    for (const task of visible) {
      const got = byId.get(task.id);
      assert.ok(got, `task ${task.id}`);
      assert.equal(got.status, task.status);
      assert.equal(got.owner, task.owner);
      assert.equal(got.due, new Date(now + task.due * DAY).toISOString().slice(0, 10));
    }
    assert.equal(answer.body.milestones.length, EVALUATION.milestones.length);
    // Buyer-written tasks went through the buyer's server.
    assert.equal(byId.get('proof-02').createdBy, PEOPLE.ivan);
  });

  it('gives the decider a cockpit with overdue and blocked work', async () => {
    const answer = await api(buyer, PEOPLE.dana, `/spaces/${SPACE}/cockpit`);
    assert.equal(answer.status, 200);
    const visible = EVALUATION.tasks.filter((task) => membersOf(task.group).includes(PEOPLE.dana));
    const overdue = visible.filter((task) => task.status !== 'done' && task.due < 0);
    const blocked = visible.filter((task) => task.status === 'blocked');
    if (answer.body.today === today) assert.equal(answer.body.overdue.length, overdue.length);
    assert.equal(answer.body.blocked.length, blocked.length);
    assert.equal(answer.body.daysToDecision, EVALUATION.space.decisionInDays);
    const seen = await api(seller, PEOPLE.alice, `/spaces/${SPACE}/cockpit`);
    assert.ok(seen.body.overdue.length >= 5, 'several overdue tasks');
    assert.ok(seen.body.blocked.length >= 2, 'a few blocked tasks');
  });

  it('has the same feed on both servers for every shared group, in the story’s order', async () => {
    for (const group of EVALUATION.groups) {
      const expected = EVALUATION.posts.filter((post) => post.group === group.slug);
      const holders = group.kind === 'internal' ? [group.home === 'seller' ? seller : buyer] : [seller, buyer];
      for (const org of holders) {
        const viewer = group.members.find((m) => domainOf(m.person) === org.domain)!.person;
        const page = await org.server.store.feedPage({ group: groupId(group.slug), viewer, limit: 1000 });
        assert.equal(page.posts.length, expected.length, `${group.slug} on ${org.domain}`);
        // Newest first in the feed.
        assert.deepEqual(
          page.posts.map((post) => post.text).reverse(),
          expected.map((post) => post.text),
          `${group.slug} on ${org.domain} in order`,
        );
        const replies = page.posts.map((post) => post.replies.map((reply) => reply.text)).reverse();
        assert.deepEqual(replies, expected.map((post) => (post.replies ?? []).map((reply) => reply.text)), `threads of ${group.slug}`);
        const reactions = page.posts.reduce((sum, post) => sum + [post, ...post.replies].reduce((s, entry) => s + entry.reactions.reduce((n, r) => n + r.count, 0), 0), 0);
        const expectedReactions = expected.reduce((sum, post) => sum + (post.reactions?.length ?? 0) + (post.replies ?? []).reduce((n, reply) => n + (reply.reactions?.length ?? 0), 0), 0);
        assert.equal(reactions, expectedReactions, `reactions in ${group.slug} on ${org.domain}`);
      }
    }
    assert.equal(summary.posts, EVALUATION.posts.length);
  });

  it('shows a French post from Lyon to the seller, marked with its organisation', async () => {
    const french = EVALUATION.posts.find((post) => post.lang === 'fr' && post.author === PEOPLE.nadia && post.group === 'proof')!;
    const page = await seller.server.store.feedPage({ group: groupId('proof'), viewer: PEOPLE.sam, limit: 1000 });
    const found = page.posts.find((post) => post.text === french.text);
    assert.ok(found, 'the French post is on the seller');
    assert.equal(found.author.organisation, 'buyer.example');
    assert.equal(found.author.name, 'Nadia Benali');
    assert.ok(EVALUATION.posts.filter((post) => post.lang === 'fr').length >= 25, 'plenty of French');
  });

  it('keeps the deal team’s texts out of the buyer’s database and the committee’s out of the seller’s', async () => {
    const internal = textsOf(EVALUATION.posts.filter((post) => post.group === 'internal'));
    const committee = textsOf(EVALUATION.posts.filter((post) => post.group === 'committee'));
    for (const [org, forbidden, secrets] of [
      [buyer, internal, EVALUATION.secrets.seller],
      [seller, committee, EVALUATION.secrets.buyer],
    ] as const) {
      const known = [...(await org.server.store.listGroups(SPACE)).map((g) => g.id), groupId('internal'), groupId('committee')];
      const stored = (await allEvents(org, known)).map(({ event }) => JSON.stringify(event));
      assert.ok(stored.length > 200, `${org.domain} holds the evaluation`);
      for (const text of forbidden) assert.ok(!stored.some((event) => event.includes(JSON.stringify(text).slice(1, -1))), `${org.domain} holds "${text}"`);
      // And not anywhere in the files, not even in a table nobody thought of.
      const file = join(folder, `${org === seller ? 'seller' : 'buyer'}.db`);
      const bytes = readFileSync(file).toString('utf8') + (existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).toString('utf8') : '');
      for (const secret of secrets) assert.ok(!bytes.includes(secret), `${file} contains "${secret}"`);
      for (const text of forbidden) assert.ok(!bytes.includes(text.slice(0, 60)), `${file} contains "${text.slice(0, 60)}"`);
    }
    // The homes do hold them.
    const sellerBytes = readFileSync(join(folder, 'seller.db')).toString('utf8') + (existsSync(join(folder, 'seller.db-wal')) ? readFileSync(join(folder, 'seller.db-wal')).toString('utf8') : '');
    assert.ok(sellerBytes.includes(EVALUATION.secrets.seller[0]!), 'the seller holds its own floor');
  });
});
