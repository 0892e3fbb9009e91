import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logDigest } from '../../support/database.js';
import { NO_FAULTS, type Faults } from '../../support/fault-proxy.js';
import { settle } from '../../support/federation-fixture.js';
import { startProxiedOrganisation, type ProxiedOrganisation } from './proxied-organisation.js';

const SAM = 'sam@seller.test';
const BO = 'bo@buyer.test';
export const SELLER_GROUP = 'flow.plan';
/** The faults of the both-ways runs: every kind, often enough to happen many times per run. */
export const FAULTS = { drop: 0.05, cutRequest: 0.05, cutResponse: 0.05, answer500: 0.05, duplicate: 0.1, maxDelayMs: 20 };
export const BUYER_GROUP = 'flow.review';

export interface TwoWay {
  seller: ProxiedOrganisation;
  buyer: ProxiedOrganisation;
  files: { seller: string; buyer: string };
  close(): Promise<void>;
}

/**
 * Two organisations, each behind its own fault proxy, sharing two groups: one homed by the seller
 * and one by the buyer, both people in both. Writes in each group come from both sides, so events
 * flow both ways as deliveries and as submissions.
 */
export async function startTwoWay(): Promise<TwoWay> {
  const folder = mkdtempSync(join(tmpdir(), 'mutual-two-way-'));
  const files = { seller: join(folder, 'seller.db'), buyer: join(folder, 'buyer.db') };
  const seller = await startProxiedOrganisation('seller.test', { databaseFile: files.seller });
  const buyer = await startProxiedOrganisation('buyer.test', { databaseFile: files.buyer });
  await seller.peerWith(buyer);
  await seller.admin.addPerson({ id: SAM, name: 'Sam' });
  await buyer.admin.addPerson({ id: BO, name: 'Bo' });
  await seller.admin.createSpace({ id: 'flow', name: 'Flow', buyer: 'buyer.test', standardGroups: false });
  await seller.admin.createGroup({ id: SELLER_GROUP, space: 'flow', kind: 'plan', name: 'Plan' });
  await seller.admin.addMember(SELLER_GROUP, SAM, 'lead');
  await seller.admin.addMember(SELLER_GROUP, BO);
  await settle([seller, buyer]);
  await buyer.admin.createGroup({ id: BUYER_GROUP, space: 'flow', kind: 'workstream', workstream: 'review', name: 'Review' });
  await buyer.admin.addMember(BUYER_GROUP, BO, 'lead');
  await buyer.admin.addMember(BUYER_GROUP, SAM);
  await settle([seller, buyer]);
  return {
    seller,
    buyer,
    files,
    async close() {
      await Promise.allSettled([seller.close(), buyer.close()]);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Writes `count` posts spread over both groups and both people (so half are remote writes), with
 * `faults` on both proxies, then heals the network and checks that both servers hold identical
 * logs per group, every post exactly once.
 */
export async function flowBothWays(t: TwoWay, count: number, faults: Partial<Faults>, { concurrency = 8, settleMs = 120_000 } = {}) {
  const { seller, buyer } = t;
  const writers = [
    { org: seller, person: SAM, group: SELLER_GROUP },
    { org: buyer, person: BO, group: SELLER_GROUP },
    { org: buyer, person: BO, group: BUYER_GROUP },
    { org: seller, person: SAM, group: BUYER_GROUP },
  ];
  const tokens = new Map<string, string>();
  for (const w of writers) tokens.set(w.person, await w.org.token(w.person, { ttlSeconds: 900 }));
  const expected = new Map<string, Set<string>>([
    [SELLER_GROUP, new Set()],
    [BUYER_GROUP, new Set()],
  ]);
  const run = `r${Date.now().toString(36)}`;
  seller.proxy.faults = { ...NO_FAULTS, ...faults };
  buyer.proxy.faults = { ...NO_FAULTS, ...faults };
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const w = writers[i % writers.length]!;
      const text = `${run} post ${i}`;
      const response = await fetch(`${w.org.url}/api/groups/${w.group}/posts`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokens.get(w.person)}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ text }),
      });
      assert.ok(response.status === 201 || response.status === 202, `${text}: ${response.status} ${await response.text()}`);
      expected.get(w.group)!.add(text);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  seller.proxy.faults = { ...NO_FAULTS };
  buyer.proxy.faults = { ...NO_FAULTS };
  await settle([seller, buyer], settleMs);

  for (const org of [seller, buyer]) {
    assert.deepEqual(await org.server.store.outbox.failures(), [], `${org.domain} has refused deliveries`);
  }
  for (const group of [SELLER_GROUP, BUYER_GROUP]) {
    const a = logDigest(t.files.seller, group);
    const b = logDigest(t.files.buyer, group);
    assert.deepEqual(a, b, `both servers hold the same log of ${group}`);
    const events = await seller.server.store.sealedAfter(group, 0, 1_000_000);
    const texts = events.filter(({ event }) => event.type === 'post').map(({ event }) => (event.body as { text: string }).text).filter((text) => text.startsWith(run));
    assert.equal(texts.length, new Set(texts).size, `no post of ${group} applied twice`);
    assert.deepEqual(new Set(texts), expected.get(group), `no post of ${group} lost`);
  }
  return { seller: { ...seller.proxy.counts }, buyer: { ...buyer.proxy.counts } };
}
