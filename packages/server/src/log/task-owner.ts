import { MutualError, type PersonId } from '@mutual/protocol';
import type { Store } from '../store/store.js';

/**
 * A task's new owner must be a member of its group: someone outside it could not see the task
 * they own, nor be reminded of it. Checked wherever a task write comes in (the client API, a
 * member server's submission, a plan import). An owner who has since left may stay owner
 * (`current`); `task` names the task in the message when several are checked at once.
 */
export async function requireOwnerInGroup(
  store: Store,
  group: string,
  owner: PersonId | null | undefined,
  { current, task }: { current?: PersonId | undefined; task?: string } = {},
): Promise<void> {
  if (!owner || owner === current) return;
  if ((await store.groupAccess(group, owner))?.role) return;
  const message = `the owner ${owner} is not a member of ${group}; add them to the group first, or leave the owner empty`;
  throw new MutualError('invalid_request', task ? `task ${task}: ${message}` : message);
}
