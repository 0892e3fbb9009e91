#!/usr/bin/env node
import { readFileSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { isMutualError, ROLES, SPACE_STAGES, type Role } from '@mutual/protocol';
import { Admin } from '../admin/admin.js';
import { loadConfig } from '../config/config.js';
import { acceptInvitation, createInvitation } from '../federation/peering.js';
import { ServerKeys } from '../federation/server-keys.js';
import { generateKeys } from '../keys/generate-keys.js';
import { startServer } from '../server.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { notificationCommands, saveContactFromCli } from '../notify/notify-commands.js';
import { webhookCommands } from '../webhooks/webhook-commands.js';
import { planCommands } from '../plan-io/plan-commands.js';
import { SpaceTemplates } from '../templates/space-templates.js';
import { templateCommands } from '../templates/template-commands.js';

const program = new Command('mutual').description("Run and administer an organisation's Mutual server.");
const configOption = () =>
  new Option('-c, --config <file>', 'configuration file (JSON)').env('MUTUAL_CONFIG').makeOptionMandatory();

/** Opens the configured store for one admin command and always closes it. */
async function withStore(configFile: string, work: (store: Store, config: ReturnType<typeof loadConfig>) => Promise<void>) {
  const config = loadConfig(configFile);
  const store = await openStore(config.database);
  try {
    await work(store, config);
  } finally {
    await store.close();
  }
}

const withAdmin = (configFile: string, work: (admin: Admin) => Promise<void>) =>
  withStore(configFile, (store, config) => work(new Admin(store, config.organisation.domain)));

/** Federation commands need this server's public origin: it is what peers pin. */
function federationDeps(store: Store, config: ReturnType<typeof loadConfig>) {
  const origin = config.organisation.origin;
  if (!origin) throw new Error('set organisation.origin (or MUTUAL_ORIGIN): peers need the address where this server is reached');
  return { config: { ...config, organisation: { ...config.organisation, origin } }, store, keys: new ServerKeys(store.peers), clock: Date.now };
}

program
  .command('serve')
  .description('start the server')
  .addOption(configOption())
  .action(async ({ config: file }: { config: string }) => {
    const config = loadConfig(file);
    const server = await startServer(config);
    console.log(`mutual: ${config.organisation.name} (${config.organisation.domain}) listening on ${server.url}`);
    const stop = async () => {
      await server.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

const keys = program.command('keys').description('signing keys');
keys
  .command('generate')
  .description('create a key pair: prints the public JWKS, writes the private JWK to a file')
  .addOption(new Option('--alg <alg>', 'signature algorithm').choices(['EdDSA', 'ES256']).default('EdDSA'))
  .option('--kid <kid>', 'key id (default: random)')
  .requiredOption('--private-out <file>', 'where to write the private JWK (created with mode 600)')
  .action(async (options: { alg: 'EdDSA' | 'ES256'; kid?: string; privateOut: string }) => {
    const keys = await generateKeys(options.alg, options.kid);
    writeFileSync(options.privateOut, JSON.stringify(keys.privateJwk, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    console.log(JSON.stringify(keys.publicJwks, null, 2));
  });

keys
  .command('rotate')
  .description('make a new server signing key; peers are told, old signatures keep verifying')
  .addOption(configOption())
  .action(async ({ config: file }: { config: string }) => {
    await withStore(file, async (store) => {
      const kid = await new ServerKeys(store.peers).rotate();
      const peers = await store.peers.listPeers();
      console.log(`new signing key ${kid}; announcing it to ${peers.length} peer(s)`);
    });
  });

const peer = program.command('peer').description('other organisations this server federates with');
peer
  .command('invite')
  .description('print a single-use invitation to hand to the other organisation’s admin (treat it as a secret)')
  .addOption(configOption())
  .option('--days <n>', 'how long it stays valid', '3')
  .action(async (options: { config: string; days: string }) => {
    await withStore(options.config, async (store, config) => {
      const invitation = await createInvitation(federationDeps(store, config), Math.round(Number(options.days) * 86_400));
      console.log(invitation.token);
    });
  });
peer
  .command('accept')
  .description('accept another organisation’s invitation: both servers pin each other')
  .addOption(configOption())
  .requiredOption('--invitation <token>', 'the invitation text, or - to read it from standard input (kept out of ps and shell history)')
  .action(async (options: { config: string; invitation: string }) => {
    const invitation = options.invitation === '-' ? readFileSync(0, 'utf8') : options.invitation;
    await withStore(options.config, async (store, config) => {
      const accepted = await acceptInvitation(federationDeps(store, config), invitation.trim());
      console.log(`peered with ${accepted.name} (${accepted.domain}) at ${accepted.origin}`);
    });
  });
peer
  .command('list')
  .addOption(configOption())
  .action(async ({ config: file }: { config: string }) => {
    await withStore(file, async (store) => {
      const [peers, pending, failures] = [await store.peers.listPeers(), await store.outbox.pending(), await store.outbox.failures()];
      if (peers.length === 0) console.log('no peers yet: `mutual peer invite` or `mutual peer accept`');
      for (const p of peers) {
        const queued = pending.filter((item) => item.target === p.domain);
        const failed = failures.filter((item) => item.target === p.domain);
        const lastError = queued.find((item) => item.lastError)?.lastError;
        console.log(`${p.domain}  ${p.origin}  ${p.name}  since ${p.since}  queued ${queued.length}  refused ${failed.length}${lastError ? `  last error: ${lastError}` : ''}`);
      }
    });
  });
peer
  .command('failures')
  .description('what peers refused for good (kept for you to read; never retried)')
  .addOption(configOption())
  .action(async ({ config: file }: { config: string }) => {
    await withStore(file, async (store) => {
      for (const item of await store.outbox.failures()) {
        console.log(`${item.failedAt}  ${item.target}  ${item.kind}  ${item.group ?? ''}  ${item.eventId ?? ''}  ${item.lastError ?? ''}`);
      }
    });
  });
peer
  .command('disconnect')
  .description('stop federating with an organisation: forget its keys and drop what was queued for it')
  .addOption(configOption())
  .requiredOption('--domain <domain>')
  .action(async (options: { config: string; domain: string }) => {
    await withStore(options.config, async (store) => {
      if (!(await store.peers.getPeer(options.domain))) throw new Error(`${options.domain} is not a peer`);
      await store.peers.removePeer(options.domain);
      console.log(`disconnected from ${options.domain}; what it already received stays with it`);
    });
  });

const space = program.command('space').description('evaluation spaces');
program
  .command('group')
  .description('groups')
  .command('create')
  .description('create a group homed on this server in an existing space (e.g. the buyer’s own committee)')
  .addOption(configOption())
  .requiredOption('--space <id>')
  .requiredOption('--id <id>')
  .requiredOption('--name <name>')
  .addOption(new Option('--kind <kind>').choices(['plan', 'steering', 'workstream', 'internal']).default('workstream'))
  .option('--workstream <slug>', 'for a workstream group')
  .action(async (options: { config: string; space: string; id: string; name: string; kind: 'workstream'; workstream?: string }) => {
    await withAdmin(options.config, async (admin) => {
      await admin.createGroup({ id: options.id, space: options.space, kind: options.kind, name: options.name, ...(options.workstream && { workstream: options.workstream }) });
      console.log(`created group ${options.id}`);
    });
  });

space
  .command('create')
  .description('create a space from a template: by default the standard groups (plan, steering, five workstreams, internal) and their first tasks')
  .addOption(configOption())
  .requiredOption('--id <id>', 'space id, e.g. acme-2027')
  .requiredOption('--name <name>', 'what people call it')
  .requiredOption('--buyer <domain>', "the buyer organisation's domain")
  .option('--decision-date <yyyy-mm-dd>', 'target decision date')
  .addOption(new Option('--stage <stage>').choices(SPACE_STAGES).default('evaluation'))
  .option('--template <id>', '`mutual template list`; `empty` for the standard groups alone', 'default')
  .action(async (options: { config: string; id: string; name: string; buyer: string; decisionDate?: string; stage: (typeof SPACE_STAGES)[number]; template: string }) => {
    await withStore(options.config, async (store, config) => {
      const { groups } = await new SpaceTemplates(store, new Admin(store, config.organisation.domain)).createSpace({
        id: options.id,
        name: options.name,
        buyer: options.buyer,
        stage: options.stage,
        template: options.template,
        ...(options.decisionDate && { decisionDate: options.decisionDate }),
      });
      console.log(`created space ${options.id} with groups:\n${groups.map((g) => `  ${g.id}  (${g.kind})`).join('\n')}`);
    });
  });

const person = program.command('person').description('people');
person
  .command('add')
  .description('add or update a person (of this or a peer organisation)')
  .addOption(configOption())
  .requiredOption('--id <name@domain>', 'the person id')
  .requiredOption('--name <name>', 'display name')
  .option('--title <title>', 'job title')
  .option('--email <address>', 'where notifications go (people of this organisation only; stays on this server)')
  .option('--lang <en|fr>', 'the language of their e-mails and calendar')
  .action(async (options: { config: string; id: string; name: string; title?: string; email?: string; lang?: string }) => {
    await withStore(options.config, async (store, config) => {
      await new Admin(store, config.organisation.domain).addPerson({ id: options.id, name: options.name, ...(options.title && { title: options.title }) });
      await saveContactFromCli(store, config, options.id, options);
      console.log(`saved ${options.id}`);
    });
  });

const member = program.command('member').description('group memberships');
member
  .command('add')
  .description('add a person (of this organisation or of a peer) to a group homed here')
  .addOption(configOption())
  .requiredOption('--group <id>')
  .requiredOption('--person <name@domain>')
  .addOption(new Option('--role <role>').choices(ROLES).default('member'))
  .action(async (options: { config: string; group: string; person: string; role: Role }) => {
    await withAdmin(options.config, async (admin) => {
      await admin.addMember(options.group, options.person, options.role);
      console.log(`${options.person} is now ${options.role} of ${options.group}`);
    });
  });
member
  .command('remove')
  .addOption(configOption())
  .requiredOption('--group <id>')
  .requiredOption('--person <name@domain>')
  .action(async (options: { config: string; group: string; person: string }) => {
    await withAdmin(options.config, async (admin) => {
      await admin.removeMember(options.group, options.person);
      console.log(`${options.person} removed from ${options.group}`);
    });
  });

webhookCommands(program, withStore, configOption);
templateCommands(program, withStore, configOption);
planCommands(program, withStore, configOption);
notificationCommands(program, withStore, configOption);

program.parseAsync().catch((error: unknown) => {
  console.error(`mutual: ${isMutualError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
