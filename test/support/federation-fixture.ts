import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestOrganisation, type TestOrganisation } from '@mutual/server/testing';
import { eventually } from './eventually.js';

/** The people of the three organisations and the groups each is in. */
export const PEOPLE = {
  ana: 'ana@seller.test', // account executive
  sam: 'sam@seller.test', // solutions engineer
  lea: 'lea@seller.test', // implementation consultant
  victor: 'victor@seller.test', // legal counsel
  dana: 'dana@buyer.test', // the decider
  ivan: 'ivan@buyer.test', // IT architect
  sofia: 'sofia@buyer.test', // security officer
  paul: 'paul@partner.test', // integration partner
} as const;

export const SPACE = 'acme';
export const group = (slug: string) => `${SPACE}.${slug}`;

/** Who is in which seller-homed group. */
export const MEMBERSHIP: Record<string, string[]> = {
  plan: Object.values(PEOPLE),
  steering: [PEOPLE.ana, PEOPLE.dana],
  proof: [PEOPLE.sam, PEOPLE.ivan, PEOPLE.sofia, PEOPLE.paul],
  implementation: [PEOPLE.lea, PEOPLE.ivan, PEOPLE.paul],
  'success-criteria': [PEOPLE.ana, PEOPLE.dana],
  'business-case': [PEOPLE.ana, PEOPLE.dana],
  contract: [PEOPLE.victor, PEOPLE.ana],
  internal: [PEOPLE.ana, PEOPLE.sam],
};
/** The buying committee: the buyer's internal group, on the buyer's server only. */
export const COMMITTEE = group('committee');
export const COMMITTEE_MEMBERS = [PEOPLE.dana, PEOPLE.ivan, PEOPLE.sofia];
/** A workstream the buyer homes and shares with the seller's solutions engineer. */
export const SECURITY_REVIEW = group('security-review');
export const SECURITY_REVIEW_MEMBERS = [PEOPLE.sofia, PEOPLE.sam];

export interface Federation {
  seller: TestOrganisation;
  buyer: TestOrganisation;
  partner: TestOrganisation;
  folder: string;
  files: { seller: string; buyer: string; partner: string };
  close(): Promise<void>;
}

/**
 * Three real servers on loopback, each with its own SQLite file: the seller, the buyer and an
 * integration partner, peered (seller–buyer, seller–partner) and sharing one evaluation space.
 */
export async function startFederation(): Promise<Federation> {
  const folder = mkdtempSync(join(tmpdir(), 'mutual-federation-'));
  const files = { seller: join(folder, 'seller.db'), buyer: join(folder, 'buyer.db'), partner: join(folder, 'partner.db') };
  const seller = await startTestOrganisation({ domain: 'seller.test', name: 'Seller Corp', databaseFile: files.seller });
  const buyer = await startTestOrganisation({ domain: 'buyer.test', name: 'Buyer Manufacturing', databaseFile: files.buyer });
  const partner = await startTestOrganisation({ domain: 'partner.test', name: 'Partner Integrators', databaseFile: files.partner });
  await seller.peerWith(buyer);
  await seller.peerWith(partner);

  const names: Record<string, string> = { ana: 'Ana', sam: 'Sam', lea: 'Léa', victor: 'Victor', dana: 'Dana', ivan: 'Ivan', sofia: 'Sofia', paul: 'Paul' };
  for (const [key, id] of Object.entries(PEOPLE)) {
    const org = id.endsWith('@seller.test') ? seller : id.endsWith('@buyer.test') ? buyer : partner;
    await org.admin.addPerson({ id, name: names[key]! });
  }
  await seller.admin.createSpace({ id: SPACE, name: 'Acme evaluation', buyer: 'buyer.test', decisionDate: '2027-03-31' });
  for (const [slug, members] of Object.entries(MEMBERSHIP)) {
    for (const person of members) await seller.admin.addMember(group(slug), person, person === PEOPLE.ana || person === PEOPLE.dana ? 'lead' : 'member');
  }
  await settle([seller, buyer, partner]);
  return {
    seller,
    buyer,
    partner,
    folder,
    files,
    async close() {
      await Promise.allSettled([seller.close(), buyer.close(), partner.close()]);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Waits until no server has anything left to send and no replica waits on a gap. */
export async function settle(orgs: TestOrganisation[], timeoutMs = 15_000): Promise<void> {
  await eventually(
    async () => {
      for (const org of orgs) {
        const pending = await org.server.store.outbox.pending();
        if (pending.length) throw new Error(`${org.domain} still has ${pending.length} outbox items`);
      }
      for (const org of orgs) await org.server.federation.deps.backfiller.idle();
    },
    { timeoutMs },
  );
}
