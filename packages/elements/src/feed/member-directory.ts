import type { GroupMembers } from '@mutual/protocol';
import type { MutualConnection } from '../connection/connection.js';

/** A member of a group, from either organisation. */
export type Member = GroupMembers['members'][number];

/**
 * The members of each group, fetched once per connection and group and shared by every widget on
 * that connection (two feeds of one group ask once). A failed fetch is forgotten, so the next
 * caller tries again; {@link forgetGroupMembers} drops a list that a membership change made stale.
 */
const cache = new WeakMap<MutualConnection, Map<string, Promise<Member[]>>>();

export function groupMembers(connection: MutualConnection, group: string): Promise<Member[]> {
  let groups = cache.get(connection);
  if (!groups) cache.set(connection, (groups = new Map()));
  let members = groups.get(group);
  if (!members) {
    const request = connection.api.members(group).then((answer) => answer.members);
    members = request;
    groups.set(group, request);
    request.catch(() => {
      if (groups.get(group) === request) groups.delete(group);
    });
  }
  return members;
}

export function forgetGroupMembers(connection: MutualConnection, group: string): void {
  cache.get(connection)?.delete(group);
}
