import { domainOf } from '@mutual/protocol';
import type { Store } from '../store/store.js';

const PAGE = 500;

/**
 * How far into a group's log an organisation is entitled to read: to the end while one of its
 * people is a member; otherwise up to and including the event that removed its last member (what
 * it was sent, or should have been sent, while it had one); 0 if it never had a member.
 *
 * A member server that joined and was removed before it could fetch the history still gets what it
 * was entitled to — the removal included — and never an event placed after that.
 */
export async function entitledThrough(store: Store, group: string, domain: string): Promise<number> {
  if ((await store.memberDomains(group)).includes(domain)) return Number.POSITIVE_INFINITY;
  const inside = new Set<string>();
  let through = 0;
  for (let after = 0; ; ) {
    const page = await store.sealedAfter(group, after, PAGE);
    for (const { event } of page) {
      const had = inside.size > 0;
      const person = (event.body as { person?: unknown }).person;
      if (typeof person === 'string' && domainOf(person) === domain) {
        if (event.type === 'member.added') inside.add(person);
        else if (event.type === 'member.removed') inside.delete(person);
      }
      if (had || inside.size > 0) through = event.seq;
    }
    if (page.length < PAGE) return through;
    after = page.at(-1)!.event.seq;
  }
}
