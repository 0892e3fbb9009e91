import { Option, type Command } from 'commander';
import type { ServerConfig } from '../config/config.js';
import type { Store } from '../store/store.js';
import { WebhookAdmin } from './webhook-admin.js';

/** How the CLI opens the configured store for one command (see cli/mutual.ts). */
export type WithStore = (configFile: string, work: (store: Store, config: ServerConfig) => Promise<void>) => Promise<void>;

/** `mutual webhook add|list|remove|deliveries`: this organisation's own systems, told about events. */
export function webhookCommands(program: Command, withStore: WithStore, configOption: () => Option): void {
  const withHooks = (file: string, work: (hooks: WebhookAdmin) => Promise<void>) =>
    withStore(file, (store, config) => work(new WebhookAdmin(store, config.organisation.domain)));
  const webhook = program.command('webhook').description("webhooks for this organisation's own systems (CRM, data warehouse)");
  webhook
    .command('add')
    .description('send the events of a space (or one group) to a URL, signed the Standard Webhooks way; prints the secret once')
    .addOption(configOption())
    .requiredOption('--space <id>')
    .option('--group <id>', 'only this group of the space')
    .option('--events <types>', 'comma-separated event types (post, reply, task.created, …) or *', '*')
    .requiredOption('--url <url>', 'https:// (http:// only to this machine)')
    .option('--description <text>')
    .action(async (options: { config: string; space: string; group?: string; events: string; url: string; description?: string }) => {
      await withHooks(options.config, async (hooks) => {
        const { subscription, secret } = await hooks.add({
          space: options.space,
          url: options.url,
          events: options.events.split(',').map((type) => type.trim()) as ['*'],
          ...(options.group && { group: options.group }),
          ...(options.description && { description: options.description }),
        });
        console.log(`webhook ${subscription.id}: ${subscription.events.join(',')} of ${subscription.group ?? subscription.space} to ${subscription.url}`);
        console.log(`signing secret (shown once, keep it in your receiver's secret store):\n${secret}`);
      });
    });
  webhook
    .command('list')
    .addOption(configOption())
    .option('--space <id>')
    .action(async (options: { config: string; space?: string }) => {
      await withHooks(options.config, async (hooks) => {
        const list = await hooks.list(options.space);
        if (list.length === 0) console.log('no webhooks: `mutual webhook add`');
        for (const s of list) console.log(`${s.id}  ${s.space}  ${s.group ?? '(all groups)'}  ${s.events.join(',')}  ${s.url}${s.description ? `  ${s.description}` : ''}`);
      });
    });
  webhook
    .command('remove')
    .description('stop sending to a webhook and forget its delivery log')
    .addOption(configOption())
    .requiredOption('--id <id>')
    .action(async (options: { config: string; id: string }) => {
      await withHooks(options.config, async (hooks) => {
        await hooks.remove(options.id);
        console.log(`removed webhook ${options.id}`);
      });
    });
  webhook
    .command('deliveries')
    .description('the delivery log, newest first: status, attempts, last answer or error')
    .addOption(configOption())
    .option('--id <id>', 'one webhook only')
    .addOption(new Option('--status <status>').choices(['pending', 'delivered', 'failed']))
    .option('--limit <n>', 'how many lines', '50')
    .option('--attempts', 'list every attempt under each delivery')
    .action(async (options: { config: string; id?: string; status?: 'pending' | 'delivered' | 'failed'; limit: string; attempts?: boolean }) => {
      await withHooks(options.config, async (hooks) => {
        const log = await hooks.deliveries({ ...(options.id && { subscription: options.id }), ...(options.status && { status: options.status }), limit: Number(options.limit) });
        if (log.length === 0) console.log('no deliveries');
        for (const d of log) {
          const answer = d.lastError ?? (d.lastStatus !== undefined ? `HTTP ${d.lastStatus}` : '');
          console.log(`${d.createdAt}  ${d.subscription}  ${d.type}  ${d.group}  ${d.eventId}  ${d.status}  attempts ${d.attempts}${answer ? `  ${answer}` : ''}`);
          if (options.attempts) {
            for (const a of await hooks.attempts(d.id)) console.log(`    #${a.attempt}  ${a.at}  ${a.status ?? '-'}  ${a.durationMs} ms${a.error ? `  ${a.error}` : ''}`);
          }
        }
      });
    });
}
