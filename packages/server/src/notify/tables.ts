import type { Generated } from 'kysely';

/** How a person wants to be reached: at once, in the daily digest only, or not at all. */
export const NOTIFICATION_MODES = ['immediate', 'daily', 'off'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

export const NOTIFICATION_LOCALES = ['en', 'fr'] as const;
export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number];

/**
 * One row per person of THIS organisation that Mutual may e-mail. Never replicated, never in an
 * answer to anyone but the person: the address and the preferences stay on this server.
 */
export interface NotificationSettingsTable {
  person_id: string;
  email: string | null;
  locale: string | null;
  /** 1 once the person picked `locale` themselves: their embed tokens' `locale` no longer changes it. */
  locale_chosen: Generated<number>;
  mode: string;
  /** The host app (embed token issuer) the person last came through: its link templates are used. */
  host_app: string | null;
  updated_at: string;
  /** The digest boundary (ms) of the last digest planned for this person. */
  digest_at: number;
  /** The last event cursor that digest covered: the next one starts after it. */
  digest_cursor: number;
}

export const NOTIFICATION_KINDS = ['mention', 'assigned', 'due', 'overdue', 'digest'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * `pending` waits for the sender; `held` waits for the person's daily digest; `digested` went out
 * in one; `sent`, `skipped` (preference off) and `failed` (gave up) are final.
 */
export type NotificationState = 'pending' | 'held' | 'sent' | 'skipped' | 'digested' | 'failed';

/**
 * The durable notification outbox. A row is written in the transaction that applies its cause
 * (or by the scheduler for due dates and digests); `dedupe_key` makes every producer idempotent.
 */
export interface NotificationOutboxTable {
  id: Generated<number>;
  person_id: string;
  kind: string;
  dedupe_key: string;
  space_id: string | null;
  group_id: string | null;
  event_id: string | null;
  task_id: string | null;
  /** Kind-specific JSON (e.g. a digest's cursor window and the held items it carries). */
  payload: string | null;
  created_at: string;
  state: string;
  attempts: number;
  next_attempt_at: number;
  /** A sender process owns the row until then (several processes may share PostgreSQL). */
  leased_until: number;
  last_error: string | null;
  sent_at: string | null;
}
