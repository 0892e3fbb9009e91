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
  ReactionTotal,
  Role,
  Space,
  Task,
  SealedEvent,
} from '@mutual/protocol';
import type { CockpitStore } from './cockpit-store.js';
import type { OutboxStore } from './outbox-store.js';
import type { PeerStore } from './peer-store.js';
import type { RequestRecord } from './request-record.js';
import type { SharedFeedPage } from './shared-feed-page.js';

/** An event as stored here, with its position in its space (the live stream's resume point). */
export interface StoredEvent {
  /** Position in the space on this server, in commit order. */
  cursor: number;
  event: GroupEvent;
  /** Set when this very call appended the event, rather than finding an earlier write of it. */
  appended?: true;
}

export interface AppendOptions {
  /** Makes a retried write idempotent for this author in this group. */
  clientId?: string;
  /**
   * The author writes as a member of the group: refused (`not_a_member`, or `forbidden` for an
   * observer) unless they still hold a writing role when the write commits.
   */
  asMember?: true;
  /** Signs the event's place in the log (the home server's proof), inside the transaction. */
  seal?: (event: GroupEvent) => Promise<string>;
  /**
   * The server request that authorises this write, remembered in the same transaction (replay
   * protection without a commit of its own). A replay found there fails the append with
   * `token_replayed`, and nothing of it is stored.
   */
  request?: RequestRecord;
}

/** What became of a replicated event offered to {@link Store.applyReplicated}. */
export type ReplicaOutcome =
  | { outcome: 'applied'; stored: StoredEvent }
  | { outcome: 'duplicate' }
  | { outcome: 'gap'; expected: number }
  | { outcome: 'conflict' };

export interface Agreement {
  id: string;
  group: string;
  kind: 'milestone' | 'success-criterion';
  title: string;
  date?: string;
  measure?: string;
  parties: string[];
  proposedBy: string;
  proposerSignature: string;
  proposedAt: string;
  countersignedBy?: string;
  countersignature?: string;
  countersignedAt?: string;
}

/** What a group read needs to know first, in one statement (see {@link Store.groupAccess}). */
export interface GroupAccess {
  group: Group;
  /** The reader's role; undefined when they are not a member. */
  role: Role | undefined;
  /** The group's last sequence number: every event applied to the group raises it. */
  lastSeq: number;
  /**
   * Changes whenever something a feed page shows may have changed outside the group's log (a
   * person's name), including any write by another process. Undefined where the store cannot
   * tell cheaply (PostgreSQL, which several processes share): then nothing may be cached.
   */
  sideVersion: string | undefined;
}

export interface FeedQuery {
  group: string;
  viewer: PersonId;
  /** Only entries older than this cursor. */
  before?: number;
  limit: number;
  /**
   * Only entries up to this place in the group's log: the `lastSeq` read with the reader's role,
   * so that a page holds nothing written after the membership check (a removal may follow it).
   */
  throughSeq?: number;
}

/**
 * Everything Mutual keeps, behind one small interface. Writes that touch several tables are one
 * transaction inside the implementation. SQLite is the embedded default; other stores must pass
 * the same conformance suite (store.test.ts).
 */
export interface Store {
  readonly peers: PeerStore;
  readonly outbox: OutboxStore;
  /** The cockpit's figures: counters and bounded lists (cockpit-store.ts). */
  readonly cockpit: CockpitStore;

  // people
  getPerson(id: PersonId): Promise<Person | undefined>;
  getPeople(ids: readonly PersonId[]): Promise<Map<PersonId, Person>>;
  upsertPerson(person: Person): Promise<void>;

  // spaces and groups
  createSpace(space: Space, at: string): Promise<void>;
  /** Records a space or group as its home server describes it (replicas only). */
  upsertSpace(space: Space, at: string): Promise<void>;
  upsertGroup(group: Group, at: string): Promise<void>;
  getSpace(id: string): Promise<Space | undefined>;
  createGroup(group: Group, at: string): Promise<void>;
  getGroup(id: string): Promise<Group | undefined>;
  listGroups(space: string): Promise<Group[]>;

