import {
  domainOf,
  GroupSchema,
  MutualError,
  PersonSchema,
  RoleSchema,
  SpaceSchema,
  systemClock,
  type Clock,
  type Group,
  type MilestoneFields,
  type Person,
  type PersonId,
  type Role,
  type Space,
  type TaskFields,
} from '@mutual/protocol';
import { ServerKeys } from '../federation/server-keys.js';
import { LiveHub } from '../live/hub.js';
import { EventWriter } from '../log/event-writer.js';
import type { Store } from '../store/store.js';
import { STANDARD_GROUPS } from './standard-groups.js';

export interface CreateSpaceInput {
  id: string;
  name: string;
  buyer: string;
  decisionDate?: string;
  stage?: Space['stage'];
  /** Create the standard groups (plan, steering, five workstreams, internal). Default true. */
  standardGroups?: boolean;
}

/**
 * What an organisation's admin does: spaces, groups, people and memberships. Used by the CLI,
 * the examples' seed and the tests; membership changes are events like any other.
 */
export class Admin {
  readonly #store: Store;
  readonly #writer: EventWriter;
  readonly #clock: Clock;
  readonly #domain: string;

  constructor(store: Store, domain: string, options: { writer?: EventWriter; clock?: Clock } = {}) {
    this.#store = store;
    this.#domain = domain;
    this.#clock = options.clock ?? systemClock;
    this.#writer =
      options.writer ?? new EventWriter({ store, hub: new LiveHub(), keys: new ServerKeys(store.peers, this.#clock), domain, clock: this.#clock });
  }

  /** The author of administrative events: the organisation itself. */
  get actor(): PersonId {
    return `admin@${this.#domain}`;
  }

  async createSpace(input: CreateSpaceInput): Promise<{ space: Space; groups: Group[] }> {
    const space = SpaceSchema.parse({
      id: input.id,
      name: input.name,
      seller: this.#domain,
      buyer: input.buyer,
      decisionDate: input.decisionDate,
      stage: input.stage ?? 'evaluation',
    });
    if (await this.#store.getSpace(space.id)) throw new MutualError('conflict', `space ${space.id} exists already`);
    await this.#store.createSpace(space, this.#now());
    const groups: Group[] = [];
    if (input.standardGroups !== false) {
      for (const template of STANDARD_GROUPS) {
        groups.push(
          await this.createGroup({
            id: `${space.id}.${template.slug}`,
            space: space.id,
            kind: template.kind,
            name: template.name,
            ...(template.workstream && { workstream: template.workstream }),
          }),
        );
      }
    }
    return { space, groups };
  }

  async createGroup(input: Omit<Group, 'home'>): Promise<Group> {
    const group = GroupSchema.parse({ ...input, home: this.#domain });
    if (!(await this.#store.getSpace(group.space))) throw new MutualError('not_found', `no space ${group.space}`);
    await this.#store.createGroup(group, this.#now());
    return group;
  }

  async addPerson(input: Omit<Person, 'organisation'>): Promise<Person> {
    const person = PersonSchema.parse({ ...input, organisation: domainOf(input.id) });
    await this.#store.upsertPerson(person);
    return person;
  }

  async addMember(groupId: string, person: PersonId, role: Role = 'member'): Promise<void> {
    const group = await this.#requireGroup(groupId);
    RoleSchema.parse(role);
    if (group.kind === 'internal' && domainOf(person) !== group.home) {
      throw new MutualError('forbidden', 'internal groups hold people of their own organisation only');
    }
    if (domainOf(person) !== this.#domain) {
      if (!(await this.#store.peers.getPeer(domainOf(person)))) {
        throw new MutualError('forbidden', `${domainOf(person)} is not a peer: invite it or accept its invitation first`);
      }
      // The person's own server is the authority on their name; until it tells us, show the id.
      if (!(await this.#store.getPerson(person))) {
        await this.#store.upsertPerson({ id: person, name: person.slice(0, person.indexOf('@')), organisation: domainOf(person) });
      }
    }
    if (!(await this.#store.getPerson(person))) throw new MutualError('not_found', `no person ${person}: add them first`);
    await this.#writer.writeHere({ space: group.space, group: group.id, author: this.actor, type: 'member.added', body: { person, role } });
  }

  async removeMember(groupId: string, person: PersonId): Promise<void> {
    const group = await this.#requireGroup(groupId);
    if (!(await this.#store.getRole(group.id, person))) throw new MutualError('not_found', `${person} is not in ${group.id}`);
    await this.#writer.writeHere({ space: group.space, group: group.id, author: this.actor, type: 'member.removed', body: { person } });
  }

  /** Writes a task as the organisation itself (templates, plan imports), in a group homed here. */
  async createTask(groupId: string, task: string, fields: TaskFields): Promise<void> {
    const group = await this.#requireGroup(groupId);
    await this.#writer.writeHere({ space: group.space, group: group.id, author: this.actor, type: 'task.created', body: { task, ...fields } });
  }

  async updateTask(groupId: string, task: string, changes: Partial<TaskFields>): Promise<void> {
    const group = await this.#requireGroup(groupId);
    await this.#writer.writeHere({ space: group.space, group: group.id, author: this.actor, type: 'task.updated', body: { task, changes } });
  }

  async setMilestone(groupId: string, milestone: string, fields: MilestoneFields): Promise<void> {
    const group = await this.#requireGroup(groupId);
    await this.#writer.writeHere({ space: group.space, group: group.id, author: this.actor, type: 'milestone.set', body: { milestone, ...fields } });
  }

  async #requireGroup(id: string): Promise<Group> {
    const group = await this.#store.getGroup(id);
    if (!group) throw new MutualError('not_found', `no group ${id}`);
    return group;
  }

  #now() {
    return new Date(this.#clock()).toISOString();
  }
}
