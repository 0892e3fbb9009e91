import type { GroupKind } from '@mutual/protocol';

/**
 * Whether an organisation's webhooks may ever carry an event of this group: the organisation must
 * have one of its people in the group (the person an addition or a removal names counts), and an
 * internal group is its home organisation's alone. A server holds only such groups anyway; this
 * is said again here so that no subscription can widen it.
 */
export function mayReceive(organisation: string, group: { kind: GroupKind | string; home: string }, memberDomains: ReadonlySet<string>): boolean {
  if (group.kind === 'internal' && group.home !== organisation) return false;
  return memberDomains.has(organisation);
}
