import type { FeedPage, FeedPost, FeedReply, LiveMessage, Person, QueuedEntry, ReactionCount, ReactionTotal } from '@mutual/protocol';
import type { MutualApiError } from '../connection/api-error.js';

/** Where an entry the viewer wrote stands. Entries from the server are `sent`. */
export const Delivery = {
  /** Sent to the viewer's server, no answer yet. */
  pending: 'pending',
  /**
   * The group is homed on another organisation's server: the viewer's server holds the entry
   * durably (`202`) and will deliver it; it becomes `sent` when its live echo arrives.
   */
  queued: 'queued',
  sent: 'sent',
  failed: 'failed',
} as const;
export type Delivery = (typeof Delivery)[keyof typeof Delivery];

export interface ReplyView {
  /** Stable across the optimistic → acknowledged swap, for `repeat` and focus. */
  key: string;
  reply: FeedReply;
  delivery: Delivery;
  error?: MutualApiError | undefined;
  /** While `queued`: the id the entry will have (the `event` of the `202`), to match its echo by. */
  queuedEvent?: string | undefined;
  /** `failed` because the group's home server refused it after it was queued. */
  refused?: boolean | undefined;
}

export interface PostView {
  key: string;
  /** `post.replies` is not kept up to date; read {@link PostView.replies}. */
  post: FeedPost;
  replies: ReplyView[];
  delivery: Delivery;
  error?: MutualApiError | undefined;
  /** While `queued`: the id the entry will have (the `event` of the `202`), to match its echo by. */
  queuedEvent?: string | undefined;
  /** `failed` because the group's home server refused it after it was queued. */
  refused?: boolean | undefined;
}

/**
 * What a live message changed, so the feed can announce it. `delivered-*`: the echo of an entry of
 * the viewer's that no answer will confirm (it was queued, or its request failed) made it `sent`.
 */
export type LiveChange =
  | { kind: 'post'; author: Person; mine: boolean }
  | { kind: 'reply'; author: Person; mine: boolean }
  | { kind: 'reaction' }
  | { kind: 'delivered-post'; post: FeedPost }
  | { kind: 'delivered-reply'; reply: FeedReply };

/**
 * How the server took a reaction of the viewer's: its answer (the entry's reactions as it read them
 * after the change), queued for the group's home server (`202`), or not at all (the request failed).
 */
export type ReactionOutcome = ReactionCount[] | 'queued' | 'failed';

/** A reaction of the viewer's that the server has not confirmed yet. */
interface UnconfirmedReaction {
  on: boolean;
  /** The entry's count of live totals (see `#totalsSeen`) when the first of its requests was sent. */
  since: number;
  /** Requests without an answer yet; none while queued, until the echo. */
  requests: number;
  /** The viewer's own live echo for this emoji came since: it says more than an answer read before it. */
  echoed: boolean;
}

/**
 * An entry's reactions as the server last said (`mine` as far as the server knows), while some of
 * the viewer's are unconfirmed: what is shown is these with the unconfirmed ones on top.
 */
interface OwnReactions {
  server: ReactionCount[];
  unconfirmed: Map<string, UnconfirmedReaction>;
}

/** Live totals kept for entries not loaded yet (reactions to older posts), at most this many. */
const LATER_MAX = 500;

/** Optimistic entries have no server id yet: give them one that cannot clash (ids are base64url). */
const localId = (clientId: string): string => `local:${clientId}`;
const keyOf = (entry: { id: string; clientId?: string | undefined }): string =>
  entry.clientId ? `c:${entry.clientId}` : `e:${entry.id}`;

/**
 * The state of one group feed as the viewer sees it: the pages loaded, live events merged in
 * (each once, by event id), and the viewer's optimistic posts and replies until the server
 * acknowledges them (matched by `clientId`) or, when queued for another organisation's server,
 * until their live echo arrives (matched by `clientId` or by the queued event id). Reaction counts
 * are the server's (a page, an answer, or the totals a live reaction carries), with the viewer's
 * unconfirmed reactions on top. Plain data, no DOM: the element renders it.
 */