  // memberships (changed only through member.added / member.removed events)
  getRole(group: string, person: PersonId): Promise<Role | undefined>;
  /** The group, the person's role in it and the group's log position, read together. */
  groupAccess(group: string, person: PersonId): Promise<GroupAccess | undefined>;
  listMembers(group: string): Promise<Array<Person & { role: Role }>>;
  listSpacesFor(person: PersonId): Promise<MySpace[]>;
  listGroupsFor(person: PersonId, space: string): Promise<MyGroup[]>;
  /** The organisations with a current member in the group. */
  memberDomains(group: string): Promise<string[]>;

  // the log
  /**
   * Places a draft in its group's log (this server being the group's home): next sequence number,
   * id, proof, projections and an outbox item for each other organisation with a member in the
   * group — one transaction.
   */
  append(draft: EventDraft, options?: AppendOptions): Promise<StoredEvent>;
  /** Applies an event sequenced by another home server, if it is the next one of its group. */
  applyReplicated(sealed: SealedEvent): Promise<ReplicaOutcome>;
  /**
   * {@link applyReplicated} for each event, strictly in the given order, as one batch where the
   * store can share the commit (SQLite): a delivery of many events costs one fsync, not one each.
   * With `request`, the delivery's server request is remembered in the same write, as for
   * {@link AppendOptions.request}: a replay applies nothing and fails with `token_replayed`.
   */
  applyReplicatedInOrder(events: readonly SealedEvent[], request?: RequestRecord): Promise<ReplicaOutcome[]>;
  /** Keeps an event that arrived ahead of a gap. */
  hold(sealed: SealedEvent): Promise<void>;
  held(group: string): Promise<SealedEvent[]>;
  dropHeld(group: string, throughSeq: number): Promise<void>;
  /** A group's events after a sequence number, with their proofs (deliveries and backfill). */
  sealedAfter(group: string, afterSeq: number, limit: number): Promise<SealedEvent[]>;
  sealedByIds(ids: readonly string[]): Promise<SealedEvent[]>;
  lastSeq(group: string): Promise<number>;
  findByClientId(group: string, author: PersonId, clientId: string): Promise<StoredEvent | undefined>;
  /** Events of the given groups (of one space) after a position, in position order. */
  eventsAfter(groups: readonly string[], position: number, limit: number): Promise<StoredEvent[]>;
  /** Every event of a space after a position, in position order (the live streams' shared read). */
  spaceEventsAfter(space: string, position: number, limit: number): Promise<StoredEvent[]>;
  /** The space's last position: where a new live stream starts. */
  lastPosition(space: string): Promise<number>;

  // derived views
  feedPage(query: FeedQuery): Promise<FeedPage>;
  /** {@link feedPage} before it is anyone's: reactions say who gave them (see shared-feed-page.ts). */
  sharedFeedPage(query: Omit<FeedQuery, 'viewer'>): Promise<SharedFeedPage>;
  getEntry(group: string, id: string, viewer: PersonId): Promise<FeedPost | FeedReply | undefined>;
  reactionsOf(entry: string, viewer: PersonId): Promise<ReactionCount[]>;
  /** Each entry's reactions in emoji order, for entries of `group` only (others are absent; `[]` when none): a live reaction's totals. */
  reactionTotals(group: string, entries: readonly string[]): Promise<Map<string, ReactionTotal[]>>;
  listTasks(group: string): Promise<Task[]>;
  getTask(group: string, id: string): Promise<Task | undefined>;
  listMilestones(group: string): Promise<Milestone[]>;
  getMilestone(group: string, id: string): Promise<Milestone | undefined>;
  listAgreements(group: string): Promise<Agreement[]>;
  /** Tasks and milestones of several groups at once (a space's board and cockpit). */
  listTasksIn(groups: readonly string[]): Promise<Task[]>;
  listMilestonesIn(groups: readonly string[]): Promise<Milestone[]>;
  /** Everyone who is a member of at least one of the groups. */
  membersOfAny(groups: readonly string[]): Promise<Person[]>;
  getAgreement(group: string, id: string): Promise<Agreement | undefined>;

  close(): Promise<void>;
}
