import type {
  EventDraft,
  FeedPage,
  FeedPost,
  FeedReply,
  Group,
  GroupEvent,
  Milestone,
  MyGroup,
  MySpace,
  Person,
  PersonId,
  ReactionCount,
  Role,
  Space,
  Task,
} from '@mutual/protocol';

/** An event as stored here, with this server's cursor (the live stream's resume point). */
export interface StoredEvent {
  cursor: number;
  event: GroupEvent;
}

export interface FeedQuery {
  group: string;
  viewer: PersonId;
  /** Only entries older than this cursor. */
  before?: number;
  limit: number;
}

/**
 * Everything Mutual keeps, behind one small interface. Writes that touch several tables are one
 * transaction inside the implementation. SQLite is the embedded default; other stores must pass
 * the same conformance suite (store.test.ts).
 */
export interface Store {
  // people
  getPerson(id: PersonId): Promise<Person | undefined>;
  getPeople(ids: readonly PersonId[]): Promise<Map<PersonId, Person>>;
  upsertPerson(person: Person): Promise<void>;

  // spaces and groups
  createSpace(space: Space, at: string): Promise<void>;
  getSpace(id: string): Promise<Space | undefined>;
  createGroup(group: Group, at: string): Promise<void>;
  getGroup(id: string): Promise<Group | undefined>;
  listGroups(space: string): Promise<Group[]>;

  // memberships (changed only through member.added / member.removed events)
  getRole(group: string, person: PersonId): Promise<Role | undefined>;
  listMembers(group: string): Promise<Array<Person & { role: Role }>>;
  listSpacesFor(person: PersonId): Promise<MySpace[]>;
  listGroupsFor(person: PersonId, space: string): Promise<MyGroup[]>;

  // the log
  /** Places a draft in its group's log: next sequence number, id, projections; one transaction. */
  append(draft: EventDraft, clientId?: string): Promise<StoredEvent>;
  findByClientId(group: string, author: PersonId, clientId: string): Promise<StoredEvent | undefined>;
  /** Events of the given groups after a cursor, oldest first. */
  eventsAfter(groups: readonly string[], cursor: number, limit: number): Promise<StoredEvent[]>;
  lastCursor(): Promise<number>;

  // derived views
  feedPage(query: FeedQuery): Promise<FeedPage>;
  getEntry(group: string, id: string, viewer: PersonId): Promise<FeedPost | FeedReply | undefined>;
  reactionsOf(entry: string, viewer: PersonId): Promise<ReactionCount[]>;
  listTasks(group: string): Promise<Task[]>;
  getTask(group: string, id: string): Promise<Task | undefined>;
  listMilestones(group: string): Promise<Milestone[]>;
  getMilestone(group: string, id: string): Promise<Milestone | undefined>;

  close(): Promise<void>;
}