export class FeedModel {
  posts: PostView[] = [];
  /** Cursor for the next, older page; undefined at the start of the feed. */
  next: string | undefined;
  loaded = false;
  #viewer: string | undefined;
  /** Live messages that arrived before the first page: applied on top of it. */
  #early: LiveMessage[] = [];
  /** Entries with reactions of the viewer's the server has not confirmed yet. */
  #own = new Map<string, OwnReactions>();
  /**
   * How many live messages with the server's totals each entry has had: an answer read while one
   * was on its way may be older than it, and the live message is never older than what follows it.
   */
  #totalsSeen = new Map<string, number>();
  /**
   * The latest live totals (and the viewer's own changes) of entries not loaded: an older page
   * asked for before they came may not have them.
   */
  #later = new Map<string, { totals: ReactionTotal[]; mine: Map<string, boolean> }>();

  /** Forgets everything, e.g. before loading another group. */
  clear(): void {
    this.posts = [];
    this.next = undefined;
    this.loaded = false;
    this.#early = [];
    this.#own.clear();
    this.#totalsSeen.clear();
    this.#later.clear();
  }

  /** The first page arrived. */
  load(page: FeedPage, viewer: string): void {
    this.#viewer = viewer;
    this.posts = page.posts.map((post) => this.#fromServer(post));
    this.next = page.next;
    this.loaded = true;
    this.#sort();
    const early = this.#early;
    this.#early = [];
    for (const message of early) this.applyLive(message);
  }

  /** An older page arrived. */
  loadOlder(page: FeedPage): void {
    for (const post of page.posts) {
      if (this.#findPost(post.id)) continue;
      const view = this.#fromServer(post);
      for (const entry of [view.post, ...view.replies.map((reply) => reply.reply)]) this.#placeLater(entry);
      this.posts.push(view);
    }
    this.next = page.next;
    this.#sort();
  }

  addPendingPost(text: string, clientId: string, author: Person, at: string): PostView {
    const post: FeedPost = {
      id: localId(clientId),
      group: '',
      seq: 0,
      author,
      text,
      at,
      clientId,
      reactions: [],
      replies: [],
    };
    const view: PostView = { key: keyOf(post), post, replies: [], delivery: Delivery.pending };
    this.posts.unshift(view);
    return view;
  }

  addPendingReply(parent: string, text: string, clientId: string, author: Person, at: string): ReplyView | undefined {
    const post = this.#findPost(parent);
    if (!post) return undefined;
    const reply: FeedReply = { id: localId(clientId), group: '', seq: 0, author, text, at, clientId, reactions: [], parent };
    const view: ReplyView = { key: keyOf(reply), reply, delivery: Delivery.pending };
    post.replies.push(view);
    return view;
  }

  /**
   * The viewer's posts and replies that their server still holds for the group's home (read with
   * the first page): shown again as queued, as they were before a reload. One already here (its
   * echo came, or it is on the page) and a reply to a post not loaded are left out. Returns the
   * event ids of those shown.
   */
  restoreQueued(entries: readonly QueuedEntry[], author: Person): string[] {
    const shown: string[] = [];
    for (const entry of entries) {
      const { clientId } = entry;
      if (!clientId || this.findLocal(clientId) || this.#findEntry(entry.event)) continue;
      const view =
        entry.type === 'post'
          ? this.addPendingPost(entry.text, clientId, author, entry.at)
          : entry.parent && this.addPendingReply(entry.parent, entry.text, clientId, author, entry.at);
      if (view && this.markQueued(clientId, entry.event) === Delivery.queued) shown.push(entry.event);
    }
    return shown;
  }

  /** The viewer's entry with this clientId, optimistic or acknowledged. */
  findLocal(clientId: string): { post: PostView; reply?: ReplyView | undefined } | undefined {
    const key = `c:${clientId}`;
    for (const post of this.posts) {
      if (post.key === key) return { post };
      const reply = post.replies.find((candidate) => candidate.key === key);
      if (reply) return { post, reply };
    }
    return undefined;
  }

  /** Marks an entry of the viewer's pending again, for a retry. */
  markPending(clientId: string): void {
    const found = this.findLocal(clientId);
    const view = found?.reply ?? found?.post;
    if (view && view.delivery === Delivery.failed) {
      view.delivery = Delivery.pending;
      view.error = undefined;
      view.refused = undefined;
    }
  }

  /** The entries of the viewer's still queued for the group's home server, by the id each will have. */
  queuedEvents(): string[] {
    const views = this.posts.flatMap((post) => [post, ...post.replies]);
    return views.flatMap((view) => (view.delivery === Delivery.queued && view.queuedEvent ? [view.queuedEvent] : []));
  }

  /**
   * The group's home server refused an entry the viewer's server had queued for it (`event`, the id
   * of the `202`): it will never arrive, and shows as failed, with a Retry. Returns true if it did.
   */
  markRefused(event: string, error: MutualApiError): boolean {
    for (const post of this.posts) {
      for (const view of [post, ...post.replies]) {
        if (view.delivery !== Delivery.queued || view.queuedEvent !== event) continue;
        view.delivery = Delivery.failed;
        view.error = error;
        view.refused = true;
        view.queuedEvent = undefined;
        return true;
      }
    }
    return false;
  }

  /** Returns true when the entry is now `failed`. */
  markFailed(clientId: string, error: MutualApiError): boolean {
    const found = this.findLocal(clientId);
    const view = found?.reply ?? found?.post;
    // The live stream may have delivered it already: then it was sent after all.
    if (view && view.delivery === Delivery.pending) {
      view.delivery = Delivery.failed;
      view.error = error;
      return true;
    }
    return false;
  }

  /**
   * The viewer's server queued an entry for the group's home server (`202`); `event` is the id it
   * will have. Returns the entry's delivery afterwards: `queued`, or `sent` if its echo came first.
   */
  markQueued(clientId: string, event: string): Delivery | undefined {
    const found = this.findLocal(clientId);
    const view = found?.reply ?? found?.post;
    if (view && view.delivery === Delivery.pending) {
      view.delivery = Delivery.queued;
      view.queuedEvent = event;
      view.error = undefined;
    }
    return view?.delivery;
  }

  /** The server acknowledged a post of the viewer's. */
  acknowledgePost(post: FeedPost): void {
    const found = post.clientId ? this.findLocal(post.clientId) : undefined;
    if (found && !found.reply) this.#settlePost(found.post, post);
    else if (!this.#findPost(post.id)) {
      this.posts.push(this.#fromServer(post));
      this.#sort();
    }
  }

  /** The server acknowledged a reply of the viewer's. */
  acknowledgeReply(reply: FeedReply): void {
    const parent = this.#findPost(reply.parent);
    if (!parent) return;
    const found = reply.clientId ? this.findLocal(reply.clientId) : undefined;
    if (found?.reply) this.#settleReply(parent, found.reply, reply);
    else if (!parent.replies.some((candidate) => candidate.reply.id === reply.id)) {
      parent.replies.push({ key: keyOf(reply), reply, delivery: Delivery.sent });
      sortReplies(parent.replies);
    }
  }

  /** Applies a live event of this group; returns what changed, or undefined when nothing did. */
  applyLive(message: LiveMessage): LiveChange | undefined {
    if (!this.loaded) {
      this.#early.push(message);
      return undefined;
    }
    const { event, author } = message;
    const mine = event.author === this.#viewer;
    switch (event.type) {
      case 'post': {
        if (this.#findPost(event.id)) return undefined;
        const post: FeedPost = {
          id: event.id,
          group: event.group,
          seq: event.seq,
          author,
          text: event.body.text,
          at: event.at,
          clientId: event.body.clientId,
          reactions: [],
          replies: [],
        };
        const local = this.#localOf(post, mine);
        if (local && !local.reply) {
          const before = local.post.delivery;
          if (before === Delivery.sent) return undefined;
          this.#settlePost(local.post, post);
          // A pending entry's answer is still on its way and confirms it then.
          return before === Delivery.pending ? undefined : { kind: 'delivered-post', post: local.post.post };
        }
        this.posts.push(this.#fromServer(post));
        this.#sort();
        return { kind: 'post', author, mine };
      }
      case 'reply': {
        const parent = this.#findPost(event.body.parent);
        // A reply to a post not loaded yet arrives with that post's page.
        if (!parent || parent.replies.some((view) => view.reply.id === event.id)) return undefined;
        const reply: FeedReply = {
          id: event.id,
          group: event.group,
          seq: event.seq,
          author,
          text: event.body.text,
          at: event.at,
          clientId: event.body.clientId,
          reactions: [],
          parent: event.body.parent,
        };
        const local = this.#localOf(reply, mine);
        if (local?.reply) {
          const before = local.reply.delivery;
          if (before === Delivery.sent) return undefined;
          this.#settleReply(parent, local.reply, reply);
          return before === Delivery.pending ? undefined : { kind: 'delivered-reply', reply: local.reply.reply };
        }
        parent.replies.push({ key: keyOf(reply), reply, delivery: Delivery.sent });
        sortReplies(parent.replies);
        return { kind: 'reply', author, mine };
      }
      case 'reaction': {
        const { target, emoji, on } = event.body;
        const totals = message.reactions;
        const entry = this.#findEntry(target);
        if (!entry) {
          if (totals) this.#keepForLater(target, totals, mine ? { emoji, on } : undefined);
          return undefined;
        }
        const before = JSON.stringify(entry.reactions);
        const own = this.#own.get(target);
        const server = own?.server ?? entry.reactions;
        if (totals) {
          // The server's count: exact however many times this reaction was given or shown already.
          setTotals(server, totals, mine ? new Map([[emoji, on]]) : undefined);
          this.#totalsSeen.set(target, (this.#totalsSeen.get(target) ?? 0) + 1);
        } else {
          // An older server sends no totals, and only reactions that change something: count by one.
          if (mine) setMine(server, emoji, on);
          else countOther(server, emoji, on);
        }
        const unconfirmed = mine ? own?.unconfirmed.get(emoji) : undefined;
        if (unconfirmed) {
          unconfirmed.echoed = true;
          // Its echo, with nothing more on the way: the server's counts and this `on` say it all.
          if (totals && unconfirmed.requests === 0 && unconfirmed.on === on) own!.unconfirmed.delete(emoji);
        }
        this.#showReactions(target, entry);
        return JSON.stringify(entry.reactions) === before ? undefined : { kind: 'reaction' };
      }
      default:
        return undefined;
    }
  }

  /**
   * The viewer toggled a reaction: shown at once, and kept on top of what the server says until it
   * confirms it (see {@link settleReaction}). Returns false if it was already so.
   */
  toggleReaction(entryId: string, emoji: string, on: boolean): boolean {
    const entry = this.#findEntry(entryId);
    if (!entry || (entry.reactions.find((reaction) => reaction.emoji === emoji)?.mine ?? false) === on) return false;
    let own = this.#own.get(entryId);
    if (!own) this.#own.set(entryId, (own = { server: entry.reactions.map((reaction) => ({ ...reaction })), unconfirmed: new Map() }));
    const unconfirmed = own.unconfirmed.get(emoji);
    if (unconfirmed) {
      unconfirmed.on = on;
      unconfirmed.requests++;
    } else own.unconfirmed.set(emoji, { on, since: this.#totalsSeen.get(entryId) ?? 0, requests: 1, echoed: false });
    this.#showReactions(entryId, entry);
    return true;
  }

  /**
   * How the server took a reaction of the viewer's. Its answer is the entry's truth unless live
   * totals came while it was on its way: they may be newer, and are never older than what follows.
   * Queued, the reaction stays on top until its live echo. Failed, what the server last said shows.
   */
  settleReaction(entryId: string, emoji: string, outcome: ReactionOutcome): void {
    const entry = this.#findEntry(entryId);
    const own = this.#own.get(entryId);
    const unconfirmed = own?.unconfirmed.get(emoji);
    if (!entry || !own || !unconfirmed) return;
    unconfirmed.requests = Math.max(0, unconfirmed.requests - 1);
    let untilEcho = outcome === 'queued';
    if (Array.isArray(outcome)) {
      if ((this.#totalsSeen.get(entryId) ?? 0) === unconfirmed.since) {
        own.server = outcome.map((reaction) => ({ ...reaction }));
      } else if (!unconfirmed.echoed) {
        // The counts may be older than the live ones; whether the viewer is among them is not.
        const mine = outcome.some((reaction) => reaction.emoji === emoji && reaction.mine);
        const shown = own.server.find((reaction) => reaction.emoji === emoji);
        if (shown) shown.mine = mine;
        // Not in the live counts at all: they were read before it was stored. It shows on top of
        // them until its echo, whose counts have it.
        else if (mine) untilEcho = true;
      }
    }
    if (unconfirmed.requests === 0 && !untilEcho) own.unconfirmed.delete(emoji);
    this.#showReactions(entryId, entry);
  }

  /**
   * The group's home server refused a queued reaction of the viewer's: what the server last said
   * shows, unless the viewer changed that reaction again since (that request settles it).
   */
  refuseReaction(entryId: string, emoji: string): void {
    const entry = this.#findEntry(entryId);
    const own = this.#own.get(entryId);
    const unconfirmed = own?.unconfirmed.get(emoji);
    if (!entry || !own || !unconfirmed || unconfirmed.requests > 0) return;
    own.unconfirmed.delete(emoji);
    this.#showReactions(entryId, entry);
  }

  /**
   * Shows an entry's reactions: what the server said, with the viewer's unconfirmed ones on top.
   * One the server already says is so (its echo, or an answer) is confirmed.
   */
  #showReactions(entryId: string, entry: FeedPost | FeedReply): void {
    const own = this.#own.get(entryId);
    if (!own) return;
    const shown = own.server.map((reaction) => ({ ...reaction }));
    for (const [emoji, unconfirmed] of own.unconfirmed) {
      const confirmed = (own.server.find((reaction) => reaction.emoji === emoji)?.mine ?? false) === unconfirmed.on;
      if (confirmed && unconfirmed.requests === 0) own.unconfirmed.delete(emoji);
      else setMine(shown, emoji, unconfirmed.on);
    }
    if (own.unconfirmed.size === 0) this.#own.delete(entryId);
    entry.reactions.splice(0, entry.reactions.length, ...shown);
  }

  #keepForLater(entryId: string, totals: ReactionTotal[], own: { emoji: string; on: boolean } | undefined): void {
    const kept = this.#later.get(entryId) ?? { totals, mine: new Map<string, boolean>() };
    kept.totals = totals;
    if (own) kept.mine.set(own.emoji, own.on);
    // Newest last: the oldest goes first when there are too many.
    this.#later.delete(entryId);
    this.#later.set(entryId, kept);
    if (this.#later.size > LATER_MAX) this.#later.delete(this.#later.keys().next().value!);
  }

  /** An entry of an older page: live totals that came for it are as new as the page, or newer. */
  #placeLater(entry: FeedPost | FeedReply): void {
    const kept = this.#later.get(entry.id);
    if (!kept) return;
    this.#later.delete(entry.id);
    setTotals(entry.reactions, kept.totals, kept.mine);
  }

  /** The viewer's entry an echo stands for: by its clientId, or by the event id a `202` promised. */
  #localOf(entry: FeedPost | FeedReply, mine: boolean): { post: PostView; reply?: ReplyView | undefined } | undefined {
    const byClientId = mine && entry.clientId ? this.findLocal(entry.clientId) : undefined;
    if (byClientId) return byClientId;
    for (const post of this.posts) {
      if (post.queuedEvent === entry.id) return { post };
      const reply = post.replies.find((candidate) => candidate.queuedEvent === entry.id);
      if (reply) return { post, reply };
    }
    return undefined;
  }

  /** An entry of the viewer's is stored: it takes the server's copy and keeps its key and clientId. */
  #settlePost(view: PostView, post: FeedPost): void {
    Object.assign(view, {
      post: { ...post, clientId: post.clientId ?? view.post.clientId, reactions: [...post.reactions] },
      delivery: Delivery.sent,
      error: undefined,
      queuedEvent: undefined,
      refused: undefined,
    });
    // The live copy may have arrived first under its own key: keep one.
    const known = this.posts.find((candidate) => candidate !== view && candidate.post.id === post.id);
    if (known) this.posts.splice(this.posts.indexOf(known), 1);
    this.#sort();
  }

  #settleReply(parent: PostView, view: ReplyView, reply: FeedReply): void {
    Object.assign(view, {
      reply: { ...reply, clientId: reply.clientId ?? view.reply.clientId, reactions: [...reply.reactions] },
      delivery: Delivery.sent,
      error: undefined,
      queuedEvent: undefined,
      refused: undefined,
    });
    const known = parent.replies.find((candidate) => candidate !== view && candidate.reply.id === reply.id);
    if (known) parent.replies.splice(parent.replies.indexOf(known), 1);
    sortReplies(parent.replies);
  }

  #fromServer(post: FeedPost): PostView {
    const replies = post.replies.map(
      (reply): ReplyView => ({ key: keyOf(reply), reply: { ...reply, reactions: [...reply.reactions] }, delivery: Delivery.sent }),
    );
    sortReplies(replies);
    return { key: keyOf(post), post: { ...post, reactions: [...post.reactions] }, replies, delivery: Delivery.sent };
  }

  #findPost(id: string): PostView | undefined {
    return this.posts.find((view) => view.post.id === id);
  }

  #findEntry(id: string): FeedPost | FeedReply | undefined {
    for (const view of this.posts) {
      if (view.post.id === id) return view.post;
      const reply = view.replies.find((candidate) => candidate.reply.id === id);
      if (reply) return reply.reply;
    }
    return undefined;
  }

  /** The viewer's unsent posts on top, then newest first by the home server's order. */
  #sort(): void {
    const local = this.posts.filter((view) => view.delivery !== Delivery.sent);
    const sent = this.posts.filter((view) => view.delivery === Delivery.sent).sort((a, b) => b.post.seq - a.post.seq);
    this.posts = [...local, ...sent];
  }
}

