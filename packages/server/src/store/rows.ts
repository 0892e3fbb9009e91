import type { GroupEvent, Group, Milestone, Person, Space, Task } from '@mutual/protocol';
import type { Selectable } from 'kysely';
import type { Agreement, StoredEvent } from './store.js';
import type {
  AgreementsTable,
  EventsTable,
  GroupsTable,
  MilestonesTable,
  PeopleTable,
  SpacesTable,
  TasksTable,
} from './schema.js';

/** Row ↔ model mappers: the only place that knows column names and model names differ. */

export const toSpace = (row: Selectable<SpacesTable>): Space => ({
  id: row.id,
  name: row.name,
  seller: row.seller,
  buyer: row.buyer,
  ...(row.decision_date !== null && { decisionDate: row.decision_date }),
  stage: row.stage as Space['stage'],
});

export const toGroup = (row: Selectable<GroupsTable>): Group => ({
  id: row.id,
  space: row.space_id,
  kind: row.kind as Group['kind'],
  ...(row.workstream !== null && { workstream: row.workstream }),
  name: row.name,
  home: row.home,
});

export const toPerson = (row: Selectable<PeopleTable>): Person => ({
  id: row.id,
  name: row.name,
  ...(row.title !== null && { title: row.title }),
  organisation: row.organisation,
});

export const toTask = (row: Selectable<TasksTable>): Task => ({
  id: row.id,
  group: row.group_id,
  title: row.title,
  ...(row.owner !== null && { owner: row.owner }),
  ...(row.due !== null && { due: row.due }),
  status: row.status as Task['status'],
  ...(row.deliverable !== null && { deliverable: row.deliverable }),
  ...(row.workstream !== null && { workstream: row.workstream }),
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const toMilestone = (row: Selectable<MilestonesTable>): Milestone => ({
  id: row.id,
  group: row.group_id,
  title: row.title,
  date: row.date,
  done: Boolean(row.done),
  createdBy: row.created_by,
  updatedAt: row.updated_at,
});

export const toEvent = (row: Selectable<EventsTable>): GroupEvent =>
  ({
    id: row.id,
    space: row.space_id,
    group: row.group_id,
    seq: Number(row.seq),
    type: row.type,
    author: row.author,
    at: row.at,
    body: JSON.parse(row.body) as unknown,
  }) as GroupEvent;

/** An event with its position in its space on this server (the live stream's cursor). */
export const toStored = (row: Selectable<EventsTable>): StoredEvent => ({ cursor: Number(row.space_pos), event: toEvent(row) });

/** A person we hold no row for (e.g. removed since): shown by id, organisation from the domain. */
export const unknownPerson = (id: string): Person => ({
  id,
  name: id.slice(0, id.indexOf('@')),
  organisation: id.slice(id.indexOf('@') + 1),
});

export const toAgreement = (row: Selectable<AgreementsTable>): Agreement => ({
  id: row.id,
  group: row.group_id,
  kind: row.kind as Agreement['kind'],
  title: row.title,
  ...(row.date !== null && { date: row.date }),
  ...(row.measure !== null && { measure: row.measure }),
  parties: JSON.parse(row.parties) as string[],
  proposedBy: row.proposed_by,
  proposerSignature: row.proposer_signature,
  proposedAt: row.proposed_at,
  ...(row.countersigned_by !== null && { countersignedBy: row.countersigned_by }),
  ...(row.countersignature !== null && { countersignature: row.countersignature }),
  ...(row.countersigned_at !== null && { countersignedAt: row.countersigned_at }),
});
