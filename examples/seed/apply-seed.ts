// Writes the evaluation of `evaluation.ts` into a running seller–buyer pair, the way the product
// would have: every event through its author's own server. A buyer's post in a seller-homed group
// goes through the buyer's writer, is queued, and is placed by the seller; a seller's goes straight
// into the seller's log. Nothing is back-dated: the writers stamp events with their own clocks as
// the seed goes, one group after another, each group's feed and each thread in the story's order.
// Task due dates, milestone dates and the decision date are day offsets from `options.now`.
import type { EventBody, EventType } from '@mutual/protocol';
import type { Admin, EventWriter, Store } from '@mutual/server';
import { EVALUATION, type SeedEvaluation, type SeedGroup, type Side } from './evaluation.js';

/** What the seed needs of one running organisation (a `RunningServer` and its `Admin` provide it). */
export interface SeedOrganisation {
  domain: string;
  admin: Admin;
  writer: EventWriter;
  store: Store;
}

export interface SeedSummary {
  people: number;
  groups: number;
  tasks: number;
  milestones: number;
  posts: number;
  replies: number;
  reactions: number;
  /** How long applying took, in milliseconds. */
  ms: number;
}

export interface ApplySeedOptions {
  /** "Today", in epoch milliseconds: due dates and milestones are offsets from it. Default: now. */
  now?: number;
  /** Another evaluation to write (default: Northwind × Contoso). */
  evaluation?: SeedEvaluation;
  /** The longest wait for the other server at any one step (ms). Default 30 s. */
  timeoutMs?: number;
}

const DAY = 86_400_000;
const POLL_MS = 2;
const MAX_POLL_MS = 20;

/**
 * Seeds an empty pair of peered organisations with one evaluation under way. Resolves once every
 * write has been placed by its group's home and both outboxes are empty, so each side sees
 * everything it is entitled to.
 */
