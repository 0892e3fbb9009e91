import type { ServerConfig } from '../config/config.js';
import type { KyselyStore } from './kysely-store.js';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';

/** The configured store: PostgreSQL when a URL is given, else the embedded SQLite file. */
export function openStore(database: ServerConfig['database']): Promise<KyselyStore> {
  if (database.url) return openPostgresStore({ url: database.url, ...(database.schema && { schema: database.schema }) });
  return openSqliteStore(database.file);
}
