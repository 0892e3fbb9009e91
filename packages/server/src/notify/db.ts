import type { Kysely } from 'kysely';
import { KyselyStore } from '../store/kysely-store.js';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/store.js';

/** Notifications and calendars keep their own small tables beside the store's: both stores are Kysely. */
export function databaseOf(store: Store): Kysely<Database> {
  if (store instanceof KyselyStore) return store.db;
  throw new TypeError('notifications need a Kysely-backed store (SQLite or PostgreSQL)');
}
