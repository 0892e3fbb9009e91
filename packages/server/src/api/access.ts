import { canWrite, MutualError, type Group, type PersonId, type Role } from '@mutual/protocol';
import type { GroupAccess, Store } from '../store/store.js';

export interface Access extends GroupAccess {
  group: Group;
  role: Role;
}

/**
 * The membership check every group route starts with. A group the caller is not in answers 403
 * whether or not it exists, so ids cannot be probed.
 */
export async function requireMember(store: Store, groupId: string, person: PersonId): Promise<Access> {
  // One indexed statement: the group, the caller's role in it, and its log position.
  const access = await store.groupAccess(groupId, person);
  if (!access?.role) throw new MutualError('not_a_member', 'not a member of this group');
  return { ...access, role: access.role };
}

/** As {@link requireMember}, and the role may write (observers only read). */
export async function requireWriter(store: Store, groupId: string, person: PersonId): Promise<Access> {
  const access = await requireMember(store, groupId, person);
  if (!canWrite(access.role)) throw new MutualError('forbidden', 'observers cannot write in this group');
  return access;
}

