import {
  eventId,
  MutualError,
  type EventDraft,
  type FeedPage,
  type FeedPost,
  type FeedReply,
  type GroupEvent,
  type Group,
  type MyGroup,
  type MySpace,
  type Person,
  type PersonId,
  type ReactionCount,
  type Role,
  type Space,
} from '@mutual/protocol';
import { sql, type Kysely, type Selectable } from 'kysely';
import { applyEvent } from './apply-event.js';
import { toEvent, toGroup, toMilestone, toPerson, toSpace, toTask, unknownPerson } from './rows.js';
import type { Database, EntriesTable } from './schema.js';
import type { FeedQuery, Store, StoredEvent } from './store.js';

/** The {@link Store} over Kysely: dialect-neutral SQL, shared by SQLite and PostgreSQL. */
export class KyselyStore implements Store {
  readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async getPerson(id: PersonId) {
    const row = await this.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toPerson(row);
  }

  async getPeople(ids: readonly PersonId[]) {
    const unique = [...new Set(ids)];
    const people = new Map<PersonId, Person>();
    if (unique.length === 0) return people;
    const rows = await this.db.selectFrom('people').selectAll().where('id', 'in', unique).execute();
    for (const row of rows) people.set(row.id, toPerson(row));
    for (const id of unique) if (!people.has(id)) people.set(id, unknownPerson(id));
    return people;
  }

