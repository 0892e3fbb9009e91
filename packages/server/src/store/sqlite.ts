import { closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { KyselyStore } from './kysely-store.js';
import { migrationProvider } from './migrations.js';
import { cachePreparedStatements } from './statement-cache.js';
import type { Database } from './schema.js';

/**
 * Opens (and migrates) the embedded SQLite store: one file, WAL journal, synchronous=FULL so an
 * acknowledged write survives a crash. `:memory:` gives a throwaway store.
 */
export async function openSqliteStore(file: string): Promise<KyselyStore> {
  // `:memory:` and '' (an anonymous temporary database) have no file of their own.
  if (file !== ':memory:' && file !== '') createPrivately(file);
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  cachePreparedStatements(database);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  await migrate(db);
  return new KyselyStore(db, { sqlite: database });
}

/**
 * The file holds this server's private signing keys and people's e-mail addresses: a new one is
 * made readable by its owner alone (SQLite gives its -wal and -shm files the same mode), in a
 * folder of its own made likewise. An existing file others can read is left as it is, and said.
 */
function createPrivately(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  else if ((statSync(file).mode & 0o077) !== 0) {
    console.warn(`mutual: ${file} can be read by other users of this machine; it holds private keys (chmod 600 it, and its -wal and -shm files)`);
  }
}

/** Brings a database to the latest schema (both stores). `schema` names a PostgreSQL schema. */
export async function migrate(db: Kysely<Database>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema && { migrationTableSchema: schema }) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
