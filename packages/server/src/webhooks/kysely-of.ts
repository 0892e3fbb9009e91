import { MutualError } from '@mutual/protocol';
import type { Kysely } from 'kysely';
import { KyselyStore } from '../store/kysely-store.js';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/store.js';

/**
 * The Kysely database behind a store, for the small feature stores (webhooks, templates) that keep
 * their own tables rather than growing the {@link Store} interface. Both SQLite and PostgreSQL
 * stores are Kysely stores.
 */
export function kyselyOf(store: Store): Kysely<Database> {
  if (store instanceof KyselyStore) return store.db;
  throw new MutualError('internal', 'this feature needs a Kysely store (SQLite or PostgreSQL)');
}
