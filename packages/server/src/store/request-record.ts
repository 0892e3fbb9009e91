import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * A server request's id (`jti`), kept until the request expires so that a replay of it is refused.
 * Stored in the transaction of the write the request authorises when there is one, so that
 * remembering it costs no commit of its own.
 */
export interface RequestRecord {
  issuer: string;
  jti: string;
  /** When the id may be forgotten: the request could not be accepted any more (ms). */
  expiresAt: number;
  /** Now, by the server's clock: ids expired by then are forgotten (ms). */
  now: number;
}

/**
 * Inserts the id inside whatever transaction `db` is; false if it was there already (a replay).
 * Expired ids are not deleted here: inside a write's transaction that delete would make
 * concurrent writes wait on each other's row locks (PostgreSQL). See {@link forgetExpiredRequests}.
 */
export async function recordRequest(db: Kysely<Database>, { issuer, jti, expiresAt }: RequestRecord): Promise<boolean> {
  const inserted = await db
    .insertInto('seen_requests')
    .values({ issuer, jti, expires_at: expiresAt })
    .onConflict((oc) => oc.columns(['issuer', 'jti']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Whether the id is remembered (read only: the early refusal of a replay, before any work). */
export async function requestSeen(db: Kysely<Database>, issuer: string, jti: string, now: number): Promise<boolean> {
  const row = await db
    .selectFrom('seen_requests')
    .select('jti')
    .where('issuer', '=', issuer)
    .where('jti', '=', jti)
    .where('expires_at', '>=', now)
    .executeTakeFirst();
  return row !== undefined;
}

/** Deletes the ids that have expired by `now` (a request that old is refused for its age anyway). */
export async function forgetExpiredRequests(db: Kysely<Database>, now: number): Promise<void> {
  await db.deleteFrom('seen_requests').where('expires_at', '<', now).execute();
}
