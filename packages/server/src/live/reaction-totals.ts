import type { ReactionTotal } from '@mutual/protocol';
import type { Store, StoredEvent } from '../store/store.js';

/**
 * The reactions of each reaction event's entry as they stand now (that event and every earlier one
 * applied, perhaps later ones too), by event id: what a reaction's live message carries, with no
 * reader's own marks. A
 * reader adding one per event would count reactions that change nothing, which the log keeps (given
 * twice, from two tabs or by a peer) and the projection ignores. One read per group per batch;
 * nothing for an entry that is not of the event's group: the projection ignores such a reaction,
 * and that entry's reactions are not this group's to see.
 */
export async function reactionTotals(store: Store, batch: readonly StoredEvent[]): Promise<Map<string, ReactionTotal[]>> {
  const targetsByGroup = new Map<string, Set<string>>();
  for (const { event } of batch) {
    if (event.type !== 'reaction') continue;
    const targets = targetsByGroup.get(event.group) ?? new Set<string>();
    targets.add(event.body.target);
    targetsByGroup.set(event.group, targets);
  }
  const totals = new Map<string, ReactionTotal[]>();
  if (targetsByGroup.size === 0) return totals;
  const read = new Map(
    await Promise.all([...targetsByGroup].map(async ([group, targets]) => [group, await store.reactionTotals(group, [...targets])] as const)),
  );
  for (const { event } of batch) {
    if (event.type !== 'reaction') continue;
    const entry = read.get(event.group)?.get(event.body.target);
    if (entry) totals.set(event.id, entry);
  }
  return totals;
}
