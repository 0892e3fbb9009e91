import type { Group, PersonId, Role } from '@mutual/protocol';

/** A group as last read, with every member's role and the group's log position. */
export interface GroupMembers {
  group: Group;
  lastSeq: number;
  roles: ReadonlyMap<PersonId, Role>;
}

/**
 * Groups and their members kept in memory for the membership check, by a store that owns its
 * database (SQLite). An entry is used only under the stamps it was read at, each a count of the
 * store's own writes (raised before and after each) with SQLite's `data_version` (raised by any
 * other connection's commit): `stamp` for the whole entry (any log write can move `lastSeq`) and
 * `memberStamp` for the group and its members alone (only writes that can change them raise it).
 * So a removal made here, replicated here or made by another process is seen by the very next
 * check, while a post only asks for the group's new position. Bounded: least recently used groups
 * leave first.
 */
export class GroupMembersCache {
  readonly #maxGroups: number;
  readonly #entries = new Map<string, { stamp: string; memberStamp: string; members: GroupMembers }>();
  /** The most recently used group: using it again leaves the order as it is (no delete and set). */
  #newest: string | undefined;

  constructor(maxGroups = 1_000) {
    this.#maxGroups = maxGroups;
  }

  /** The whole entry, `lastSeq` included, if nothing was written since `stamp`. */
  get(group: string, stamp: string): GroupMembers | undefined {
    const entry = this.#entries.get(group);
    if (!entry || entry.stamp !== stamp) return undefined;
    if (group !== this.#newest) {
      this.#entries.delete(group);
      this.#entries.set(group, entry);
      this.#newest = group;
    }
    return entry.members;
  }

  /** The group and its roles, if nothing that can change them was written since `memberStamp`; its `lastSeq` may be behind. */
  members(group: string, memberStamp: string): GroupMembers | undefined {
    const entry = this.#entries.get(group);
    return entry?.memberStamp === memberStamp ? entry.members : undefined;
  }

  set(group: string, stamp: string, memberStamp: string, members: GroupMembers): void {
    this.#entries.delete(group);
    this.#entries.set(group, { stamp, memberStamp, members });
    this.#newest = group;
    if (this.#entries.size > this.#maxGroups) this.#entries.delete(this.#entries.keys().next().value!);
  }
}
