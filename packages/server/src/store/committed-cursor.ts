import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Events take their `cursor` (a global sequence) when they are inserted, not when they commit. On
 * SQLite there is one writer, so the highest cursor seen is a horizon: every lower one is
 * committed. On PostgreSQL an append in another process may still hold a lower cursor than one
 * already committed, and a reader that stops at "the highest cursor" would skip it for good.
 *
 * So on PostgreSQL each event insert holds this advisory lock shared until its transaction ends,
 * and {@link committedCursorHorizon} takes it exclusively: it waits for the appends in flight, and
 * the highest cursor it then reads has nothing lower left to commit.
 */
const CURSOR_HORIZON_LOCK = 0x6d75_7475; // "mutu"

const onPostgres = (db: Kysely<Database>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Called by every event insert, inside its transaction, before the cursor is taken. */
export async function holdCursorHorizon(trx: Kysely<Database>): Promise<void> {
  if (onPostgres(trx)) await sql`select pg_advisory_xact_lock_shared(${CURSOR_HORIZON_LOCK})`.execute(trx);
}

/** The highest cursor such that every event with a lower one is committed (inside `trx`). */
export async function committedCursorHorizon(trx: Kysely<Database>): Promise<number> {
  if (onPostgres(trx)) await sql`select pg_advisory_xact_lock(${CURSOR_HORIZON_LOCK})`.execute(trx);
  const last = await trx.selectFrom('events').select((eb) => eb.fn.max('cursor').as('cursor')).executeTakeFirst();
  return Number(last?.cursor ?? 0);
}