export async function applySeed(seller: SeedOrganisation, buyer: SeedOrganisation, options: ApplySeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const data = options.evaluation ?? EVALUATION;
  const now = options.now ?? Date.now();
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (seller.domain !== data.seller.domain || buyer.domain !== data.buyer.domain) {
    throw new Error(`the seed is written for ${data.seller.domain} and ${data.buyer.domain}, not ${seller.domain} and ${buyer.domain}`);
  }
  const orgs = [seller, buyer];
  const space = data.space.id;
  const bySide = (side: Side) => (side === 'seller' ? seller : buyer);
  const orgOf = (person: string): SeedOrganisation => {
    const domain = person.slice(person.indexOf('@') + 1);
    const org = orgs.find((candidate) => candidate.domain === domain);
    if (!org) throw new Error(`${person} belongs to neither organisation`);
    return org;
  };
  const groups = new Map(data.groups.map((group) => [group.slug, group]));
  const groupOf = (slug: string): SeedGroup => {
    const group = groups.get(slug);
    if (!group) throw new Error(`no group ${slug} in the seed`);
    return group;
  };
  const groupId = (slug: string) => `${space}.${slug}`;
  const homeOf = (slug: string) => bySide(groupOf(slug).home);
  const dateIn = (days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);
  const waitFor = (what: string, check: () => Promise<boolean>) => waitUntil(what, check, orgs, timeoutMs);

  /** Whether every event is in the organisation's copy of the log. */
  const has = async (org: SeedOrganisation, ids: readonly string[]) => ids.length === 0 || (await org.store.sealedByIds(ids)).length === ids.length;

  // Writes queued for a home elsewhere: per ordering key, those not yet seen placed; per group, all.
  const unplaced = new Map<string, string[]>();
  const queued = new Map<string, string[]>();

  /**
   * One event through its author's own server. `ordered` names a sequence (a group's feed, a
   * thread) whose order the home's log must keep: a write at the home then first waits until the
   * home has placed the writes of that sequence still queued on the other side.
   */
  async function write<T extends EventType>(slug: string, author: string, type: T, body: EventBody<T>, extra: { clientId?: string; ordered?: string } = {}): Promise<string> {
    const org = orgOf(author);
    const home = homeOf(slug);
    const waiting = extra.ordered !== undefined ? unplaced.get(extra.ordered) : undefined;
    if (org === home && waiting?.length) {
      await waitFor(`${waiting.length} queued write(s) in ${groupId(slug)} to be placed by ${home.domain}`, () => has(home, waiting));
      unplaced.delete(extra.ordered!);
    }
    const result = await org.writer.write({ space, group: groupId(slug), author, type, body, ...(extra.clientId && { clientId: extra.clientId }) });
    if (result.status === 'stored') return result.stored.event.id;
    if (extra.ordered !== undefined) unplaced.set(extra.ordered, [...(unplaced.get(extra.ordered) ?? []), result.id]);
    queued.set(slug, [...(queued.get(slug) ?? []), result.id]);
    return result.id;
  }

  /** Waits until each organisation holds the events it is about to answer or react to. */
  async function reachable(needs: Map<SeedOrganisation, Set<string>>, what: string): Promise<void> {
    for (const [org, ids] of needs) await waitFor(`${ids.size} ${what} to reach ${org.domain}`, () => has(org, [...ids]));
  }
  const need = (needs: Map<SeedOrganisation, Set<string>>, person: string, id: string) => {
    const org = orgOf(person);
    needs.set(org, (needs.get(org) ?? new Set()).add(id));
  };

  /** Waits until every organisation with members in these groups has them, with the memberships. */
  async function replicated(list: SeedGroup[]): Promise<void> {
    for (const group of list.filter((g) => g.kind !== 'internal')) {
      const home = bySide(group.home);
      for (const org of orgs.filter((o) => o !== home)) {
        const theirs = group.members.filter((m) => orgOf(m.person) === org);
        if (theirs.length === 0) continue;
        await waitFor(`${groupId(group.slug)} and its members to reach ${org.domain}`, async () => {
          if (!(await org.store.getGroup(groupId(group.slug)))) return false;
          for (const m of theirs) if ((await org.store.getRole(groupId(group.slug), m.person)) !== m.role) return false;
          return true;
        });
      }
    }
  }

  async function createGroups(side: Side): Promise<SeedGroup[]> {
    const org = bySide(side);
    const list = data.groups.filter((group) => group.home === side);
    for (const group of list) {
      await org.admin.createGroup({ id: groupId(group.slug), space, kind: group.kind, name: group.name, ...(group.workstream && { workstream: group.workstream }) });
    }
    for (const group of list) for (const m of group.members) await org.admin.addMember(groupId(group.slug), m.person, m.role);
    return list;
  }

  // 1. People, each on their own organisation's server (the only authority on them).
  for (const [org, people] of [[seller, data.seller.people], [buyer, data.buyer.people]] as const) {
    for (const person of people) await org.admin.addPerson({ id: person.id, name: person.name, title: person.title });
  }

  // 2. The space and the seller's groups; the first deliveries carry the space to the buyer.
  await seller.admin.createSpace({
    id: space,
    name: data.space.name,
    buyer: buyer.domain,
    decisionDate: dateIn(data.space.decisionInDays),
    stage: data.space.stage,
    standardGroups: false,
  });
  await replicated(await createGroups('seller'));

  // 3. The buyer's own groups (its buying committee), once the space has reached it.
  await waitFor(`space ${space} to reach ${buyer.domain}`, async () => Boolean(await buyer.store.getSpace(space)));
  await replicated(await createGroups('buyer'));

  // 4. The mutual action plan: tasks and milestones, each written by its author.
  for (const task of data.tasks) {
    const { workstream } = groupOf(task.group);
    await write(task.group, task.createdBy ?? task.owner, 'task.created', {
      task: task.id,
      title: task.title,
      owner: task.owner,
      due: dateIn(task.due),
      status: task.status,
      ...(task.deliverable && { deliverable: task.deliverable }),
      ...(workstream && { workstream }),
    });
  }
  for (const milestone of data.milestones) {
    await write(milestone.group, milestone.setBy, 'milestone.set', { milestone: milestone.id, title: milestone.title, date: dateIn(milestone.date), done: milestone.done });
  }

  // 5. Posts, group after group, each group's log in the story's order. (Group after group, not
  //    interleaved: the outboxes then carry one group's events per request, far fewer requests.)
  const posts = [...data.posts].sort((a, b) => a.at.day - b.at.day || a.at.hour - b.at.hour);
  const rank = new Map(data.groups.map((group, i) => [group.slug, i]));
  const inOrder = posts.map((post, i) => ({ post, i })).sort((a, b) => rank.get(a.post.group)! - rank.get(b.post.group)! || a.i - b.i);
  const postIds: string[] = [];
  for (const { post, i } of inOrder) {
    postIds[i] = await write(post.group, post.author, 'post', { text: post.text }, { clientId: `seed-post-${i}`, ordered: post.group });
  }

  // 6. Replies, once each post is on the servers of those who answer or react to it. Threads are
  //    ordered independently, so the k-th reply of every thread of a group goes before the (k+1)-th:
  //    a reply rarely waits for the previous one to cross over.
  const postNeeds = new Map<SeedOrganisation, Set<string>>();
  posts.forEach((post, i) => {
    for (const person of [...(post.replies ?? []).map((r) => r.author), ...(post.reactions ?? []).map((r) => r.by)]) need(postNeeds, person, postIds[i]!);
  });
  await reachable(postNeeds, 'posts');
  const replyIds: string[][] = posts.map(() => []);
  let replies = 0;
  for (const slug of rank.keys()) {
    const threads = inOrder.filter(({ post }) => post.group === slug && post.replies?.length);
    for (let k = 0; threads.some(({ post }) => post.replies!.length > k); k++) {
      for (const { post, i } of threads) {
        const reply = post.replies![k];
        if (!reply) continue;
        replyIds[i]![k] = await write(slug, reply.author, 'reply', { parent: postIds[i]!, text: reply.text }, { clientId: `seed-reply-${i}-${k}`, ordered: postIds[i]! });
        replies++;
      }
    }
  }

  // 7. Reactions (in no particular order), once the replies are where the reacting people are.
  const replyNeeds = new Map<SeedOrganisation, Set<string>>();
  posts.forEach((post, i) => (post.replies ?? []).forEach((reply, k) => (reply.reactions ?? []).forEach((r) => need(replyNeeds, r.by, replyIds[i]![k]!))));
  await reachable(replyNeeds, 'replies');
  let reactions = 0;
  for (const { post, i } of inOrder) {
    const targets = [{ id: postIds[i]!, reactions: post.reactions ?? [] }, ...(post.replies ?? []).map((reply, k) => ({ id: replyIds[i]![k]!, reactions: reply.reactions ?? [] }))];
    for (const target of targets) {
      for (const reaction of target.reactions) {
        await write(post.group, reaction.by, 'reaction', { target: target.id, emoji: reaction.emoji, on: true });
        reactions++;
      }
    }
  }

  // 8. Everything placed at its home, and delivered: both outboxes empty.
  for (const [slug, ids] of queued) await waitFor(`every write in ${groupId(slug)} to be placed by ${homeOf(slug).domain}`, () => has(homeOf(slug), ids));
  await waitFor('both outboxes to empty', async () => {
    for (const org of orgs) if ((await org.store.outbox.pending()).length > 0) return false;
    return true;
  });

  return {
    people: data.seller.people.length + data.buyer.people.length,
    groups: data.groups.length,
    tasks: data.tasks.length,
    milestones: data.milestones.length,
    posts: posts.length,
    replies,
    reactions,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Polls a condition that the other server (through its outbox) will make true, quickly at first,
 * then less often. Gives up at the deadline, or as soon as an outbox records a refusal: the seed
 * runs on empty databases, so any refusal is one of its own writes going wrong.
 */
async function waitUntil(what: string, check: () => Promise<boolean>, orgs: SeedOrganisation[], timeoutMs: number): Promise<void> {
  const started = Date.now();
  let interval = POLL_MS;
  let checkedFailures = started;
  for (;;) {
    if (await check()) return;
    const now = Date.now();
    if (now - checkedFailures >= 250) {
      checkedFailures = now;
      for (const org of orgs) {
        const refused = (await org.store.outbox.failures())[0];
        if (refused) throw new Error(`seed: ${org.domain} could not send to ${refused.target} (${refused.kind} in ${refused.group}): ${refused.lastError} — while waiting for ${what}`);
      }
    }
    if (now - started > timeoutMs) throw new Error(`seed: timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
    interval = Math.min(interval * 2, MAX_POLL_MS);
  }
}
