import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { KyselyStore } from './kysely-store.js';
import type { Database } from './schema.js';
import { migrate } from './sqlite.js';

// PostgreSQL's bigint (int8) arrives as a string by default; every bigint Mutual stores (positions,
// cursors, milliseconds) fits in a double, so read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface PostgresOptions {
  /** `postgres://user@host:port/database` */
  url: string;
  /** Run in this schema (created if missing): lets tests share one database. */
  schema?: string;
  /** Pool size per process. */
  max?: number;
}

/**
 * Opens (and migrates) the PostgreSQL store, for organisations that run several server processes.
 * Same Kysely queries and migrations as SQLite: the conformance suite runs unchanged against both.
 */
export async function openPostgresStore(options: PostgresOptions): Promise<KyselyStore & { pool: pg.Pool }> {
  if (options.schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) throw new Error('invalid schema name');
  if (options.schema) {
    const admin = new pg.Client({ connectionString: options.url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists ${options.schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    ...(options.schema && { options: `-c search_path=${options.schema}` }),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrate(db, options.schema);
  return Object.assign(new KyselyStore(db), { pool });
}
