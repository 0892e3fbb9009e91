import type { Clock } from '@mutual/protocol';
import type { AppDeps } from '../api/context.js';
import type { ResolvedConfig } from '../config/config.js';
import type { Store } from '../store/store.js';
import { databaseOf } from './db.js';
import { smtpMailer, type Mailer } from './mailer.js';
import { NotificationWorker } from './notification-worker.js';
import { rememberContact } from './remember-contact.js';
import { notificationSettingsRoutes } from './settings-routes.js';
import { NotificationSettingsStore } from './settings-store.js';

export interface NotificationsOptions {
  config: ResolvedConfig;
  store: Store;
  clock: Clock;
  /** Send with this instead of the configured SMTP server. */
  mailer?: Mailer;
}

/**
 * E-mail notifications of this organisation's own people: the settings store, the middleware
 * that keeps the address and language host apps vouch for, the settings API and — when SMTP is
 * configured — the worker that plans and sends.
 */
export function createNotifications({ config, store, clock, mailer }: NotificationsOptions) {
  const db = databaseOf(store);
  const settings = new NotificationSettingsStore(db);
  const sender = mailer ?? smtpMailer(config.notifications, config.organisation);
  const worker = sender
    ? new NotificationWorker({
        db,
        settings,
        mailer: sender,
        config: config.notifications,
        hostApps: config.hostApps,
        domain: config.organisation.domain,
        clock,
      })
    : undefined;
  return {
    settings,
    worker,
    contactMiddleware: rememberContact(settings, clock),
    routes: (deps: AppDeps) => notificationSettingsRoutes(deps, settings),
  };
}

export type Notifications = ReturnType<typeof createNotifications>;
