import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestOrganisation, type TestOrganisation } from '@mutual/server/testing';
import { HostilePeer } from '../../support/hostile-peer.js';
import { databaseDigest } from './database-digest.js';
import { settle } from '../../support/federation-fixture.js';

export const DEAL = 'deal';
export const SAM = 'sam@seller.test';
export const ANA = 'ana@seller.test';
export const EVE = 'eve@hostile.test';

export interface HostileSetup {
  seller: TestOrganisation;
  hostile: HostilePeer;
  databaseFile: string;
  /** Every row of the seller's database, to show that a refused request changed nothing. */
  digest(): Record<string, string>;
  close(): Promise<void>;
}

/**
 * A real seller server (SQLite file) peered with a hostile peer, sharing one evaluation: Eve of
 * the hostile organisation is in the plan and proof groups; steering and contract are the
 * seller's alone; internal never leaves it.
 */
export async function startHostileSetup(options: { retryMaxMs?: number } = {}): Promise<HostileSetup> {
  const folder = mkdtempSync(join(tmpdir(), 'mutual-security-'));
  const databaseFile = join(folder, 'seller.db');
  const seller = await startTestOrganisation({ domain: 'seller.test', name: 'Seller Corp', databaseFile, ...(options.retryMaxMs && { retryMaxMs: options.retryMaxMs }) });
  const hostile = await HostilePeer.start('hostile.test');
  const peered = await hostile.peerWith(seller);
  if (peered.status !== 200) throw new Error(`peering failed: ${JSON.stringify(peered.body)}`);
  await seller.admin.addPerson({ id: SAM, name: 'Sam' });
  await seller.admin.addPerson({ id: ANA, name: 'Ana' });
  await seller.admin.createSpace({ id: DEAL, name: 'Deal', buyer: 'hostile.test' });
  for (const group of ['plan', 'proof']) {
    await seller.admin.addMember(`${DEAL}.${group}`, SAM, 'lead');
    await seller.admin.addMember(`${DEAL}.${group}`, EVE);
  }
  await seller.admin.addMember(`${DEAL}.steering`, ANA, 'lead');
  await seller.admin.addMember(`${DEAL}.contract`, ANA);
  await seller.admin.addMember(`${DEAL}.internal`, SAM);
  await settle([seller]);
  return {
    seller,
    hostile,
    databaseFile,
    digest: () => databaseDigest(databaseFile),
    async close() {
      await Promise.allSettled([seller.close(), hostile.close()]);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Eve's membership claim for `group`, as the seller (its home) hands it to the hostile peer. */
export async function eveClaimFor(s: HostileSetup, group: string): Promise<string> {
  const claims = await s.hostile.send(s.seller, { path: `/federation/v1/groups/${group}/claims` });
  if (claims.status !== 200) throw new Error(`claims of ${group}: ${claims.status}`);
  const claim = (claims.body.claims as string[]).find((c) => JSON.parse(Buffer.from(c.split('.')[1]!, 'base64url').toString()).sub === EVE);
  if (!claim) throw new Error(`the home hands out no claim for Eve in ${group}`);
  return claim;
}

/** The path of a backfill request. */
export const backfillPath = (group: string, after = 0) => `/federation/v1/groups/${group}/events?after=${after}&limit=10`;

/** A group the hostile peer homes in the shared evaluation, with Sam of the seller in it. */
export const HOSTILE_GROUP = `${DEAL}.hostile-review`;

/**
 * Plays the hostile peer as the home of a group: builds its events (sequenced, proved with its
 * key) and delivers them to the seller exactly as given — in any order, any number of times.
 */
export function hostileHome(s: HostileSetup, groupId = HOSTILE_GROUP) {
  const group = { id: groupId, space: DEAL, kind: 'workstream' as const, workstream: 'hostile-review', name: 'Hostile review', home: 'hostile.test' };
  const at = () => new Date().toISOString();
  return {
    group,
    async event(seq: number, type: string, body: Record<string, unknown>, author = 'admin@hostile.test', groupOf = group) {
      return s.hostile.seal(await s.hostile.event({ space: DEAL, group: groupOf.id, type, author, at: at(), body } as never, seq));
    },
    async deliver(events: unknown[], options: { people?: unknown[]; group?: typeof group; path?: string } = {}) {
      const space = (await s.seller.server.store.getSpace(DEAL))!;
      const target = options.group ?? group;
      return s.hostile.send(s.seller, { path: options.path ?? `/federation/v1/groups/${target.id}/events`, body: { space, group: target, events, people: options.people ?? [], claims: [] } });
    },
  };
}
