// Property: for random evaluations — groups of every kind homed by the seller or the buyer, people of
// three organisations joining, leaving and writing — every read path of every server holds exactly
// what membership allows: the client API (space, feed, board, space-wide plan, cockpit, live
// stream; there is no search), the federation API, and the rows of each server's own database.
//
// One set of three servers serves every history; each history gets a fresh space. Runs:
// MUTUAL_FC_RUNS (default 200). Replay a failure with MUTUAL_FC_SEED=<seed printed on failure>
// (and MUTUAL_FC_PATH=<path> to go straight to the shrunk case).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { domainOf, signServerRequest, type GroupEvent } from '@mutual/protocol';
import { startTestOrganisation, type TestOrganisation } from '@mutual/server/testing';
import { SseClient } from '@mutual/server/testing/sse-client';
import { groupsInDatabase } from '../support/database.js';
import { settle } from '../support/federation-fixture.js';

const RUNS = Number(process.env.MUTUAL_FC_RUNS ?? 200);
const SEED = process.env.MUTUAL_FC_SEED === undefined ? undefined : Number(process.env.MUTUAL_FC_SEED);
const PATH = process.env.MUTUAL_FC_PATH;

const PEOPLE = ['s0@seller.test', 's1@seller.test', 's2@seller.test', 'b0@buyer.test', 'b1@buyer.test', 'p0@partner.test'] as const;
type Person = (typeof PEOPLE)[number];
const KINDS = ['plan', 'steering', 'workstream', 'internal'] as const;
type Kind = (typeof KINDS)[number];
const ROLES = ['lead', 'member', 'observer'] as const;

interface GroupSpec {
  kind: Kind;
  /** The buyer homes it (a workstream of the buyer's making) instead of the seller. */
  buyerHomed: boolean;
}
type Action =
  | { type: 'add'; group: number; person: Person; role: (typeof ROLES)[number] }
  | { type: 'remove'; group: number; person: Person }
  | { type: 'post'; group: number; person: Person }
  | { type: 'task'; group: number; person: Person; blocked: boolean };

const historyArbitrary = fc.record({
  groups: fc.array(fc.record({ kind: fc.constantFrom(...KINDS), buyerHomed: fc.boolean() }), { minLength: 1, maxLength: 4 }),
  actions: fc.array(
    fc.oneof(
      { weight: 4, arbitrary: fc.record({ type: fc.constant('add' as const), group: fc.nat(3), person: fc.constantFrom(...PEOPLE), role: fc.constantFrom(...ROLES) }) },
      { weight: 2, arbitrary: fc.record({ type: fc.constant('remove' as const), group: fc.nat(3), person: fc.constantFrom(...PEOPLE) }) },
      { weight: 2, arbitrary: fc.record({ type: fc.constant('post' as const), group: fc.nat(3), person: fc.constantFrom(...PEOPLE) }) },
      { weight: 1, arbitrary: fc.record({ type: fc.constant('task' as const), group: fc.nat(3), person: fc.constantFrom(...PEOPLE), blocked: fc.boolean() }) },
    ),
    { minLength: 1, maxLength: 12 },
  ),
});

