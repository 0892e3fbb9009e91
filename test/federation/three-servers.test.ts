// Seller, buyer and partner servers running one evaluation together: live delivery both ways,
// watertight copies, buyer-homed and internal groups, countersigned agreements.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { domainOf } from '@mutual/protocol';
import { SseClient } from '@mutual/server/testing/sse-client';
import { apiAs } from '../support/api-client.js';
import { groupsInDatabase } from '../support/database.js';
import { eventually } from '../support/eventually.js';
import {
  COMMITTEE,
  COMMITTEE_MEMBERS,
  group,
  MEMBERSHIP,
  PEOPLE,
  SECURITY_REVIEW,
  SECURITY_REVIEW_MEMBERS,
  settle,
  SPACE,
  startFederation,
  type Federation,
} from '../support/federation-fixture.js';

describe('three organisations, one evaluation', () => {
  let f: Federation;
  const streams: SseClient[] = [];
  const stream = async (org: Federation['seller'], person: string) => {
    const client = await SseClient.open(`${org.url}/api/spaces/${SPACE}/stream`, { Authorization: `Bearer ${await org.token(person)}` });
    assert.equal(client.status, 200);
    streams.push(client);
    await client.next((m) => m.event === 'ready');
    return client;
  };

  before(async () => {
    f = await startFederation();
    // The buyer's people have the space once the seller's first deliveries arrived.
    await eventually(async () => assert.ok(await f.buyer.server.store.getSpace(SPACE), 'not yet'));
    await f.buyer.admin.createGroup({ id: COMMITTEE, space: SPACE, kind: 'internal', name: 'Buying committee' });
    for (const person of COMMITTEE_MEMBERS) await f.buyer.admin.addMember(COMMITTEE, person);
    await f.buyer.admin.createGroup({ id: SECURITY_REVIEW, space: SPACE, kind: 'workstream', workstream: 'security-review', name: 'Security review' });
    for (const person of SECURITY_REVIEW_MEMBERS) await f.buyer.admin.addMember(SECURITY_REVIEW, person);
    await settle([f.seller, f.buyer, f.partner]);
  });
  after(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await f?.close();
  });

  it('carries a buyer post in proof to the seller’s live subscribers, marked with its organisation', async () => {
    const sam = await stream(f.seller, PEOPLE.sam);
    const posted = await apiAs(f.buyer, PEOPLE.sofia).post(`/groups/${group('proof')}/posts`, { text: 'Pen-test scope attached', clientId: 'sofia-0001' });
    assert.equal(posted.status, 202, 'a write in a group homed elsewhere is queued durably');
    assert.equal(posted.body.status, 'queued');
    const message = await sam.next((m) => m.event === 'group-event' && m.data.includes('Pen-test scope attached'));
    const { event, author } = JSON.parse(message.data);
    assert.equal(event.id, posted.body.event);
    assert.equal(author.organisation, 'buyer.test');
    assert.equal(author.name, 'Sofia');
  });

  it('carries a seller post in proof to the buyer’s and the partner’s live subscribers', async () => {
    const [ivan, paul] = [await stream(f.buyer, PEOPLE.ivan), await stream(f.partner, PEOPLE.paul)];
    const posted = await apiAs(f.seller, PEOPLE.sam).post(`/groups/${group('proof')}/posts`, { text: 'Sandbox credentials rotated' });
    assert.equal(posted.status, 201);
    for (const client of [ivan, paul]) {
      const message = await client.next((m) => m.event === 'group-event' && m.data.includes(posted.body.id));
      assert.equal(JSON.parse(message.data).author.organisation, 'seller.test');
    }
  });

  it('shows a buyer’s queued post to the buyer too, once the home has placed it', async () => {
    const ivan = await stream(f.buyer, PEOPLE.ivan);
    const posted = await apiAs(f.buyer, PEOPLE.ivan).post(`/groups/${group('implementation')}/posts`, { text: 'Integration window: weekends', clientId: 'ivan-0001' });
    const echo = await ivan.next((m) => m.event === 'group-event' && m.data.includes(posted.body.event));
    const { event } = JSON.parse(echo.data);
    assert.equal(event.body.clientId, 'ivan-0001');
    assert.ok(event.seq > 0);
  });

  it('lets the partner write where it is a member, and nowhere else', async () => {
    const paul = apiAs(f.partner, PEOPLE.paul);
    assert.equal((await paul.post(`/groups/${group('implementation')}/posts`, { text: 'API mapping done' })).status, 202);
    assert.equal((await paul.get(`/groups/${group('steering')}/posts`)).status, 403);
    const spaces = await paul.get('/spaces');
    assert.deepEqual(spaces.body.spaces[0].groups.map((g: any) => g.id).sort(), [group('implementation'), group('plan'), group('proof')]);
  });

  it('commits a milestone countersigned by both organisations, verifiable on each side', async () => {
    const proposal = await apiAs(f.buyer, PEOPLE.dana).post(`/groups/${group('steering')}/agreements`, {
      kind: 'milestone',
      title: 'Security review passed',
      date: '2027-02-15',
    });
    assert.equal(proposal.status, 202);
    const id = proposal.body.ref as string;
    const ana = apiAs(f.seller, PEOPLE.ana);
    await eventually(async () => assert.equal((await ana.get(`/groups/${group('steering')}/agreements`)).body.agreements.length, 1));
    const signed = await ana.post(`/groups/${group('steering')}/agreements/${id}/countersign`, {});
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    assert.equal(signed.body.committed, true);
    assert.deepEqual(signed.body.signatures.map((s: any) => s.by).sort(), ['buyer.test', 'seller.test']);
    const onBuyer = await eventually(async () => {
      const list = await apiAs(f.buyer, PEOPLE.dana).get(`/groups/${group('steering')}/agreements`);
      assert.equal(list.body.agreements[0]?.committed, true);
      return list.body.agreements[0];
    });
    assert.equal(onBuyer.title, 'Security review passed');
    // The seller cannot countersign twice, nor the buyer its own proposal.
    assert.equal((await ana.post(`/groups/${group('steering')}/agreements/${id}/countersign`, {})).status, 409);
  });

  it('lets the buyer home a group it shares with the seller', async () => {
    const sam = await stream(f.seller, PEOPLE.sam);
    const posted = await apiAs(f.seller, PEOPLE.sam).post(`/groups/${SECURITY_REVIEW}/posts`, { text: 'SOC 2 report uploaded' });
    assert.equal(posted.status, 202, 'the seller’s write goes to the buyer, this group’s home');
    await sam.next((m) => m.event === 'group-event' && m.data.includes(posted.body.event));
    const onBuyer = await apiAs(f.buyer, PEOPLE.sofia).get(`/groups/${SECURITY_REVIEW}/posts`);
    assert.equal(onBuyer.body.posts[0].text, 'SOC 2 report uploaded');
    assert.equal(onBuyer.body.posts[0].author.organisation, 'seller.test');
    assert.equal((await apiAs(f.partner, PEOPLE.paul).get(`/groups/${SECURITY_REVIEW}/posts`)).status, 403);
  });

  it('keeps the buying committee on the buyer’s server and the deal team on the seller’s', async () => {
    const dana = apiAs(f.buyer, PEOPLE.dana);
    const posted = await dana.post(`/groups/${COMMITTEE}/posts`, { text: 'Budget ceiling is 400k' });
    assert.equal(posted.status, 201, 'the buyer is this group’s home');
    const internal = await apiAs(f.seller, PEOPLE.ana).post(`/groups/${group('internal')}/posts`, { text: 'Discount floor 18%' });
    assert.equal(internal.status, 201);
    await assert.rejects(f.buyer.admin.addMember(COMMITTEE, PEOPLE.ana), (error: any) => error.code === 'forbidden');
    assert.equal((await apiAs(f.seller, PEOPLE.ana).get(`/groups/${COMMITTEE}/posts`)).status, 403);
    assert.equal((await apiAs(f.buyer, PEOPLE.dana).get(`/groups/${group('internal')}/posts`)).status, 403);
  });

  it('leaves each server’s own database holding exactly the groups its people belong to', async () => {
    await settle([f.seller, f.buyer, f.partner]);
    const expected = (domain: string) => {
      const groups = new Set(
        Object.entries(MEMBERSHIP)
          .filter(([, members]) => members.some((person) => domainOf(person) === domain))
          .map(([slug]) => group(slug)),
      );
      if (domain === 'buyer.test') groups.add(COMMITTEE);
      if (SECURITY_REVIEW_MEMBERS.some((person) => domainOf(person) === domain)) groups.add(SECURITY_REVIEW);
      return groups;
    };
    const all = new Set([...Object.keys(MEMBERSHIP).map(group), COMMITTEE, SECURITY_REVIEW]);
    for (const [domain, file] of [['seller.test', f.files.seller], ['buyer.test', f.files.buyer], ['partner.test', f.files.partner]] as const) {
      const allowed = expected(domain);
      const found = groupsInDatabase(file);
      assert.deepEqual([...found.get('groups')!].sort(), [...allowed].sort(), `${domain}: groups table`);
      for (const [table, groups] of found) {
        for (const g of groups) assert.ok(allowed.has(g), `${domain}'s ${table} holds a row of ${g}`);
      }
      for (const g of all) {
        if (!allowed.has(g)) assert.ok(![...found.values()].some((groups) => groups.has(g)), `${domain} holds nothing of ${g}`);
      }
    }
    // And the texts that must never leave home are nowhere else, not even in a table we forgot.
    for (const [file, secret] of [[f.files.buyer, 'Discount floor 18%'], [f.files.partner, 'Discount floor 18%'], [f.files.seller, 'Budget ceiling is 400k'], [f.files.partner, 'Budget ceiling is 400k']] as const) {
      const bytes = readFileSync(file).toString('utf8') + (existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).toString('utf8') : '');
      assert.ok(!bytes.includes(secret), `${file} contains "${secret}"`);
    }
  });
});
