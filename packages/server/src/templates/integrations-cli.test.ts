import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { Command, Option } from 'commander';
import { Admin } from '../admin/admin.js';
import { loadConfig } from '../config/config.js';
import { planCommands } from '../plan-io/plan-commands.js';
import { openStore } from '../store/open-store.js';
import { webhookCommands } from '../webhooks/webhook-commands.js';
import { templateCommands } from './template-commands.js';

const cli = fileURLToPath(new URL('../cli/mutual.ts', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'mutual-integrations-cli-'));
after(() => rmSync(folder, { recursive: true, force: true }));
const env = { ...process.env };
delete env.DATABASE_URL;
const config = join(folder, 'mutual.config.json');
writeFileSync(config, JSON.stringify({ organisation: { domain: 'seller.test', name: 'Seller' }, database: { file: './mutual.db' } }));

/** The real CLI, as a process (each start costs seconds: used where the wiring in mutual.ts matters). */
function spawned(...args: string[]): string {
  const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', cli, ...args, '-c', config], { encoding: 'utf8', env });
  assert.equal(result.status, 0, `mutual ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** The same commands in this process, on the same database file, with what they print. */
async function mutual(...args: string[]): Promise<string> {
  const program = new Command('mutual').exitOverride();
  const configOption = () => new Option('-c, --config <file>').makeOptionMandatory();
  const withStore = async (file: string, work: Parameters<Parameters<typeof webhookCommands>[1]>[1]) => {
    const loaded = loadConfig(file, {});
    const store = await openStore(loaded.database);
    try {
      await work(store, loaded);
    } finally {
      await store.close();
    }
  };
  for (const register of [webhookCommands, templateCommands, planCommands]) register(program, withStore, configOption);
  const printed: string[] = [];
  const log = console.log;
  const write = process.stdout.write;
  console.log = (...parts: unknown[]) => void printed.push(parts.join(' ') + '\n');
  process.stdout.write = ((chunk: string) => printed.push(chunk) > 0) as typeof process.stdout.write;
  try {
    await program.parseAsync([...args, '-c', config], { from: 'user' });
  } finally {
    console.log = log;
    process.stdout.write = write;
  }
  return printed.join('');
}

describe('the mutual CLI: templates, plans and webhooks', () => {
  it('creates a space from the default template, exports its plan as CSV, saves it as a template and imports the plan back', async () => {
    assert.match(spawned('space', 'create', '--id', 'acme', '--name', 'Acme', '--buyer', 'buyer.test'), /acme\.proof {2}\(workstream\)/);
    const csvFile = join(folder, 'plan.csv');
    await mutual('plan', 'export', '--space', 'acme', '--out', csvFile);
    const csv = readFileSync(csvFile, 'utf8');
    assert.match(csv, /^kind,group,id,title,status,owner,date,deliverable,workstream\r\n/);
    assert.match(csv, /\r\ntask,proof,proof-readout,Proof readout against the success criteria,todo,,\d{4}-\d{2}-\d{2},Readout deck,proof\r\n/);
    assert.match(await mutual('template', 'save', '--space', 'acme', '--id', 'acme-style', '--name', 'Like Acme'), /saved template acme-style: 8 groups, 22 tasks/);

    spawned('space', 'create', '--id', 'globex', '--name', 'Globex', '--buyer', 'globex.test', '--template', 'empty');
    writeFileSync(csvFile, csv.replace('Proof readout against the success criteria', '"=Proof readout, edited"'));
    assert.match(await mutual('plan', 'import', '--space', 'globex', '--file', csvFile), /tasks: 22 created, 0 updated, 0 unchanged; milestones set: 4/);
  });

  it('adds a webhook (the secret printed once), lists it without the secret, shows the delivery log and removes it', async () => {
    const store = await openStore(loadConfig(config, {}).database);
    const admin = new Admin(store, 'seller.test');
    await admin.addPerson({ id: 'alice@seller.test', name: 'Alice' });
    await admin.addMember('acme.proof', 'alice@seller.test');
    await store.close();
    const added = await mutual('webhook', 'add', '--space', 'acme', '--events', 'task.created,task.updated', '--url', 'https://crm.seller.test/mutual');
    const id = /webhook (wh_\S+):/.exec(added)?.[1];
    const secret = /^(whsec_\S+)$/m.exec(added)?.[1];
    assert.ok(id && secret, added);
    const listed = await mutual('webhook', 'list');
    assert.match(listed, new RegExp(`${id} {2}acme {2}\\(all groups\\) {2}task\\.created,task\\.updated {2}https://crm\\.seller\\.test/mutual`));
    assert.ok(!listed.includes(secret.slice(6)));

    await mutual('plan', 'import', '--space', 'acme', '--file', join(folder, 'plan.csv'));
    const log = await mutual('webhook', 'deliveries', '--id', id, '--attempts');
    // The edited proof task changed; alice is in proof, so the seller's CRM is to hear of it.
    assert.match(log, /task\.updated {2}acme\.proof {2}\S+ {2}pending {2}attempts 0/);
    assert.equal(log.trim().split('\n').length, 1, 'nothing of groups without our people, nothing unchanged');
    assert.ok(!log.includes(secret.slice(6)));
    assert.match(await mutual('webhook', 'remove', '--id', id), /removed webhook/);
    // The same commands are wired into the real CLI.
    assert.match(spawned('webhook', 'list'), /no webhooks: `mutual webhook add`/);
  });
});
