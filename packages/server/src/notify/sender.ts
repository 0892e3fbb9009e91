import { createHash } from 'node:crypto';
import { domainOf } from '@mutual/protocol';
import type { Kysely, Selectable } from 'kysely';
import type { HostAppConfig } from '../config/config.js';
import { backoffDelay } from '../federation/backoff.js';
import type { Database } from '../store/schema.js';
import { alertMail, composeAlert } from './compose-alert.js';
import { composeDigest } from './compose-digest.js';
import { renderMail, type MailContent } from './mail-layout.js';
import type { Mailer } from './mailer.js';
import type { NotificationsConfig } from './notifications-config.js';
import type { NotificationSettingsStore } from './settings-store.js';
import type { NotificationOutboxTable, NotificationState } from './tables.js';

export interface SenderOptions {
  db: Kysely<Database>;
  settings: NotificationSettingsStore;
  mailer: Mailer;
  config: NotificationsConfig;
  hostApps: readonly HostAppConfig[];
  /** This organisation: only its own people are ever written to. */
  domain: string;
}

/** How long a process owns a row it is sending (another may take over after). */
const LEASE_MS = 120_000;
const BATCH = 50;

/**
 * Sends what is due in the notification outbox and marks each row: sent, held for the digest,
 * skipped (preference off, nothing left to say) or retried later with backoff, then failed.
 * A row is claimed with a lease first, so two processes never send the same one at once.
 */
export async function sendDueNotifications(options: SenderOptions, now: number): Promise<number> {
  const { db } = options;
  const rows = await db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where('leased_until', '<=', now)
    .orderBy('id')
    .limit(BATCH)
    .execute();
  let sent = 0;
  const started = performance.now();
  for (const row of rows) {
    // The lease runs from when the row is claimed, not from when the pass began: fifty mails over a
    // slow SMTP server would otherwise claim the last ones with leases already run out.
    const claimedAt = now + (performance.now() - started);
    const claimed = await db
      .updateTable('notification_outbox')
      .set({ leased_until: Math.ceil(claimedAt + LEASE_MS) })
      .where('id', '=', row.id)
      .where('state', '=', 'pending')
      .where('leased_until', '<=', now)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    if (await sendOne(options, row, now)) sent += 1;
  }
  return sent;
}

async function sendOne(options: SenderOptions, row: Selectable<NotificationOutboxTable>, now: number): Promise<boolean> {
  const { db, settings: settingsStore, mailer, config } = options;
  const mark = (state: NotificationState, extra: Partial<Selectable<NotificationOutboxTable>> = {}) =>
    db.updateTable('notification_outbox').set({ state, leased_until: 0, ...extra }).where('id', '=', row.id).execute();

  const settings = await settingsStore.get(row.person_id);
  // Defence in depth: rows exist only for our own people, but never write outside the organisation.
  if (!settings?.email || settings.mode === 'off' || domainOf(row.person_id) !== options.domain) {
    await mark('skipped');
    return false;
  }
  if (row.kind !== 'digest' && settings.mode === 'daily') {
    await mark('held');
    return false;
  }
  const context = { db, hostApps: options.hostApps };
  try {
    let content: MailContent | undefined;
    if (row.kind === 'digest') {
      content = await composeDigest(context, row, settings);
    } else {
      const alert = await composeAlert(context, row, settings);
      content = alert && alertMail(alert, settings);
    }
    if (!content) {
      await mark('skipped');
      return false;
    }
    const mail = renderMail(content);
    const token = createHash('sha256').update(`${row.id}:${row.dedupe_key}`).digest('hex').slice(0, 24);
    await mailer.send({ to: settings.email, ...mail, messageId: `<${token}.${row.kind}@${options.domain}>`, kind: row.kind, date: new Date(now) });
  } catch (error) {
    // A refused or failed send (or a message that could not be composed) is retried, then given up.
    const attempts = Number(row.attempts) + 1;
    const reason = error instanceof Error ? error.message.slice(0, 500) : 'send failed';
    if (attempts >= config.retry.maxAttempts) {
      await mark('failed', { attempts, last_error: reason });
    } else {
      await mark('pending', { attempts, last_error: reason, next_attempt_at: now + backoffDelay(attempts, config.retry) });
    }
    return false;
  }
  await mark('sent', { sent_at: new Date(now).toISOString(), attempts: Number(row.attempts) + 1 });
  return true;
}
