import {
  canWrite,
  domainOf,
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
  type ReactionTotal,
  type Role,
  type SealedEvent,
  type Space,
  TokenError,
} from '@mutual/protocol';
import type SQLite from 'better-sqlite3';
import { PostgresAdapter, sql, type Kysely, type Selectable } from 'kysely';
import { SIGNAL_CHANNEL } from '../live/postgres-notifier.js';
import { PROCESS_ID } from '../process-id.js';
import { signalOf } from '../live/hub.js';
import { applyEvent, changesGroupOrMembers } from './apply-event.js';
import { holdCursorHorizon } from './committed-cursor.js';
import { GroupCommit } from './group-commit.js';
import { GroupMembersCache, type GroupMembers } from './group-members-cache.js';
import { precompile } from './precompiled-query.js';
import { KyselyCockpitStore } from './kysely-cockpit-store.js';
import { enqueueOutbox, KyselyOutbox } from './kysely-outbox.js';
import { KyselyPeerStore } from './kysely-peer-store.js';
import { recordRequest, type RequestRecord } from './request-record.js';
import { toAgreement, toEvent, toGroup, toMilestone, toPerson, toSpace, toStored, toTask, unknownPerson } from './rows.js';
import type { Database, EntriesTable } from './schema.js';
import { personalise, type SharedFeedPage, type SharedFeedPost, type SharedReaction } from './shared-feed-page.js';
import type { Agreement, AppendOptions, FeedQuery, GroupAccess, ReplicaOutcome, Store, StoredEvent } from './store.js';

/** The {@link Store} over Kysely: dialect-neutral SQL, shared by SQLite and PostgreSQL. */
export class KyselyStore implements Store {
  readonly db: Kysely<Database>;
  readonly peers: KyselyPeerStore;
  readonly outbox: KyselyOutbox;
  readonly cockpit: KyselyCockpitStore;

  /** Set on PostgreSQL: appends tell the other processes, on commit (see live/postgres-notifier.ts). */
  readonly #notifies: boolean;
  /**
   * SQLite has one writer and pays an fsync per commit: concurrent appends share commits. On
   * PostgreSQL, writes from a pool already overlap, so each keeps its own transaction.
   */
  readonly #groupCommit: GroupCommit | undefined;
  /** Raised before and after each write to `people` here: part of {@link GroupAccess.sideVersion}. */
  #peopleWrites = 0;
  /** Raised before and after each log write here: any of them can move a group's `last_seq`. */
  #logWrites = 0;
  /** Raised before and after each write here that can change a group's row or its members. */
  #memberWrites = 0;
  /**
   * Such writes queued or running: while any is, what the cache holds may be older than what a
   * write's transaction sees (a reader can cache the members between a write's count and its work),
   * so a write asks the transaction for its delivery targets.
   */
  #memberWritesInFlight = 0;
  /** On SQLite, `data_version` of this connection: it changes when another connection commits. */
  readonly #dataVersion: (() => number) | undefined;
  /** Groups and members for the membership check, on SQLite only (group-members-cache.ts). */
  readonly #members = new GroupMembersCache();