  async upsertPerson(person: Person) {
    const row = { name: person.name, title: person.title ?? null, organisation: person.organisation };
    await this.db
      .insertInto('people')
      .values({ id: person.id, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  }

  async createSpace(space: Space, at: string) {
    await this.db
      .insertInto('spaces')
      .values({
        id: space.id,
        name: space.name,
        seller: space.seller,
        buyer: space.buyer,
        decision_date: space.decisionDate ?? null,
        stage: space.stage,
        created_at: at,
      })
      .execute();
  }

  async getSpace(id: string) {
    const row = await this.db.selectFrom('spaces').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSpace(row);
  }

  async createGroup(group: Group, at: string) {
    await this.db
      .insertInto('groups')
      .values({
        id: group.id,
        space_id: group.space,
        kind: group.kind,
        workstream: group.workstream ?? null,
        name: group.name,
        home: group.home,
        last_seq: 0,
        created_at: at,
      })
      .execute();
  }

  async getGroup(id: string) {
    const row = await this.db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toGroup(row);
  }

  async listGroups(space: string) {
    const rows = await this.db.selectFrom('groups').selectAll().where('space_id', '=', space).orderBy('created_at').orderBy('id').execute();
    return rows.map(toGroup);
  }

  async getRole(group: string, person: PersonId) {
    const row = await this.db
      .selectFrom('memberships')
      .select('role')
      .where('group_id', '=', group)
      .where('person_id', '=', person)
      .executeTakeFirst();
    return row?.role as Role | undefined;
  }

  async listMembers(group: string) {
    const rows = await this.db
      .selectFrom('memberships')
      .select(['person_id', 'role'])
      .where('group_id', '=', group)
      .orderBy('person_id')
      .execute();
    const people = await this.getPeople(rows.map((row) => row.person_id));
    return rows.map((row) => ({ ...people.get(row.person_id)!, role: row.role as Role }));
  }

  async listGroupsFor(person: PersonId, space: string): Promise<MyGroup[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .innerJoin('groups', 'groups.id', 'memberships.group_id')
      .selectAll('groups')
      .select('memberships.role')
      .where('memberships.person_id', '=', person)
      .where('groups.space_id', '=', space)
      .orderBy('groups.created_at')
      .orderBy('groups.id')
      .execute();
    return rows.map((row) => ({ ...toGroup(row), role: row.role as Role }));
  }

  async listSpacesFor(person: PersonId): Promise<MySpace[]> {
    const spaceRows = await this.db
      .selectFrom('spaces')
      .selectAll()
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('memberships')
          .innerJoin('groups', 'groups.id', 'memberships.group_id')
          .select('groups.space_id')
          .where('memberships.person_id', '=', person),
      )
      .orderBy('created_at', 'desc')
      .execute();
    return Promise.all(
      spaceRows.map(async (row) => ({ ...toSpace(row), groups: await this.listGroupsFor(person, row.id) })),
    );
  }

  async append(draft: EventDraft, clientId?: string): Promise<StoredEvent> {
    const id = await eventId(draft);
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
      if (existing) return { cursor: Number(existing.cursor), event: toEvent(existing) };
      const bumped = await trx
        .updateTable('groups')
        .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
        .where('id', '=', draft.group)
        .returning('last_seq')
        .executeTakeFirst();
      if (!bumped) throw new MutualError('not_found', 'no such group');
      const event = { ...draft, id, seq: Number(bumped.last_seq) } as GroupEvent;
      const inserted = await trx
        .insertInto('events')
        .values({
          id,
          space_id: event.space,
          group_id: event.group,
          seq: event.seq,
          type: event.type,
          author: event.author,
          at: event.at,
          body: JSON.stringify(event.body),
          client_id: clientId ?? null,
        })
        .returning('cursor')
        .executeTakeFirstOrThrow();
      const cursor = Number(inserted.cursor);
      await applyEvent(trx, event, cursor);
      return { cursor, event };
    });
  }

  async findByClientId(group: string, author: PersonId, clientId: string) {
    const row = await this.db
      .selectFrom('events')
      .selectAll()
      .where('group_id', '=', group)
      .where('author', '=', author)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row && { cursor: Number(row.cursor), event: toEvent(row) };
  }

  async eventsAfter(groups: readonly string[], cursor: number, limit: number): Promise<StoredEvent[]> {
    if (groups.length === 0) return [];
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('group_id', 'in', [...groups])
      .where('cursor', '>', cursor)
      .orderBy('cursor')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ cursor: Number(row.cursor), event: toEvent(row) }));
  }

  async lastCursor() {
    const row = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('cursor').as('cursor'))
      .executeTakeFirst();
    return Number(row?.cursor ?? 0);
  }

  async feedPage({ group, viewer, before, limit }: FeedQuery): Promise<FeedPage> {
    let query = this.db
      .selectFrom('entries')
      .selectAll()
      .where('group_id', '=', group)
      .where('parent_id', 'is', null)
      .orderBy('cursor', 'desc')
      .limit(limit + 1);
    if (before !== undefined) query = query.where('cursor', '<', before);
    const rows = await query.execute();
    const page = rows.slice(0, limit);
    const replies = page.length
      ? await this.db
          .selectFrom('entries')
          .selectAll()
          .where('parent_id', 'in', page.map((row) => row.id))
          .orderBy('cursor')
          .execute()
      : [];
    const all = [...page, ...replies];
    const [people, reactions] = await Promise.all([
      this.getPeople(all.map((row) => row.author)),
      this.#reactions(all.map((row) => row.id), viewer),
    ]);
    const toReply = (row: Selectable<EntriesTable>): FeedReply => ({
      ...this.#entry(row, people, reactions),
      parent: row.parent_id!,
    });
    const posts: FeedPost[] = page.map((row) => ({
      ...this.#entry(row, people, reactions),
      replies: replies.filter((reply) => reply.parent_id === row.id).map(toReply),
    }));
    const last = page.at(-1);
    return { posts, ...(rows.length > limit && last && { next: String(last.cursor) }) };
  }

  async getEntry(group: string, id: string, viewer: PersonId) {
    const row = await this.db
      .selectFrom('entries')
      .selectAll()
      .where('group_id', '=', group)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const [people, reactions] = await Promise.all([this.getPeople([row.author]), this.#reactions([row.id], viewer)]);
    const entry = this.#entry(row, people, reactions);
    return row.parent_id === null ? { ...entry, replies: [] } : { ...entry, parent: row.parent_id };
  }

  async reactionsOf(entry: string, viewer: PersonId) {
    return (await this.#reactions([entry], viewer)).get(entry) ?? [];
  }

  async listTasks(group: string) {
    const rows = await this.db.selectFrom('tasks').selectAll().where('group_id', '=', group).orderBy('created_at').orderBy('id').execute();
    return rows.map(toTask);
  }

  async getTask(group: string, id: string) {
    const row = await this.db.selectFrom('tasks').selectAll().where('group_id', '=', group).where('id', '=', id).executeTakeFirst();
    return row && toTask(row);
  }

  async listMilestones(group: string) {
    const rows = await this.db.selectFrom('milestones').selectAll().where('group_id', '=', group).orderBy('date').orderBy('id').execute();
    return rows.map(toMilestone);
  }

  async getMilestone(group: string, id: string) {
    const row = await this.db
      .selectFrom('milestones')
      .selectAll()
      .where('group_id', '=', group)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toMilestone(row);
  }

  async close() {
    await this.db.destroy();
  }

  #entry(
    row: Selectable<EntriesTable>,
    people: Map<PersonId, Person>,
    reactions: Map<string, ReactionCount[]>,
  ) {
    return {
      id: row.id,
      group: row.group_id,
      seq: Number(row.seq),
      author: people.get(row.author)!,
      text: row.text,
      at: row.at,
      ...(row.client_id !== null && { clientId: row.client_id }),
      reactions: reactions.get(row.id) ?? [],
    };
  }

  async #reactions(entries: readonly string[], viewer: PersonId): Promise<Map<string, ReactionCount[]>> {
    const counts = new Map<string, ReactionCount[]>();
    if (entries.length === 0) return counts;
    const rows = await this.db
      .selectFrom('reactions')
      .select([
        'entry_id',
        'emoji',
        (eb) => eb.fn.countAll<number>().as('count'),
        sql<number>`sum(case when person_id = ${viewer} then 1 else 0 end)`.as('mine'),
      ])
      .where('entry_id', 'in', [...entries])
      .groupBy(['entry_id', 'emoji'])
      .orderBy('emoji')
      .execute();
    for (const row of rows) {
      const list = counts.get(row.entry_id) ?? [];
      list.push({ emoji: row.emoji, count: Number(row.count), mine: Number(row.mine) > 0 });
      counts.set(row.entry_id, list);
    }
    return counts;
  }
}
