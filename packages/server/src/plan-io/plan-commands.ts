import { readFileSync, writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { Admin } from '../admin/admin.js';
import type { WithStore } from '../webhooks/webhook-commands.js';
import { exportPlan } from './export-plan.js';
import { importPlan } from './import-plan.js';
import { planFromCsv, planToCsv } from './plan-csv.js';

const formatOption = () => new Option('--format <format>', 'json or csv (default: from the file name, else json)').choices(['json', 'csv']);
const formatOf = (format: string | undefined, file: string | undefined) => format ?? (file?.toLowerCase().endsWith('.csv') ? 'csv' : 'json');

/** `mutual plan export|import`: a space's tasks and milestones as JSON or CSV. */
export function planCommands(program: Command, withStore: WithStore, configOption: () => Option): void {
  const plan = program.command('plan').description("a space's plan (tasks and milestones) as JSON or CSV");
  plan
    .command('export')
    .addOption(configOption())
    .requiredOption('--space <id>')
    .addOption(formatOption())
    .option('--out <file>', 'write here instead of standard output')
    .option('--include-internal', "also the internal groups' tasks (keep such a file inside the company)")
    .action(async (options: { config: string; space: string; format?: string; out?: string; includeInternal?: boolean }) => {
      await withStore(options.config, async (store) => {
        const exported = await exportPlan(store, options.space, { includeInternal: Boolean(options.includeInternal) });
        const text = formatOf(options.format, options.out) === 'csv' ? planToCsv(exported) : JSON.stringify(exported, null, 2) + '\n';
        if (options.out) writeFileSync(options.out, text);
        else process.stdout.write(text);
      });
    });
  plan
    .command('import')
    .description('create or update tasks and set milestones of a space homed here from a plan file')
    .addOption(configOption())
    .requiredOption('--space <id>')
    .requiredOption('--file <file>')
    .addOption(formatOption())
    .action(async (options: { config: string; space: string; file: string; format?: string }) => {
      await withStore(options.config, async (store, config) => {
        const text = readFileSync(options.file, 'utf8');
        const space = await store.getSpace(options.space);
        const input = formatOf(options.format, options.file) === 'csv' ? planFromCsv(text, { id: options.space, name: space?.name ?? options.space }) : JSON.parse(text);
        const summary = await importPlan(store, new Admin(store, config.organisation.domain), options.space, input);
        console.log(`tasks: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged; milestones set: ${summary.milestones}`);
      });
    });
}