  /** `sqlite`: the connection under `db` when it is SQLite's, so reads can tell if another wrote. */
  constructor(db: Kysely<Database>, options: { sqlite?: SQLite.Database } = {}) {
    this.db = db;
    // The pragma itself, plucked: a third of the cost of selecting from the pragma_data_version table.
    const dataVersion = options.sqlite?.prepare('pragma data_version').pluck();
    this.#dataVersion = dataVersion && (() => dataVersion.get() as number);
    this.peers = new KyselyPeerStore(db);
    // One process owns a SQLite file: its outbox leases need not be written to disk, and its
    // outbox writes share the appends' commits.
    const ownsDatabase = !(db.getExecutor().adapter instanceof PostgresAdapter);
    this.outbox = new KyselyOutbox(db, { leasesInMemory: ownsDatabase, write: (work) => this.#logWrite(work) });
    this.cockpit = new KyselyCockpitStore(db);
    this.#notifies = db.getExecutor().adapter instanceof PostgresAdapter;
    this.#groupCommit = this.#notifies ? undefined : new GroupCommit(db);
  }

  /** The statements on hot paths (every append, the reads after it, every federated write), compiled once (see precompiled-query.ts). */
  readonly #queries = {
    eventById: precompile(1, (db, id) => db.selectFrom('events').selectAll().where('id', '=', id!)),
    bumpGroup: precompile(1, (db, group) =>
      db
        .updateTable('groups')
        .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
        .where('id', '=', group!)
        .returning(['last_seq', 'home', 'kind']),
    ),
    bumpSpace: precompile(1, (db, space) =>
      db
        .updateTable('spaces')
        .set((eb) => ({ last_pos: eb('last_pos', '+', 1) }))
        .where('id', '=', space!)
        .returning('last_pos'),
    ),
    insertEvent: precompile(11, (db, id, space, group, seq, type, author, at, body, clientId, proof, position) =>
      db
        .insertInto('events')
        .values({
          id: id!,
          space_id: space!,
          group_id: group!,
          seq: seq as unknown as number,
          type: type!,
          author: author!,
          at: at!,
          body: body!,
          client_id: clientId!,
          proof: proof!,
          space_pos: position as unknown as number,
        })
        .returning('cursor'),
    ),
    // A delivery's apply, event by event.
    eventAt: precompile(2, (db, group, seq) => db.selectFrom('events').select('id').where('group_id', '=', group!).where('seq', '=', seq as unknown as number)),
    setLastSeq: precompile(2, (db, group, seq) => db.updateTable('groups').set({ last_seq: seq as unknown as number }).where('id', '=', group!)),
    memberIds: precompile(1, (db, group) => db.selectFrom('memberships').select('person_id').where('group_id', '=', group!)),
    // The membership check's cache is read again after every log write (#readMembers); the group,
    // its space and a person are also looked up by every federated write and delivery.
    group: precompile(1, (db, group) => db.selectFrom('groups').selectAll().where('id', '=', group!)),
    spaceById: precompile(1, (db, id) => db.selectFrom('spaces').selectAll().where('id', '=', id!)),
    personById: precompile(1, (db, id) => db.selectFrom('people').selectAll().where('id', '=', id!)),
    lastSeq: precompile(1, (db, group) => db.selectFrom('groups').select('last_seq').where('id', '=', group!)),
    memberRoles: precompile(1, (db, group) => db.selectFrom('memberships').select(['person_id', 'role']).where('group_id', '=', group!)),
    memberRole: precompile(2, (db, group, person) =>
      db.selectFrom('memberships').select('role').where('group_id', '=', group!).where('person_id', '=', person!),
    ),
    byClientId: precompile(3, (db, group, author, clientId) =>
      db.selectFrom('events').selectAll().where('group_id', '=', group!).where('author', '=', author!).where('client_id', '=', clientId!),
    ),
  };

  /**
   * A log write in a transaction of its own or, on SQLite, in a shared commit (see GroupCommit).
   * `changesMembers`: it may write a group's row or its memberships (see changesGroupOrMembers).
   */
  #logWrite<T>(work: (trx: Kysely<Database>) => Promise<T>, changesMembers = false): Promise<T> {
    return this.#counted(() => (this.#groupCommit ? this.#groupCommit.run(work) : this.db.transaction().execute(work)), changesMembers);
  }