describe('watertight: every read path holds exactly what membership allows (property)', () => {
  let folder: string;
  const orgs: Record<string, TestOrganisation> = {};
  const files: Record<string, string> = {};
  const tokens = new Map<string, { token: string; until: number }>();
  let history = 0;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'mutual-watertight-'));
    for (const domain of ['seller.test', 'buyer.test', 'partner.test']) {
      files[domain] = join(folder, `${domain}.db`);
      orgs[domain] = await startTestOrganisation({ domain, databaseFile: files[domain] });
    }
    await orgs['seller.test']!.peerWith(orgs['buyer.test']!);
    await orgs['seller.test']!.peerWith(orgs['partner.test']!);
    for (const person of PEOPLE) await orgs[domainOf(person)]!.admin.addPerson({ id: person, name: person.split('@')[0]! });
  });
  after(async () => {
    await Promise.allSettled(Object.values(orgs).map((org) => org.close()));
    rmSync(folder, { recursive: true, force: true });
  });

  async function api(person: Person, method: string, path: string, body?: unknown) {
    const org = orgs[domainOf(person)]!;
    let cached = tokens.get(person);
    if (!cached || cached.until < Date.now()) {
      cached = { token: await org.token(person), until: Date.now() + 120_000 };
      tokens.set(person, cached);
    }
    const response = await fetch(`${org.url}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${cached.token}`, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  /** A signed backfill request from one real server to another, as its federation client makes. */
  async function backfillAs(from: string, home: string, group: string) {
    const path = `/federation/v1/groups/${group}/events?after=0&limit=500`;
    const token = await signServerRequest({
      issuer: orgs[from]!.url,
      audience: orgs[home]!.url,
      method: 'GET',
      path,
      body: '',
      key: await orgs[from]!.server.federation.deps.keys.signingKey(),
    });
    const response = await fetch(`${orgs[home]!.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as { events?: Array<{ event: GroupEvent }> } };
  }

  async function runHistory({ groups: specs, actions }: { groups: GroupSpec[]; actions: Action[] }) {
    history++;
    const space = `h${history}-${Math.random().toString(36).slice(2, 8)}`;
    const seller = orgs['seller.test']!;
    const buyer = orgs['buyer.test']!;
    await seller.admin.createSpace({ id: space, name: `History ${history}`, buyer: 'buyer.test', standardGroups: false });

    // The groups: seller-homed first (so the buyer learns of the space), buyer-homed once it has.
    const groups: Array<{ id: string; kind: Kind; home: string }> = [];
    for (const [i, spec] of specs.entries()) {
      const kind = spec.buyerHomed && spec.kind === 'plan' ? 'workstream' : spec.kind;
      const home = spec.buyerHomed ? 'buyer.test' : 'seller.test';
      groups.push({ id: `${space}.g${i}`, kind, home });
    }
    const created = new Set<string>();
    const ensureGroup = async (index: number) => {
      const group = groups[index]!;
      if (created.has(group.id)) return true;
      const org = orgs[group.home]!;
      if (!(await org.server.store.getSpace(space))) return false;
      await org.admin.createGroup({ id: group.id, space, kind: group.kind, name: `Group ${index}`, ...(group.kind === 'workstream' && { workstream: `ws${index}` }) });
      created.add(group.id);
      return true;
    };

    // The model: who is in which group now, what was written where.
    const members = new Map<string, Map<Person, string>>();
    const posts = new Map<string, string[]>();
    const tasks = new Map<string, Array<{ title: string; blocked: boolean }>>();
    for (const group of groups) {
      members.set(group.id, new Map());
      posts.set(group.id, []);
      tasks.set(group.id, []);
    }
    let n = 0;
    for (const action of actions) {
      const index = action.group % groups.length;
      const group = groups[index]!;
      if (!(await ensureGroup(index))) continue; // the buyer does not know the space yet
      const inGroup = members.get(group.id)!;
      const foreign = domainOf(action.person) !== group.home;
      const admin = orgs[group.home]!.admin;
      if (action.type === 'add') {
        // Internal groups hold the home's people only; the buyer is peered with the seller only.
        const refused = (group.kind === 'internal' && foreign) || (group.home === 'buyer.test' && domainOf(action.person) === 'partner.test');
        if (refused) {
          await assert.rejects(admin.addMember(group.id, action.person, action.role));
          continue;
        }
        await admin.addMember(group.id, action.person, action.role);
        inGroup.set(action.person, action.role);
      } else if (action.type === 'remove') {
        if (!inGroup.has(action.person)) continue;
        await admin.removeMember(group.id, action.person);
        inGroup.delete(action.person);
      } else {
        // A write waits until the writer's own server knows of the group, as a real client would.
        await settle(Object.values(orgs));
        const role = inGroup.get(action.person);
        const allowed = role !== undefined && role !== 'observer';
        const text = `${action.type} ${++n} in ${group.id} by ${action.person}`;
        const answer =
          action.type === 'post'
            ? await api(action.person, 'POST', `/groups/${group.id}/posts`, { text })
            : await api(action.person, 'POST', `/groups/${group.id}/tasks`, { title: text, status: action.blocked ? 'blocked' : 'todo' });
        if (allowed) {
          assert.ok(answer.status === 201 || answer.status === 202, `${text}: ${answer.status} ${JSON.stringify(answer.body)}`);
          // A queued (202) write is placed only if the writer is still a member when the home
          // decides: let it arrive before membership changes again, so the model stays exact.
          if (answer.status === 202) await settle(Object.values(orgs));
          if (action.type === 'post') posts.get(group.id)!.push(text);
          else tasks.get(group.id)!.push({ title: text, blocked: action.blocked });
        } else {
          assert.ok(answer.status === 403, `${text} by a ${role ?? 'non-member'}: ${answer.status}`);
        }
      }
    }
    await settle(Object.values(orgs));

    const existing = groups.filter((g) => created.has(g.id));
    const groupsOf = (person: Person) => existing.filter((g) => members.get(g.id)!.has(person));

    // Client API, for every person.
    for (const person of PEOPLE) {
      const mine = groupsOf(person);
      const spaceAnswer = await api(person, 'GET', `/spaces/${space}`);
      if (mine.length === 0) {
        assert.equal(spaceAnswer.status, 403, `${person} sees a space they are in no group of`);
      } else {
        assert.equal(spaceAnswer.status, 200, `${person}: ${JSON.stringify(spaceAnswer.body)}`);
        assert.deepEqual(spaceAnswer.body.groups.map((g: { id: string }) => g.id).sort(), mine.map((g) => g.id).sort(), `${person}'s groups`);
      }
      for (const group of existing) {
        const feed = await api(person, 'GET', `/groups/${group.id}/posts?limit=100`);
        if (!members.get(group.id)!.has(person)) {
          assert.equal(feed.status, 403, `${person} reads ${group.id} without being in it`);
          continue;
        }
        assert.equal(feed.status, 200, `${person} in ${group.id}: ${JSON.stringify(feed.body)}`);
        assert.deepEqual(feed.body.posts.map((p: { text: string }) => p.text).sort(), [...posts.get(group.id)!].sort(), `${person}'s feed of ${group.id}`);
      }
      // The board of each group: the same rule.
      for (const group of existing) {
        const board = await api(person, 'GET', `/groups/${group.id}/tasks`);
        if (!members.get(group.id)!.has(person)) assert.equal(board.status, 403, `${person} reads the board of ${group.id}`);
        else assert.deepEqual(board.body.tasks.map((t: { title: string }) => t.title).sort(), tasks.get(group.id)!.map((t) => t.title).sort(), `${person}'s board of ${group.id}`);
      }
      const plan = await api(person, 'GET', `/spaces/${space}/tasks`);
      if (mine.length > 0) {
        const expected = mine.flatMap((g) => tasks.get(g.id)!.map((t) => t.title)).sort();
        assert.deepEqual(plan.body.tasks.map((t: { title: string }) => t.title).sort(), expected, `${person}'s plan`);
        // The plan names the members of the reader's groups, and of no other group.
        assert.deepEqual(Object.keys(plan.body.members).sort(), mine.map((g) => g.id).sort(), `${person}'s plan: members of which groups`);
        for (const g of mine) {
          const listed = plan.body.members[g.id].map((m: { id: string }) => m.id).sort();
          assert.deepEqual(listed, [...members.get(g.id)!.keys()].sort(), `${person}'s plan: members of ${g.id}`);
        }
      } else assert.equal(plan.status, 403);
      const cockpit = await api(person, 'GET', `/spaces/${space}/cockpit`);
      if (!mine.some((g) => g.kind === 'steering')) {
        assert.equal(cockpit.status, 403, `${person} opens the cockpit without being in steering`);
      } else {
        assert.equal(cockpit.status, 200);
        const blocked = mine.flatMap((g) => tasks.get(g.id)!.filter((t) => t.blocked).map((t) => t.title)).sort();
        assert.deepEqual(cockpit.body.blocked.map((t: { title: string }) => t.title).sort(), blocked, `${person}'s cockpit: blocked tasks`);
        const visiblePeople = new Set(mine.flatMap((g) => [...members.get(g.id)!.keys()]));
        for (const someone of [...cockpit.body.engaged.map((e: { person: { id: string } }) => e.person.id), ...cockpit.body.silent.map((p: { id: string }) => p.id)]) {
          assert.ok(visiblePeople.has(someone) || someone.startsWith('admin@'), `${person}'s cockpit names ${someone}, who shares no group with them`);
        }
      }
    }

    // The live stream of one person (chosen by the history): from the start, exactly their groups' events.
    const reader = PEOPLE[history % PEOPLE.length]!;
    const readerGroups = groupsOf(reader);
    if (readerGroups.length > 0) {
      const org = orgs[domainOf(reader)]!;
      const stream = await SseClient.open(`${org.url}/api/spaces/${space}/stream`, { Authorization: `Bearer ${await org.token(reader)}`, 'Last-Event-ID': '0' });
      try {
        assert.equal(stream.status, 200);
        await stream.next((m) => m.event === 'ready');
        const seen = stream.groupEvents<{ event: GroupEvent }>().map(({ event }) => event.id).sort();
        const expected = (await org.server.store.eventsAfter(readerGroups.map((g) => g.id), 0, 10_000)).map(({ event }) => event.id).sort();
        assert.deepEqual(seen, expected, `${reader}'s stream`);
      } finally {
        await stream.close();
      }
    }

    // Federation and each server's own rows: a member server holds a prefix of the home's log,
    // up to the last event its people were in the group for; every other server holds nothing.
    for (const group of existing) {
      const home = orgs[group.home]!;
      const log = await home.server.store.sealedAfter(group.id, 0, 10_000);
      for (const domain of Object.keys(orgs)) {
        if (domain === group.home) continue;
        let cutoff = 0;
        const inside = new Set<string>();
        for (const { event } of log) {
          const was = inside.size > 0;
          if (event.type === 'member.added' && domainOf((event.body as { person: string }).person) === domain) inside.add((event.body as { person: string }).person);
          if (event.type === 'member.removed') inside.delete((event.body as { person: string }).person);
          if (was || inside.size > 0) cutoff = event.seq;
        }
        if (group.kind === 'internal') cutoff = 0;
        // The home answers a peer's backfill with exactly the events it is entitled to, or 403.
        const peered = domain === 'seller.test' || group.home === 'seller.test';
        if (peered) {
          const answer = await backfillAs(domain, group.home, group.id);
          assert.equal(answer.status, cutoff > 0 ? 200 : 403, `backfill of ${group.id} for ${domain}`);
          if (cutoff > 0) assert.deepEqual(answer.body.events!.map((e) => e.event.id), log.slice(0, cutoff).map((e) => e.event.id), `backfill of ${group.id} for ${domain}`);
        }
        const held = await orgs[domain]!.server.store.sealedAfter(group.id, 0, 10_000);
        assert.deepEqual(held.map((e) => e.event.id), log.slice(0, cutoff).map((e) => e.event.id), `${domain}'s copy of ${group.id}`);
        if (cutoff === 0) {
          for (const [table, ids] of groupsInDatabase(files[domain]!)) assert.ok(!ids.has(group.id), `${domain}'s ${table} holds rows of ${group.id}`);
        }
      }
    }
  }

  it(`holds for ${RUNS} random histories`, { timeout: 600_000 }, async () => {
    try {
      await fc.assert(fc.asyncProperty(historyArbitrary, runHistory), {
        numRuns: RUNS,
        ...(SEED !== undefined && { seed: SEED }),
        ...(PATH !== undefined && { path: PATH }),
        endOnFailure: true,
        includeErrorInReport: true,
      });
    } catch (error) {
      // fast-check's message carries the seed and path; say how to replay before failing.
      console.error(`watertight property failed: replay with MUTUAL_FC_SEED and MUTUAL_FC_PATH from the message below`);
      throw error;
    }
  });
});
