import type { Group, Person } from '@mutual/protocol';
import type { Store } from '../store/store.js';

// A peer sends the same profiles and group descriptions with every delivery and submission. On
// SQLite each write is a commit (an fsync), so what has not changed is not written again.

/** Records a remote person's profile as their server sends it, if it differs from what is held. */
export async function upsertPersonIfChanged(store: Store, person: Person): Promise<void> {
  const known = await store.getPerson(person.id);
  if (known && known.name === person.name && known.title === person.title && known.organisation === person.organisation) return;
  await store.upsertPerson(person);
}

/** Records a replicated group as its home describes it, unless `known` (read before) says the same. */
export async function upsertGroupIfChanged(store: Store, group: Group, known: Group | undefined, at: string): Promise<void> {
  if (known && known.kind === group.kind && known.workstream === group.workstream && known.name === group.name && known.space === group.space) return;
  await store.upsertGroup(group, at);
}
