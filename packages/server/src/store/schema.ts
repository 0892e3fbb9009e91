import type { Generated } from 'kysely';
import type { CalendarFeedsTable } from '../calendar/tables.js';
import type { NotificationOutboxTable, NotificationSettingsTable } from '../notify/tables.js';

/** Kysely's view of the tables; migrations.ts creates them. Dates are ISO strings in both stores. */
export interface Database {
  spaces: SpacesTable;
  groups: GroupsTable;
  people: PeopleTable;
  memberships: MembershipsTable;
  events: EventsTable;
  entries: EntriesTable;
  reactions: ReactionsTable;
  tasks: TasksTable;
  milestones: MilestonesTable;
  server_keys: ServerKeysTable;
  peers: PeersTable;
  invitations: InvitationsTable;
  seen_requests: SeenRequestsTable;
  outbox: OutboxTable;
  held_events: HeldEventsTable;
  membership_claims: MembershipClaimsTable;
  agreements: AgreementsTable;
  outbox_leases: OutboxLeasesTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  space_templates: SpaceTemplatesTable;
  notification_settings: NotificationSettingsTable;
  notification_outbox: NotificationOutboxTable;
  calendar_feeds: CalendarFeedsTable;
  participation_days: ParticipationDaysTable;
  task_counts: TaskCountsTable;
}

export interface SpacesTable {
  id: string;
  name: string;
  seller: string;
  buyer: string;
  decision_date: string | null;
  stage: string;
  created_at: string;
  /** Highest position given to an event of this space (see migration 0003). */
  last_pos: Generated<number>;
}

export interface GroupsTable {
  id: string;
  space_id: string;
  kind: string;
  workstream: string | null;
  name: string;
  home: string;
  /** Highest sequence number given so far: bumped inside each append's transaction. */
  last_seq: number;
  created_at: string;
}

export interface PeopleTable {
  id: string;
  name: string;
  title: string | null;
  organisation: string;
}

export interface MembershipsTable {
  group_id: string;
  person_id: string;
  role: string;
}

/** The log. `cursor` orders all events of this server and resumes live streams. */
export interface EventsTable {
  cursor: Generated<number>;
  id: string;
  space_id: string;
  group_id: string;
  seq: number;
  type: string;
  author: string;
  at: string;
  body: string;
  client_id: string | null;
  /** The home server's signature over the event's place in the log. */
  proof: string | null;
  /** The event's position in its space on this server, in commit order: the live stream's cursor. */
  space_pos: number | null;
}

/** Posts and replies (a reply has a parent), derived from the log for fast feed pages. */
export interface EntriesTable {
  id: string;
  group_id: string;
  parent_id: string | null;
  author: string;
  text: string;
  at: string;
  seq: number;
  cursor: number;
  client_id: string | null;
}

export interface ReactionsTable {
  entry_id: string;
  person_id: string;
  emoji: string;
}

export interface TasksTable {
  group_id: string;
  id: string;
  title: string;
  owner: string | null;
  due: string | null;
  status: string;
  deliverable: string | null;
  workstream: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MilestonesTable {
  group_id: string;
  id: string;
  title: string;
  date: string;
  done: number;
  created_by: string;
  updated_at: string;
}

/** This server's signing keys; the newest signs, the others stay published for old signatures. */
export interface ServerKeysTable {
  kid: string;
  alg: string;
  private_jwk: string;
  public_jwk: string;
  created_at: string;
}

/** Organisations this one has peered with: their pinned origin and keys. */
export interface PeersTable {
  domain: string;
  origin: string;
  name: string;
  jwks: string;
  /** Our key that this peer has acknowledged (requests to it are signed with it). */
  signing_kid: string | null;
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}

/** Server-request ids seen, kept until they expire, so none is accepted twice. */
export interface SeenRequestsTable {
  jti: string;
  issuer: string;
  expires_at: number;
}

/** Durable queue of what must reach another server, written in the same transaction as its cause. */
export interface OutboxTable {
  id: Generated<number>;
  /** The receiving peer's domain. */
  target: string;
  kind: 'deliver' | 'submit' | 'keys';
  group_id: string | null;
  event_id: string | null;
  payload: string | null;
  created_at: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  /** Set when the receiver refused for good: retries stop, an admin can see why. */
  failed_at: string | null;
}

/** Events received ahead of a gap, applied once the gap is filled. */
export interface HeldEventsTable {
  group_id: string;
  seq: number;
  event: string;
  proof: string;
}

/** The latest claim the home server gave for one of our people in one of its groups. */
export interface MembershipClaimsTable {
  group_id: string;
  person_id: string;
  token: string;
  expires_at: number;
}

export interface AgreementsTable {
  group_id: string;
  id: string;
  kind: string;
  title: string;
  date: string | null;
  measure: string | null;
  parties: string;
  proposed_by: string;
  proposer_signature: string;
  proposed_at: string;
  countersigned_by: string | null;
  countersignature: string | null;
  countersigned_at: string | null;
}

export interface OutboxLeasesTable {
  target: string;
  holder: string;
  until: number;
}

/** A system of this organisation (CRM, warehouse) told about events of one space (migration 0006). */
export interface WebhookSubscriptionsTable {
  id: string;
  /** The organisation whose admin subscribed: only groups with its people are ever sent. */
  organisation: string;
  space_id: string;
  /** Only this group; null for every group of the space held here. */
  group_id: string | null;
  /** JSON array of event types; `["*"]` for all. */
  event_types: string;
  url: string;
  /** `whsec_…`: signs every delivery; never shown after creation. */
  secret: string;
  description: string | null;
  created_at: string;
}

/** One event for one subscription: queued in the event's transaction, kept as the delivery log. */
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  subscription_id: string;
  /** The event id, sent as `webhook-id`: the same event is always the same message. */
  event_id: string;
  space_id: string;
  group_id: string;
  event_type: string;
  /** The exact JSON body, fixed when queued so every retry sends the same bytes. */
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: number;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface WebhookAttemptsTable {
  delivery_id: number;
  attempt: number;
  at: string;
  /** The receiver's HTTP status; null when no answer came (refused, timed out). */
  status: number | null;
  error: string | null;
  duration_ms: number;
}

/** A space template an admin saved: groups, tasks and milestones as JSON (templates/template.ts). */
export interface SpaceTemplatesTable {
  id: string;
  name: string;
  description: string | null;
  body: string;
  created_at: string;
}

/** Who took part in a group on a UTC day: the cockpit's engagement counters (migration 0007). */
export interface ParticipationDaysTable {
  group_id: string;
  /** `YYYY-MM-DD`, the UTC day of the events counted. */
  day: string;
  person_id: string;
  /** Posts and replies. */
  posts: number;
  /** Tasks created or changed, milestones set. */
  plan_changes: number;
  /** The latest `at` of the events counted. */
  last_active: string;
}

/** How many tasks of a group have a workstream, status and due date (migration 0007); '' is none. */
export interface TaskCountsTable {
  group_id: string;
  workstream: string;
  status: string;
  due: string;
  tasks: number;
}
