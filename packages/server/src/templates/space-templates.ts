import { MutualError, newId, systemClock, type Clock, type Group, type Space } from '@mutual/protocol';
import type { Admin, CreateSpaceInput } from '../admin/admin.js';
import type { Store } from '../store/store.js';
import { kyselyOf } from '../webhooks/kysely-of.js';
import { DEFAULT_TEMPLATE, EMPTY_TEMPLATE } from './default-template.js';
import { TemplateStore } from './template-store.js';
import { dayAfter, daysBetween, SpaceTemplateSchema, type SpaceTemplate, type SpaceTemplateInput } from './template.js';

const BUILT_IN: readonly SpaceTemplate[] = [DEFAULT_TEMPLATE, EMPTY_TEMPLATE];

/**
 * Space templates: a new space starts from one (by default {@link DEFAULT_TEMPLATE}); an admin
 * saves a space as a new one — its groups, tasks and milestones, never its people or posts.
 */
export class SpaceTemplates {
  readonly #store: Store;
  readonly #admin: Admin;
  readonly #templates: TemplateStore;
  readonly #clock: Clock;

  constructor(store: Store, admin: Admin, options: { clock?: Clock } = {}) {
    this.#store = store;
    this.#admin = admin;
    this.#templates = new TemplateStore(kyselyOf(store));
    this.#clock = options.clock ?? systemClock;
  }

  async list(): Promise<Array<Pick<SpaceTemplate, 'id' | 'name' | 'description'> & { builtIn: boolean }>> {
    const saved = await this.#templates.list();
    return [
      ...BUILT_IN.map(({ id, name, description }) => ({ id, name, ...(description && { description }), builtIn: true })),
      ...saved.map((template) => ({ ...template, builtIn: false })),
    ];
  }

  async get(id: string): Promise<SpaceTemplate> {
    const template = BUILT_IN.find((t) => t.id === id) ?? (await this.#templates.get(id));
    if (!template) throw new MutualError('not_found', `no template ${id}`);
    return template;
  }

  /** Saves (or replaces) a template given as data. Built-in names are taken. */
  async save(input: SpaceTemplateInput): Promise<SpaceTemplate> {
    const parsed = SpaceTemplateSchema.safeParse(input);
    if (!parsed.success) {
      throw new MutualError('invalid_request', 'invalid template', { detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    }
    if (BUILT_IN.some((t) => t.id === parsed.data.id)) throw new MutualError('conflict', `${parsed.data.id} is a built-in template`);
    await this.#templates.save(parsed.data, this.#now());
    return parsed.data;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.#templates.remove(id))) throw new MutualError('not_found', `no saved template ${id}`);
  }

  /**
   * A template from a space held here: its groups with their tasks and milestones, dates kept as
   * days from the space's first day, tasks back to do, milestones not done, no owners.
   */
  async saveFromSpace(spaceId: string, meta: { id: string; name: string; description?: string }): Promise<SpaceTemplate> {
    const space = await kyselyOf(this.#store).selectFrom('spaces').select(['id', 'created_at']).where('id', '=', spaceId).executeTakeFirst();
    if (!space) throw new MutualError('not_found', `no space ${spaceId} on this server`);
    const start = space.created_at;
    const groups = await this.#store.listGroups(spaceId);
    return this.save({
      ...meta,
      groups: await Promise.all(
        groups.map(async (group) => ({
          slug: slugOf(group, spaceId),
          kind: group.kind,
          ...(group.workstream && { workstream: group.workstream }),
          name: group.name,
          tasks: (await this.#store.listTasks(group.id)).map((task) => ({
            id: task.id,
            title: task.title,
            status: 'todo' as const,
            ...(task.deliverable && { deliverable: task.deliverable }),
            ...(task.due && { dueInDays: daysBetween(start, task.due) }),
          })),
          milestones: (await this.#store.listMilestones(group.id)).map((m) => ({ id: m.id, title: m.title, inDays: daysBetween(start, m.date) })),
        })),
      ),
    });
  }

  /** Creates a space homed here from a template (default: the standard one), dated from today. */
  async createSpace(input: Omit<CreateSpaceInput, 'standardGroups'> & { template?: string }): Promise<{ space: Space; groups: Group[] }> {
    const template = await this.get(input.template ?? DEFAULT_TEMPLATE.id);
    const { template: _template, ...spaceInput } = input;
    const { space } = await this.#admin.createSpace({ ...spaceInput, standardGroups: false });
    const today = this.#now().slice(0, 10);
    const groups: Group[] = [];
    for (const t of template.groups) {
      const group = await this.#admin.createGroup({ id: `${space.id}.${t.slug}`, space: space.id, kind: t.kind, name: t.name, ...(t.workstream && { workstream: t.workstream }) });
      groups.push(group);
      for (const task of t.tasks) {
        await this.#admin.createTask(group.id, task.id ?? newId(), {
          title: task.title,
          status: task.status,
          ...(task.deliverable && { deliverable: task.deliverable }),
          ...(task.dueInDays !== undefined && { due: dayAfter(today, task.dueInDays) }),
          ...(t.workstream && { workstream: t.workstream }),
        });
      }
      for (const milestone of t.milestones) {
        await this.#admin.setMilestone(group.id, milestone.id ?? newId(), { title: milestone.title, date: dayAfter(today, milestone.inDays), done: false });
      }
    }
    return { space, groups };
  }

  #now() {
    return new Date(this.#clock()).toISOString();
  }
}

/** The part of a group id after `<space>.`, as a slug (a group named otherwise gets a readable one). */
function slugOf(group: Group, space: string): string {
  const rest = group.id.startsWith(`${space}.`) ? group.id.slice(space.length + 1) : group.id;
  return rest.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '').slice(0, 40) || 'group';
}
