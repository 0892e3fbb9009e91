import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.js';

type Work<T> = (trx: Transaction<Database>) => Promise<T>;

interface Queued {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** At most this many writes share one commit, so one batch cannot hold the database for long. */
const MAX_BATCH = 256;

/**
 * Group commit: writes that arrive while a transaction is committing are run together in the next
 * one, each inside its own savepoint, and every caller is answered only after that commit. On
 * SQLite with synchronous=FULL the commit (an fsync) is most of a write's cost, so sharing it is
 * what lets one process take thousands of durable writes a second. A write that throws is rolled
 * back to its savepoint alone; the others still commit. If the commit itself fails, every write of
 * the batch fails. Order is kept: writes run in the order they were queued.
 */
export class GroupCommit {
  readonly #db: Kysely<Database>;
  #queue: Queued[] = [];
  #running = false;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#running) {
        this.#running = true;
        // Let writes started in the same turn of the event loop join the first batch.
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, MAX_BATCH);
      const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
      try {
        await this.#db.transaction().execute(async (trx) => {
          for (const item of batch) {
            if (batch.length === 1) {
              // Alone: no savepoint needed; an error rolls the whole transaction back.
              outcomes.push({ ok: true, value: await item.work(trx) });
              continue;
            }
            await sql`savepoint group_write`.execute(trx);
            try {
              const value = await item.work(trx);
              await sql`release savepoint group_write`.execute(trx);
              outcomes.push({ ok: true, value });
            } catch (error) {
              await sql`rollback to savepoint group_write`.execute(trx);
              await sql`release savepoint group_write`.execute(trx);
              outcomes.push({ ok: false, error });
            }
          }
        });
      } catch (error) {
        for (const item of batch) item.reject(error);
        continue;
      }
      batch.forEach((item, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) item.resolve(outcome.value);
        else item.reject(outcome.error);
      });
    }
    this.#running = false;
  }
}
