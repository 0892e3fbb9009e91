import type { JSONWebKeySet } from 'jose';
import type { Kysely } from 'kysely';
import type { InvitationOutcome, PeerRecord, PeerStore, ServerKeyRecord } from './peer-store.js';
import { enqueueOutbox } from './kysely-outbox.js';
import { precompile } from './precompiled-query.js';
import { forgetExpiredRequests, recordRequest, requestSeen } from './request-record.js';
import type { Database, PeersTable } from './schema.js';

const toPeer = (row: PeersTable): PeerRecord => ({
  domain: row.domain,
  origin: row.origin,
  name: row.name,
  jwks: JSON.parse(row.jwks) as JSONWebKeySet,
  signingKid: row.signing_kid,
  since: row.created_at,
});

// Every federated write and delivery asks these: compiled once.
const peerQuery = precompile(1, (db, domain) => db.selectFrom('peers').selectAll().where('domain', '=', domain!));
const claimQuery = precompile(2, (db, group, person) =>
  db.selectFrom('membership_claims').select(['token', 'expires_at']).where('group_id', '=', group!).where('person_id', '=', person!),
);

export class KyselyPeerStore implements PeerStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async serverKeys(): Promise<ServerKeyRecord[]> {
    const rows = await this.#db.selectFrom('server_keys').selectAll().orderBy('kid', 'desc').execute();
    return rows.map((row) => ({
      kid: row.kid,
      alg: row.alg as ServerKeyRecord['alg'],
      privateJwk: JSON.parse(row.private_jwk),
      publicJwk: JSON.parse(row.public_jwk),
      createdAt: row.created_at,
    }));
  }

  async addServerKey(key: ServerKeyRecord, announceTo: readonly string[] = []) {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('server_keys')
        .values({
          kid: key.kid,
          alg: key.alg,
          private_jwk: JSON.stringify(key.privateJwk),
          public_jwk: JSON.stringify(key.publicJwk),
          created_at: key.createdAt,
        })
        .execute();
      for (const target of announceTo) await enqueueOutbox(trx, { target, kind: 'keys' }, key.createdAt);
    });
  }

  async listPeers() {
    return (await this.#db.selectFrom('peers').selectAll().orderBy('domain').execute()).map(toPeer);
  }

  async getPeer(domain: string) {
    const [row] = (await peerQuery(this.#db, domain)).rows;
    return row && toPeer(row);
  }

  async getPeerByOrigin(origin: string) {
    const row = await this.#db.selectFrom('peers').selectAll().where('origin', '=', origin).executeTakeFirst();
    return row && toPeer(row);
  }

  async savePeer(peer: PeerRecord) {
    const row = { origin: peer.origin, name: peer.name, jwks: JSON.stringify(peer.jwks), signing_kid: peer.signingKid };
    await this.#db
      .insertInto('peers')
      .values({ domain: peer.domain, created_at: peer.since, ...row })
      .onConflict((oc) => oc.column('domain').doUpdateSet(row))
      .execute();
  }

  async setPeerKeys(domain: string, jwks: JSONWebKeySet) {
    await this.#db.updateTable('peers').set({ jwks: JSON.stringify(jwks) }).where('domain', '=', domain).execute();
  }

  async setSigningKid(domain: string, kid: string) {
    await this.#db.updateTable('peers').set({ signing_kid: kid }).where('domain', '=', domain).execute();
  }

  async removePeer(domain: string) {
    await this.#db.transaction().execute(async (trx) => {
      await trx.deleteFrom('peers').where('domain', '=', domain).execute();
      await trx.deleteFrom('outbox').where('target', '=', domain).execute();
    });
  }

  async createInvitation(id: string, createdAt: string, expiresAt: string) {
    await this.#db.insertInto('invitations').values({ id, created_at: createdAt, expires_at: expiresAt, used_at: null, used_by: null }).execute();
  }

  async redeemInvitation(id: string, by: string, at: string): Promise<InvitationOutcome> {
    return this.#db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return 'unknown';
      if (row.used_at) return 'used';
      if (row.expires_at <= at) return 'expired';
      const updated = await trx
        .updateTable('invitations')
        .set({ used_at: at, used_by: by })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1 ? 'redeemed' : 'used';
    });
  }

  async rememberRequest(issuer: string, jti: string, expiresAt: number, now: number) {
    await forgetExpiredRequests(this.#db, now);
    return recordRequest(this.#db, { issuer, jti, expiresAt, now });
  }

  async forgetExpiredRequests(now: number) {
    await forgetExpiredRequests(this.#db, now);
  }

  async requestSeen(issuer: string, jti: string, now: number) {
    return requestSeen(this.#db, issuer, jti, now);
  }

  async saveClaim(group: string, person: string, token: string, expiresAt: number) {
    await this.#db
      .insertInto('membership_claims')
      .values({ group_id: group, person_id: person, token, expires_at: expiresAt })
      .onConflict((oc) => oc.columns(['group_id', 'person_id']).doUpdateSet({ token, expires_at: expiresAt }))
      .execute();
  }

  async getClaim(group: string, person: string) {
    const [row] = (await claimQuery(this.#db, group, person)).rows;
    return row && { token: row.token, expiresAt: Number(row.expires_at) };
  }
}
