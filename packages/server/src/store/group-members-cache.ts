import type { Group, PersonId, Role } from '@mutual/protocol';

/** A group as last read, with every member's role and the group's log position. */
export interface GroupMembers {
  group: Group;
  lastSeq: number;
  roles: ReadonlyMap<PersonId, Role>;
}

/**
 * Groups and their members kept in memory for the membership check, by a store that owns its
 * database (SQLite). An entry is used only under the stamp it was read at — the store's count of
 * its own writes (raised before and after each) and SQLite's `data_version` (raised by any other
 * connection's commit) — so a removal made here, replicated here or made by another process is
 * seen by the very next check. Bounded: least recently used groups leave first.
 */
export class GroupMembersCache {
  readonly #maxGroups: number;
  readonly #entries = new Map<string, { stamp: string; members: GroupMembers }>();
  /** The most recently used group: using it again leaves the order as it is (no delete and set). */
  #newest: string | undefined;

  constructor(maxGroups = 1_000) {
    this.#maxGroups = maxGroups;
  }

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

  set(group: string, stamp: string, members: GroupMembers): void {
    this.#entries.delete(group);
    this.#entries.set(group, { stamp, members });
    this.#newest = group;
    if (this.#entries.size > this.#maxGroups) this.#entries.delete(this.#entries.keys().next().value!);
  }
}
