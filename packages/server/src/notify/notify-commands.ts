import { domainOf } from '@mutual/protocol';
import type { Command, Option } from 'commander';
import { CalendarFeeds } from '../calendar/feed-secrets.js';
import type { ServerConfig } from '../config/config.js';
import type { Store } from '../store/store.js';
import { databaseOf } from './db.js';
import { smtpMailer } from './mailer.js';
import { NotificationWorker } from './notification-worker.js';
import { NotificationSettingsStore } from './settings-store.js';
import { NOTIFICATION_LOCALES, NOTIFICATION_MODES, type NotificationLocale, type NotificationMode } from './tables.js';

/** How the CLI opens the configured store for one command (see cli/mutual.ts). */
export type WithStore = (configFile: string, work: (store: Store, config: ServerConfig) => Promise<void>) => Promise<void>;

/** Only this organisation's people have notification settings or calendars here. */
function ownPerson(config: ServerConfig, person: string): string {
  if (!person.includes('@') || domainOf(person) !== config.organisation.domain) {
    throw new Error(`${person} is not a person of ${config.organisation.domain}: only its own people are notified by this server`);
  }
  return person;
}

/** Saves what `mutual person add --email --lang` says about one of our people. */
export async function saveContactFromCli(store: Store, config: ServerConfig, person: string, options: { email?: string; lang?: string }): Promise<void> {
  if (!options.email && !options.lang) return;
  if (options.lang && !NOTIFICATION_LOCALES.includes(options.lang as NotificationLocale)) throw new Error('--lang must be en or fr');
  if (options.email && !/^[^\s@<>(),;:"\\]+@[^\s@<>(),;:"\\]+\.[^\s@<>(),;:"\\]+$/.test(options.email)) throw new Error('--email must be one plain address');
  await new NotificationSettingsStore(databaseOf(store)).saveContact(
    ownPerson(config, person),
    { ...(options.email && { email: options.email }), ...(options.lang && { locale: options.lang as NotificationLocale }) },
    Date.now(),
  );
}

/** `mutual notifications show|set|send` and `mutual calendar create|revoke`. */
export function notificationCommands(program: Command, withStore: WithStore, configOption: () => Option): void {
  const notifications = program.command('notifications').description("e-mail notifications of this organisation's people");
  notifications
    .command('show')
    .description("a person's address, language, preference and what waits in their outbox")
    .addOption(configOption())
    .requiredOption('--person <name@domain>')
    .action(async (options: { config: string; person: string }) => {
      await withStore(options.config, async (store, config) => {
        const person = ownPerson(config, options.person);
        const settings = await new NotificationSettingsStore(databaseOf(store)).get(person);
        if (!settings) {
          console.log(`${person}: no notification settings (no address known yet)`);
          return;
        }
        const rows = await databaseOf(store)
          .selectFrom('notification_outbox')
          .select(['state', (eb) => eb.fn.countAll<number>().as('count')])
          .where('person_id', '=', person)
          .groupBy('state')
          .execute();
        console.log(`${person}: ${settings.email ?? '(no address)'}, ${settings.locale}, ${settings.mode}`);
        for (const row of rows) console.log(`  ${row.state}: ${row.count}`);
      });
    });
  notifications
    .command('set')
    .description("change a person's preference or language")
    .addOption(configOption())
    .requiredOption('--person <name@domain>')
    .option('--mode <mode>', NOTIFICATION_MODES.join(' | '))
    .option('--lang <lang>', NOTIFICATION_LOCALES.join(' | '))
    .option('--forget-email', 'drop the address (e.g. the person left)')
    .action(async (options: { config: string; person: string; mode?: string; lang?: string; forgetEmail?: boolean }) => {
      await withStore(options.config, async (store, config) => {
        const person = ownPerson(config, options.person);
        if (options.mode && !NOTIFICATION_MODES.includes(options.mode as NotificationMode)) throw new Error(`--mode must be one of ${NOTIFICATION_MODES.join(', ')}`);
        if (options.lang && !NOTIFICATION_LOCALES.includes(options.lang as NotificationLocale)) throw new Error('--lang must be en or fr');
        const settings = new NotificationSettingsStore(databaseOf(store));
        await settings.savePreferences(
          person,
          { ...(options.mode && { mode: options.mode as NotificationMode }), ...(options.lang && { locale: options.lang as NotificationLocale }) },
          Date.now(),
        );
        if (options.forgetEmail) await settings.forgetEmail(person);
        console.log(`saved notification settings of ${person}`);
      });
    });
  notifications
    .command('send')
    .description('plan reminders and digests and send what is due now, once (the server does this on its own)')
    .addOption(configOption())
    .action(async (options: { config: string }) => {
      await withStore(options.config, async (store, config) => {
        const mailer = smtpMailer(config.notifications, config.organisation);
        if (!mailer) throw new Error('no notifications.smtp in the configuration');
        const db = databaseOf(store);
        const worker = new NotificationWorker({
          db,
          settings: new NotificationSettingsStore(db),
          mailer,
          config: config.notifications,
          hostApps: config.hostApps,
          domain: config.organisation.domain,
          clock: Date.now,
        });
        const sent = await worker.runOnce();
        await worker.stop();
        console.log(`sent ${sent} message(s)`);
      });
    });

  const calendar = program.command('calendar').description("people's private calendar feeds (ICS)");
  calendar
    .command('create')
    .description("make (or replace) a person's feed and print its secret URL once")
    .addOption(configOption())
    .requiredOption('--person <name@domain>')
    .action(async (options: { config: string; person: string }) => {
      await withStore(options.config, async (store, config) => {
        if (!config.organisation.origin) throw new Error('set organisation.origin (or MUTUAL_ORIGIN): the feed URL is on this server');
        const secret = await new CalendarFeeds(databaseOf(store)).create(ownPerson(config, options.person), Date.now());
        console.log(`${config.organisation.origin}/calendar/${secret}.ics`);
      });
    });
  calendar
    .command('revoke')
    .description("revoke a person's feed: its URL answers 404 from now on")
    .addOption(configOption())
    .requiredOption('--person <name@domain>')
    .action(async (options: { config: string; person: string }) => {
      await withStore(options.config, async (store, config) => {
        const revoked = await new CalendarFeeds(databaseOf(store)).revoke(ownPerson(config, options.person));
        console.log(revoked ? `revoked the calendar feed of ${options.person}` : `${options.person} had no calendar feed`);
      });
    });
}
