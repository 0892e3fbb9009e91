import type { PersonId } from '@mutual/protocol';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { NotificationLocale, NotificationMode } from './tables.js';

export interface NotificationSettings {
  person: PersonId;
  email: string | undefined;
  locale: NotificationLocale;
  mode: NotificationMode;
  hostApp: string | undefined;
}

export interface ContactUpdate {
  email?: string | undefined;
  locale?: NotificationLocale | undefined;
  hostApp?: string | undefined;
}

const toSettings = (row: { person_id: string; email: string | null; locale: string | null; mode: string; host_app: string | null }): NotificationSettings => ({
  person: row.person_id,
  email: row.email ?? undefined,
  locale: row.locale === 'fr' ? 'fr' : 'en',
  mode: row.mode as NotificationMode,
  hostApp: row.host_app ?? undefined,
});

/** The `notification_settings` rows of this organisation's people. */
export class NotificationSettingsStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async get(person: PersonId): Promise<NotificationSettings | undefined> {
    const row = await this.#db.selectFrom('notification_settings').selectAll().where('person_id', '=', person).executeTakeFirst();
    return row && toSettings(row);
  }

  /**
   * Records what the person's host app or an admin says about them. A new row starts in
   * `immediate` mode, and its first digest covers what happens from now on.
   */
  async saveContact(person: PersonId, update: ContactUpdate, now: number, options: { chosen?: boolean } = {}): Promise<void> {
    const changes = {
      ...(update.email !== undefined && { email: update.email }),
      // What the person picked themselves stays: a host app's token says only what it knows.
      ...(update.locale !== undefined &&
        (options.chosen
          ? { locale: update.locale, locale_chosen: 1 }
          : { locale: sql<string>`case when notification_settings.locale_chosen = 1 then notification_settings.locale else ${update.locale} end` })),
      ...(update.hostApp !== undefined && { host_app: update.hostApp }),
      updated_at: new Date(now).toISOString(),
    };
    const lastCursor = await this.#db.selectFrom('events').select((eb) => eb.fn.max('cursor').as('cursor')).executeTakeFirst();
    await this.#db
      .insertInto('notification_settings')
      .values({
        person_id: person,
        email: update.email ?? null,
        locale: update.locale ?? null,
        locale_chosen: options.chosen && update.locale !== undefined ? 1 : 0,
        mode: 'immediate',
        host_app: update.hostApp ?? null,
        updated_at: changes.updated_at,
        digest_at: now,
        digest_cursor: Number(lastCursor?.cursor ?? 0),
      })
      .onConflict((oc) => oc.column('person_id').doUpdateSet(changes))
      .execute();
  }

  /** The person's own choices (the settings API). */
  async savePreferences(person: PersonId, preferences: { mode?: NotificationMode; locale?: NotificationLocale }, now: number): Promise<void> {
    await this.saveContact(person, { ...(preferences.locale && { locale: preferences.locale }) }, now, { chosen: true });
    if (preferences.mode) {
      await this.#db.updateTable('notification_settings').set({ mode: preferences.mode }).where('person_id', '=', person).execute();
    }
  }

  /** Everyone who may receive e-mail and whose last digest is older than `boundary`. */
  async digestDue(boundary: number): Promise<Array<NotificationSettings & { digestAt: number; digestCursor: number }>> {
    const rows = await this.#db
      .selectFrom('notification_settings')
      .selectAll()
      .where('email', 'is not', null)
      .where('mode', '!=', 'off')
      .where('digest_at', '<', boundary)
      .orderBy('person_id')
      .execute();
    return rows.map((row) => ({ ...toSettings(row), digestAt: Number(row.digest_at), digestCursor: Number(row.digest_cursor) }));
  }

  /** Drops a person's address (e.g. they left the company); their preferences are kept. */
  async forgetEmail(person: PersonId): Promise<void> {
    await this.#db.updateTable('notification_settings').set({ email: sql<null>`null` }).where('person_id', '=', person).execute();
  }
}