/** Oldest first, as a conversation reads; unsent replies last. */
function sortReplies(replies: ReplyView[]): void {
  replies.sort((a, b) => {
    const aLocal = a.delivery !== Delivery.sent;
    const bLocal = b.delivery !== Delivery.sent;
    if (aLocal !== bLocal) return aLocal ? 1 : -1;
    return aLocal ? 0 : a.reply.seq - b.reply.seq;
  });
}

/** The viewer's own reaction, counted once: unconfirmed on top of the server's counts, or an older server's echo. */
function setMine(reactions: ReactionCount[], emoji: string, on: boolean): boolean {
  const index = reactions.findIndex((reaction) => reaction.emoji === emoji);
  const current = reactions[index];
  if (!current) {
    if (!on) return false;
    reactions.push({ emoji, count: 1, mine: true });
    return true;
  }
  if (current.mine === on) return false;
  current.mine = on;
  current.count += on ? 1 : -1;
  if (current.count <= 0) reactions.splice(index, 1);
  return true;
}

/**
 * Sets the counts the server sent, keeping which reactions are the viewer's but for `own`: the
 * viewer's own changes the totals come with (emoji → on).
 */
function setTotals(reactions: ReactionCount[], totals: readonly ReactionTotal[], own?: ReadonlyMap<string, boolean>): void {
  const mine = new Set(reactions.filter((reaction) => reaction.mine).map((reaction) => reaction.emoji));
  for (const [emoji, on] of own ?? []) {
    if (on) mine.add(emoji);
    else mine.delete(emoji);
  }
  const counted = totals.filter((total) => total.count > 0).map(({ emoji, count }) => ({ emoji, count, mine: mine.has(emoji) }));
  reactions.splice(0, reactions.length, ...counted);
}

/** Someone else's reaction, from a server that sends no totals: it only sends reactions that change something. */
function countOther(reactions: ReactionCount[], emoji: string, on: boolean): boolean {
  const index = reactions.findIndex((reaction) => reaction.emoji === emoji);
  const current = reactions[index];
  if (!current) {
    if (!on) return false;
    reactions.push({ emoji, count: 1, mine: false });
    return true;
  }
  current.count += on ? 1 : -1;
  if (current.count <= 0) reactions.splice(index, 1);
  return true;
}
