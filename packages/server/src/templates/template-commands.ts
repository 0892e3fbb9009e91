import { readFileSync } from 'node:fs';
import type { Command, Option } from 'commander';
import { Admin } from '../admin/admin.js';
import type { WithStore } from '../webhooks/webhook-commands.js';
import { SpaceTemplates } from './space-templates.js';

/** `mutual template list|show|save|import|remove`: what new spaces start from. */
export function templateCommands(program: Command, withStore: WithStore, configOption: () => Option): void {
  const withTemplates = (file: string, work: (templates: SpaceTemplates) => Promise<void>) =>
    withStore(file, (store, config) => work(new SpaceTemplates(store, new Admin(store, config.organisation.domain))));
  const template = program.command('template').description('space templates: the groups, first tasks and milestones a new space starts with');
  template
    .command('list')
    .addOption(configOption())
    .action(async (options: { config: string }) => {
      await withTemplates(options.config, async (templates) => {
        for (const t of await templates.list()) console.log(`${t.id}  ${t.name}${t.builtIn ? '  (built in)' : ''}${t.description ? `  — ${t.description}` : ''}`);
      });
    });
  template
    .command('show')
    .description('print a template as JSON (edit it and `template import` it back)')
    .addOption(configOption())
    .requiredOption('--id <id>')
    .action(async (options: { config: string; id: string }) => {
      await withTemplates(options.config, async (templates) => console.log(JSON.stringify(await templates.get(options.id), null, 2)));
    });
  template
    .command('save')
    .description("save a space as a template: its groups, tasks and milestones (not its people or posts)")
    .addOption(configOption())
    .requiredOption('--space <id>')
    .requiredOption('--id <id>', 'the new template id')
    .requiredOption('--name <name>')
    .option('--description <text>')
    .action(async (options: { config: string; space: string; id: string; name: string; description?: string }) => {
      await withTemplates(options.config, async (templates) => {
        const saved = await templates.saveFromSpace(options.space, { id: options.id, name: options.name, ...(options.description && { description: options.description }) });
        const tasks = saved.groups.reduce((sum, g) => sum + g.tasks.length, 0);
        console.log(`saved template ${saved.id}: ${saved.groups.length} groups, ${tasks} tasks`);
      });
    });
  template
    .command('import')
    .description('save a template written as JSON (the shape `template show` prints)')
    .addOption(configOption())
    .requiredOption('--file <file>')
    .action(async (options: { config: string; file: string }) => {
      await withTemplates(options.config, async (templates) => {
        const saved = await templates.save(JSON.parse(readFileSync(options.file, 'utf8')));
        console.log(`saved template ${saved.id}: ${saved.groups.length} groups`);
      });
    });
  template
    .command('remove')
    .addOption(configOption())
    .requiredOption('--id <id>')
    .action(async (options: { config: string; id: string }) => {
      await withTemplates(options.config, async (templates) => {
        await templates.remove(options.id);
        console.log(`removed template ${options.id}`);
      });
    });
}
