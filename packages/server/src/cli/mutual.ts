#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { isMutualError, ROLES, SPACE_STAGES, type Role } from '@mutual/protocol';
import { Admin } from '../admin/admin.js';
import { loadConfig } from '../config/config.js';
import { generateKeys } from '../keys/generate-keys.js';
import { startServer } from '../server.js';
import { openSqliteStore } from '../store/sqlite.js';

const program = new Command('mutual').description("Run and administer an organisation's Mutual server.");
const configOption = () =>
  new Option('-c, --config <file>', 'configuration file (JSON)').env('MUTUAL_CONFIG').makeOptionMandatory();

/** Opens the configured store for one admin command and always closes it. */
async function withAdmin(configFile: string, work: (admin: Admin) => Promise<void>) {
  const config = loadConfig(configFile);
  const store = await openSqliteStore(config.database.file);
  try {
    await work(new Admin(store, config.organisation.domain));
  } finally {
    await store.close();
  }
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

program
  .command('keys')
  .description('signing keys')
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

const space = program.command('space').description('evaluation spaces');
space
  .command('create')
  .description('create a space with the standard groups (plan, steering, five workstreams, internal)')
  .addOption(configOption())
  .requiredOption('--id <id>', 'space id, e.g. acme-2027')
  .requiredOption('--name <name>', 'what people call it')
  .requiredOption('--buyer <domain>', "the buyer organisation's domain")
  .option('--decision-date <yyyy-mm-dd>', 'target decision date')
  .addOption(new Option('--stage <stage>').choices(SPACE_STAGES).default('evaluation'))
  .action(async (options: { config: string; id: string; name: string; buyer: string; decisionDate?: string; stage: (typeof SPACE_STAGES)[number] }) => {
    await withAdmin(options.config, async (admin) => {
      const { groups } = await admin.createSpace({
        id: options.id,
        name: options.name,
        buyer: options.buyer,
        stage: options.stage,
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
  .action(async (options: { config: string; id: string; name: string; title?: string }) => {
    await withAdmin(options.config, async (admin) => {
      await admin.addPerson({ id: options.id, name: options.name, ...(options.title && { title: options.title }) });
      console.log(`saved ${options.id}`);
    });
  });

const member = program.command('member').description('group memberships');
member
  .command('add')
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

program.parseAsync().catch((error: unknown) => {
  console.error(`mutual: ${isMutualError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
