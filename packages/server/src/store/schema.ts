import type { Generated } from 'kysely';

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
}

export interface SpacesTable {
  id: string;
  name: string;
  seller: string;
  buyer: string;
  decision_date: string | null;
  stage: string;
  created_at: string;
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
