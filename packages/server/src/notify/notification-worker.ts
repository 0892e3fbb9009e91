import type { Clock } from '@mutual/protocol';
import type { Kysely } from 'kysely';
import type { HostAppConfig } from '../config/config.js';
import type { Database } from '../store/schema.js';
import type { Mailer } from './mailer.js';
import type { NotificationsConfig } from './notifications-config.js';
import { planDigests, planDueReminders } from './scheduler.js';
import { sendDueNotifications } from './sender.js';
import type { NotificationSettingsStore } from './settings-store.js';

export interface NotificationWorkerOptions {
  db: Kysely<Database>;
  settings: NotificationSettingsStore;
  mailer: Mailer;
  config: NotificationsConfig;
  hostApps: readonly HostAppConfig[];
  domain: string;
  clock: Clock;
}

/**
 * Every `pollMs` (or on `wake()`): plans due-date reminders and daily digests, then sends what is
 * due. One pass at a time; `runOnce()` is the same pass, for tests and the CLI.
 */
export class NotificationWorker {
  readonly #options: NotificationWorkerOptions;
  #timer: NodeJS.Timeout | undefined;
  /** Passes run one after the other. */
  #chain: Promise<unknown> = Promise.resolve();
  #stopped = true;
  readonly #errorListeners = new Set<(error: Error) => void>();

  constructor(options: NotificationWorkerOptions) {
    this.#options = options;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#chain;
    this.#options.mailer.close();
  }

  /** Look for work now (e.g. after an event that may have written a notification). */
  wake(): void {
    if (this.#stopped) return;
    this.#schedule(0);
  }

  onError(listener: (error: Error) => void): void {
    this.#errorListeners.add(listener);
  }

  /** One pass: plan, then send. Returns how many messages went out. */
  runOnce(): Promise<number> {
    const pass = this.#chain.then(() => this.#pass());
    this.#chain = pass.catch(() => undefined);
    return pass;
  }

  async #pass(): Promise<number> {
    const { db, settings, config, clock } = this.#options;
    const now = clock();
    await planDueReminders(db, now);
    await planDigests(db, settings, now, config.digestHourUtc);
    return sendDueNotifications(this.#options, now);
  }

  #schedule(delay: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#tick(), delay);
    this.#timer.unref?.();
  }

  async #tick(): Promise<void> {
    if (this.#stopped) return;
    try {
      await this.runOnce();
    } catch (error) {
      for (const listener of this.#errorListeners) listener(error as Error);
    }
    if (!this.#stopped) this.#schedule(this.#options.config.pollMs);
  }
}