  /** A write of a group's row outside the log (creating or updating it). */
  async #groupRowWrite(write: () => Promise<unknown>): Promise<void> {
    await this.#counted(write, true);
  }

  /** Runs a write with the membership cache's counters raised before it and after it (see groupAccess). */
  #counted<T>(write: () => Promise<T>, changesMembers: boolean): Promise<T> {
    const raise = (inFlight: number) => {
      this.#logWrites++;
      if (!changesMembers) return;
      this.#memberWrites++;
      this.#memberWritesInFlight += inFlight;
    };
    raise(1);
    return write().finally(() => raise(-1));
  }

  async getPerson(id: PersonId) {
    const [row] = (await this.#queries.personById(this.db, id)).rows;
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
    this.#peopleWrites++;
    await this.db
      .insertInto('people')
      .values({ id: person.id, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute()
      .finally(() => this.#peopleWrites++);
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
    const [row] = (await this.#queries.spaceById(this.db, id)).rows;
    return row && toSpace(row);
  }

  async upsertSpace(space: Space, at: string) {
    const row = {
      name: space.name,
      seller: space.seller,
      buyer: space.buyer,
      decision_date: space.decisionDate ?? null,
      stage: space.stage,
    };
    await this.db
      .insertInto('spaces')
      .values({ id: space.id, created_at: at, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  }

  async upsertGroup(group: Group, at: string) {
    const row = { kind: group.kind, workstream: group.workstream ?? null, name: group.name };
    await this.#groupRowWrite(() =>
      this.db
        .insertInto('groups')
        .values({ id: group.id, space_id: group.space, home: group.home, last_seq: 0, created_at: at, ...row })
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute(),
    );
  }

  async createGroup(group: Group, at: string) {
    await this.#groupRowWrite(() =>
      this.db
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
        .execute(),
    );
  }

  async getGroup(id: string) {
    const [row] = (await this.#queries.group(this.db, id)).rows;
    return row && toGroup(row);
  }

  async listGroups(space: string) {
    const rows = await this.db.selectFrom('groups').selectAll().where('space_id', '=', space).orderBy('created_at').orderBy('id').execute();
    return rows.map(toGroup);
  }

  /**
   * Reads what the membership cache lacks after the stamps were taken, and keeps it under them:
   * only the group's position when its members are as cached (a post was written since), else the
   * group and all its members.
   */
  async #readMembers(group: string, stamp: string, memberStamp: string): Promise<GroupMembers | undefined> {
    const known = this.#members.members(group, memberStamp);
    if (known) {
      const [row] = (await this.#queries.lastSeq(this.db, group)).rows;
      if (!row) return undefined;
      const members = { ...known, lastSeq: Number(row.last_seq) };
      this.#members.set(group, stamp, memberStamp, members);
      return members;
    }
    const [row] = (await this.#queries.group(this.db, group)).rows;
    if (!row) return undefined;
    const { rows } = await this.#queries.memberRoles(this.db, group);
    const members = { group: toGroup(row), lastSeq: Number(row.last_seq), roles: new Map(rows.map((m) => [m.person_id, m.role as Role])) };
    this.#members.set(group, stamp, memberStamp, members);
    return members;
  }

  /**
   * The organisations with a member in `group`, as this write's transaction sees them: from the
   * membership cache when no write that can change members is queued or running (an earlier one in
   * the same shared commit is), else from the transaction.
   */
  async #memberDomains(trx: Kysely<Database>, group: string): Promise<Set<string>> {
    const cacheHolds = this.#dataVersion && this.#memberWritesInFlight === 0;
    const known = cacheHolds && this.#members.members(group, `${this.#memberWrites}:${this.#dataVersion!()}`);
    const people = known ? known.roles.keys() : (await this.#queries.memberIds(trx, group)).rows.map((row) => row.person_id);
    const domains = new Set<string>();
    for (const person of people) domains.add(domainOf(person));
    return domains;
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

  /** Every group read starts here (the membership check): compiled once. */
  readonly #groupAccessQuery = precompile(2, (db, group, person) =>
    db
      .selectFrom('groups')
      .leftJoin('memberships', (join) => join.onRef('memberships.group_id', '=', 'groups.id').on('memberships.person_id', '=', person!))
      .selectAll('groups')
      .select('memberships.role')
      // SQLite's data_version changes when another connection (the CLI, another process) commits;
      // this connection's own writes raise last_seq or #peopleWrites instead.
      .$if(!this.#notifies, (query) => query.select(sql<number>`(select data_version from pragma_data_version)`.as('data_version')))
      .where('groups.id', '=', group!),
  );

  async groupAccess(group: string, person: PersonId): Promise<GroupAccess | undefined> {
    if (this.#dataVersion) {
      // SQLite, this process's connection: from memory while nothing was written since.
      const dataVersion = this.#dataVersion();
      const stamp = `${this.#logWrites}:${dataVersion}`;
      const members = this.#members.get(group, stamp) ?? (await this.#readMembers(group, stamp, `${this.#memberWrites}:${dataVersion}`));
      if (!members) return undefined;
      const { lastSeq, roles } = members;
      return { group: members.group, role: roles.get(person), lastSeq, sideVersion: `${this.#peopleWrites}:${dataVersion}` };
    }
    const ownsDatabase = !this.#notifies;
    const [row] = (await this.#groupAccessQuery(this.db, group, person)).rows;
    if (!row) return undefined;
    const dataVersion = (row as { data_version?: number }).data_version;
    return {
      group: toGroup(row),
      role: (row.role ?? undefined) as Role | undefined,
      lastSeq: Number(row.last_seq),
      sideVersion: ownsDatabase ? `${this.#peopleWrites}:${dataVersion}` : undefined,
    };
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

  async memberDomains(group: string) {
    const rows = await this.db.selectFrom('memberships').select('person_id').where('group_id', '=', group).execute();
    return [...new Set(rows.map((row) => domainOf(row.person_id)))].sort();
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

  async append(draft: EventDraft, options: AppendOptions = {}): Promise<StoredEvent> {
    const id = await eventId(draft);
    try {
      return await this.#logWrite((trx) => this.#appendIn(trx, id, draft, options), changesGroupOrMembers(draft.type));
    } catch (error) {
      if (!(error instanceof EarlierWrite)) throw error;
      // Its own write was rolled back; the request that carried the retry is still remembered.
      const { request } = options;
      if (request) await this.#logWrite((trx) => this.#rememberIn(trx, request));
      return error.stored;
    }
  }

  async #appendIn(trx: Kysely<Database>, id: string, draft: EventDraft, options: AppendOptions): Promise<StoredEvent> {
    if (options.request) await this.#rememberIn(trx, options.request);
    const [existing] = (await this.#queries.eventById(trx, id)).rows;
    if (existing) return toStored(existing);
    const [bumped] = (await this.#queries.bumpGroup(trx, draft.group)).rows;
    if (!bumped) throw new MutualError('not_found', 'no such group');
    // Asked again here, with the group's row locked by the bump (PostgreSQL; SQLite writes one at
    // a time): a retry racing its first attempt finds it, where a read before the write did not.
    if (options.clientId) {
      const [earlier] = (await this.#queries.byClientId(trx, draft.group, draft.author, options.clientId)).rows;
      if (earlier) throw new EarlierWrite(toStored(earlier));
    }
    // Likewise, the author's role is asked again under the lock: a removal committed since the
    // route's check refuses the write rather than placing it after the removal.
    if (options.asMember) {
      const [member] = (await this.#queries.memberRole(trx, draft.group, draft.author)).rows;
      if (!member) throw new MutualError('not_a_member', 'not a member of this group');
      if (!canWrite(member.role as Role)) throw new MutualError('forbidden', 'observers cannot write in this group');
    }
    const event = { ...draft, id, seq: Number(bumped.last_seq) } as GroupEvent;
    const proof = options.seal ? await options.seal(event) : null;
    const { cursor, position } = await this.#insertEvent(trx, event, proof, options.clientId ?? null);
    await applyEvent(trx, event, cursor);
    // Every other organisation with a member in the group gets the event — and an organisation
    // whose person was just removed gets that removal, then nothing more.
    if (bumped.kind !== 'internal') {
      const targets = await this.#memberDomains(trx, event.group);
      if (event.type === 'member.removed') targets.add(domainOf(event.body.person));
      targets.delete(bumped.home);
      for (const target of [...targets].sort()) {
        await enqueueOutbox(trx, { target, kind: 'deliver', group: event.group, eventId: event.id }, event.at);
      }
    }
    return { cursor: position, event, appended: true as const };
  }

  async applyReplicated(sealed: SealedEvent): Promise<ReplicaOutcome> {
    return this.#logWrite((trx) => this.#applyReplicatedIn(trx, sealed), changesGroupOrMembers(sealed.event.type));
  }

  async applyReplicatedInOrder(events: readonly SealedEvent[], request?: RequestRecord): Promise<ReplicaOutcome[]> {
    // One write for the whole delivery, with the request that brought it: one commit (SQLite
    // group commit may share it further), and a replayed request applies nothing.
    return this.#logWrite(async (trx) => {
      if (request) await this.#rememberIn(trx, request);
      const outcomes: ReplicaOutcome[] = [];
      for (const sealed of events) outcomes.push(await this.#applyReplicatedIn(trx, sealed));
      return outcomes;
    }, events.some((sealed) => changesGroupOrMembers(sealed.event.type)));
  }

  /** Remembers the authorising request inside the write's transaction; a replay fails the write. */
  async #rememberIn(trx: Kysely<Database>, request: RequestRecord): Promise<void> {
    if (!(await recordRequest(trx, request))) throw new TokenError('token_replayed', 'this request was already received');
  }

  async #applyReplicatedIn(trx: Kysely<Database>, { event, proof }: SealedEvent): Promise<ReplicaOutcome> {
    const [group] = (await this.#queries.lastSeq(trx, event.group)).rows;
    if (!group) throw new MutualError('not_found', 'no such group');
    const last = Number(group.last_seq);
    if (event.seq <= last) {
      const [there] = (await this.#queries.eventAt(trx, event.group, event.seq)).rows;
      return there?.id === event.id ? { outcome: 'duplicate' } : { outcome: 'conflict' };
    }
    if (event.seq !== last + 1) return { outcome: 'gap', expected: last + 1 };
    const [clash] = (await this.#queries.eventById(trx, event.id)).rows;
    if (clash) return { outcome: 'conflict' };
    await this.#queries.setLastSeq(trx, event.group, event.seq);
    const clientId = 'clientId' in event.body && typeof event.body.clientId === 'string' ? event.body.clientId : null;
    const { cursor, position } = await this.#insertEvent(trx, event, proof, clientId);
    await applyEvent(trx, event, cursor);
    return { outcome: 'applied', stored: { cursor: position, event } };
  }

  async hold({ event, proof }: SealedEvent) {
    await this.db
      .insertInto('held_events')
      .values({ group_id: event.group, seq: event.seq, event: JSON.stringify(event), proof })
      .onConflict((oc) => oc.columns(['group_id', 'seq']).doNothing())
      .execute();
  }

  async held(group: string): Promise<SealedEvent[]> {
    const rows = await this.db.selectFrom('held_events').selectAll().where('group_id', '=', group).orderBy('seq').execute();
    return rows.map((row) => ({ event: JSON.parse(row.event) as GroupEvent, proof: row.proof }));
  }

  async dropHeld(group: string, throughSeq: number) {
    await this.db.deleteFrom('held_events').where('group_id', '=', group).where('seq', '<=', throughSeq).execute();
  }

  async sealedAfter(group: string, afterSeq: number, limit: number): Promise<SealedEvent[]> {
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('group_id', '=', group)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ event: toEvent(row), proof: row.proof ?? '' }));
  }

  async sealedByIds(ids: readonly string[]): Promise<SealedEvent[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('events').selectAll().where('id', 'in', [...ids]).orderBy('group_id').orderBy('seq').execute();
    return rows.map((row) => ({ event: toEvent(row), proof: row.proof ?? '' }));
  }

  async lastSeq(group: string) {
    const [row] = (await this.#queries.lastSeq(this.db, group)).rows;
    return Number(row?.last_seq ?? 0);
  }

  /** Inserts an event with its next position in its space (the space row lock orders commits). */
  async #insertEvent(trx: Kysely<Database>, event: GroupEvent, proof: string | null, clientId: string | null) {
    if (this.#notifies) await holdCursorHorizon(trx);
    const [space] = (await this.#queries.bumpSpace(trx, event.space)).rows;
    if (!space) throw new MutualError('not_found', 'no such space');
    const position = Number(space.last_pos);
    if (this.#notifies) {
      // Delivered to every listening process when (and only if) this transaction commits.
      await sql`select pg_notify(${SIGNAL_CHANNEL}, ${JSON.stringify({ ...signalOf({ cursor: position, event }), from: PROCESS_ID })})`.execute(trx);
    }
    const { rows } = await this.#queries.insertEvent(
      trx,
      ...[event.id, event.space, event.group, event.seq, event.type, event.author, event.at, JSON.stringify(event.body), clientId, proof, position],
    );
    return { cursor: Number(rows[0]!.cursor), position };
  }

  async findByClientId(group: string, author: PersonId, clientId: string) {
    const [row] = (await this.#queries.byClientId(this.db, group, author, clientId)).rows;
    return row && toStored(row);
  }

  async eventsAfter(groups: readonly string[], position: number, limit: number): Promise<StoredEvent[]> {
    if (groups.length === 0) return [];
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('group_id', 'in', [...groups])
      .where('space_pos', '>', position)
      .orderBy('space_pos')
      .limit(limit)
      .execute();
    return rows.map(toStored);
  }

  async spaceEventsAfter(space: string, position: number, limit: number): Promise<StoredEvent[]> {
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('space_id', '=', space)
      .where('space_pos', '>', position)
      .orderBy('space_pos')
      .limit(limit)
      .execute();
    return rows.map(toStored);
  }

  async lastPosition(space: string) {
    const row = await this.db.selectFrom('spaces').select('last_pos').where('id', '=', space).executeTakeFirst();
    return Number(row?.last_pos ?? 0);
  }

  async feedPage({ viewer, ...query }: FeedQuery): Promise<FeedPage> {
    return personalise(await this.sharedFeedPage(query), viewer);
  }

  async sharedFeedPage({ group, before, limit, throughSeq }: Omit<FeedQuery, 'viewer'>): Promise<SharedFeedPage> {
    let query = this.db
      .selectFrom('entries')
      .selectAll()
      .where('group_id', '=', group)
      .where('parent_id', 'is', null)
      .orderBy('cursor', 'desc')
      .limit(limit + 1);
    if (before !== undefined) query = query.where('cursor', '<', before);
    if (throughSeq !== undefined) query = query.where('seq', '<=', throughSeq);
    const rows = await query.execute();
    const page = rows.slice(0, limit);
    const posts: SharedFeedPost[] = await this.#postsWithReplies(page, (entries) => this.#sharedReactions(entries), throughSeq);
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
    const reactionsOf = (entries: readonly string[]) => this.#reactions(entries, viewer);
    // A post comes with its replies, as in a feed page (a retried post is answered with this).
    if (row.parent_id === null) return (await this.#postsWithReplies([row], reactionsOf))[0]!;
    const [people, reactions] = await Promise.all([this.getPeople([row.author]), reactionsOf([row.id])]);
    return { ...this.#entry(row, people, reactions), parent: row.parent_id };
  }

  /**
   * Posts with their replies, each with its author and reactions: what a feed page holds and what
   * one post is answered with. `reactionsOf` gives the shared counts or one viewer's.
   */
  async #postsWithReplies<R extends ReactionCount | SharedReaction>(
    posts: readonly Selectable<EntriesTable>[],
    reactionsOf: (entries: readonly string[]) => Promise<Map<string, R[]>>,
    throughSeq?: number,
  ) {
    let repliesQuery = this.db
      .selectFrom('entries')
      .selectAll()
      .where('parent_id', 'in', posts.map((row) => row.id))
      .orderBy('cursor');
    if (throughSeq !== undefined) repliesQuery = repliesQuery.where('seq', '<=', throughSeq);
    const replies = posts.length ? await repliesQuery.execute() : [];
    const all = [...posts, ...replies];
    const [people, reactions] = await Promise.all([this.getPeople(all.map((row) => row.author)), reactionsOf(all.map((row) => row.id))]);
    return posts.map((row) => ({
      ...this.#entry(row, people, reactions),
      replies: replies
        .filter((reply) => reply.parent_id === row.id && reply.group_id === row.group_id)
        .map((reply) => ({ ...this.#entry(reply, people, reactions), parent: row.id })),
    }));
  }

  async reactionTotals(group: string, entries: readonly string[]) {
    const totals = new Map<string, ReactionTotal[]>();
    if (entries.length === 0) return totals;
    const own = await this.db.selectFrom('entries').select('id').where('group_id', '=', group).where('id', 'in', [...entries]).execute();
    // Counted as for any reader; the totals carry no reader's own marks.
    const counts = await this.#reactions(
      own.map(({ id }) => id),
      '' as PersonId,
    );
    for (const { id } of own) totals.set(id, (counts.get(id) ?? []).map(({ emoji, count }) => ({ emoji, count })));
    return totals;
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

  async listAgreements(group: string) {
    const rows = await this.db.selectFrom('agreements').selectAll().where('group_id', '=', group).orderBy('proposed_at').execute();
    return rows.map(toAgreement);
  }

  async getAgreement(group: string, id: string) {
    const row = await this.db.selectFrom('agreements').selectAll().where('group_id', '=', group).where('id', '=', id).executeTakeFirst();
    return row && toAgreement(row);
  }

  async listTasksIn(groups: readonly string[]) {
    if (groups.length === 0) return [];
    const rows = await this.db.selectFrom('tasks').selectAll().where('group_id', 'in', [...groups]).orderBy('created_at').orderBy('id').execute();
    return rows.map(toTask);
  }

  async listMilestonesIn(groups: readonly string[]) {
    if (groups.length === 0) return [];
    const rows = await this.db.selectFrom('milestones').selectAll().where('group_id', 'in', [...groups]).orderBy('date').orderBy('id').execute();
    return rows.map(toMilestone);
  }

  async membersOfAny(groups: readonly string[]) {
    if (groups.length === 0) return [];
    const rows = await this.db.selectFrom('memberships').select('person_id').distinct().where('group_id', 'in', [...groups]).execute();
    return [...(await this.getPeople(rows.map((row) => row.person_id))).values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  async close() {
    await this.db.destroy();
  }

  #entry<R extends ReactionCount | SharedReaction>(
    row: Selectable<EntriesTable>,
    people: Map<PersonId, Person>,
    reactions: Map<string, R[]>,
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

  /** Each entry's reactions in emoji order, with who gave each (one row per person). */
  async #sharedReactions(entries: readonly string[]): Promise<Map<string, SharedReaction[]>> {
    const shared = new Map<string, SharedReaction[]>();
    if (entries.length === 0) return shared;
    const rows = await this.db
      .selectFrom('reactions')
      .select(['entry_id', 'emoji', 'person_id'])
      .where('entry_id', 'in', [...entries])
      .orderBy('emoji')
      .orderBy('person_id')
      .execute();
    for (const row of rows) {
      const list = shared.get(row.entry_id) ?? [];
      const last = list.at(-1);
      if (last?.emoji === row.emoji) (last.people as PersonId[]).push(row.person_id);
      else list.push({ emoji: row.emoji, count: 0, people: [row.person_id] });
      shared.set(row.entry_id, list);
    }
    for (const list of shared.values()) for (const reaction of list) reaction.count = reaction.people.length;
    return shared;
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

/** Thrown inside an append to roll its write back: the author's clientId is already in the log. */
class EarlierWrite extends Error {
  constructor(readonly stored: StoredEvent) {
    super('an earlier write with this clientId');
  }
}
