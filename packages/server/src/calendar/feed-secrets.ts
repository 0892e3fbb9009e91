import { createHash, randomBytes } from 'node:crypto';
import type { PersonId } from '@mutual/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** 256 random bits, base64url: the capability in a calendar feed's URL. */
const newSecret = () => randomBytes(32).toString('base64url');
const SECRET = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * Each person's private calendar feed. The secret is shown once, when made; only its SHA-256 is
 * kept, so a leaked database does not leak working feed URLs. One feed per person: making a new
 * one revokes the old.
 */
export class CalendarFeeds {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Makes (or replaces) the person's feed and returns its secret. */
  async create(person: PersonId, now: number): Promise<string> {
    const secret = newSecret();
    await this.#db.transaction().execute(async (trx) => {
      await trx.deleteFrom('calendar_feeds').where('person_id', '=', person).execute();
      await trx.insertInto('calendar_feeds').values({ secret_hash: hashOf(secret), person_id: person, created_at: new Date(now).toISOString() }).execute();
    });
    return secret;
  }

  /** Revokes the person's feed; true if there was one. */
  async revoke(person: PersonId): Promise<boolean> {
    const result = await this.#db.deleteFrom('calendar_feeds').where('person_id', '=', person).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async status(person: PersonId): Promise<{ createdAt: string } | undefined> {
    const row = await this.#db.selectFrom('calendar_feeds').select('created_at').where('person_id', '=', person).executeTakeFirst();
    return row && { createdAt: row.created_at };
  }

  /** Whose feed this secret opens, if any. */
  async personFor(secret: string): Promise<PersonId | undefined> {
    if (!SECRET.test(secret)) return undefined;
    const row = await this.#db.selectFrom('calendar_feeds').select('person_id').where('secret_hash', '=', hashOf(secret)).executeTakeFirst();
    return row?.person_id;
  }
}
