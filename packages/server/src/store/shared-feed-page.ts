import type { FeedPage, FeedPost, FeedReply, PersonId, ReactionCount } from '@mutual/protocol';

/** A reaction as everyone sees it, with who gave it, so each reader's `mine` can be derived. */
export interface SharedReaction {
  emoji: string;
  count: number;
  people: readonly PersonId[];
}

type Shared<T extends FeedPost | FeedReply> = Omit<T, 'reactions'> & { reactions: SharedReaction[] };
export type SharedFeedReply = Shared<FeedReply>;
export type SharedFeedPost = Omit<Shared<FeedPost>, 'replies'> & { replies: SharedFeedReply[] };

/**
 * A feed page before it is anyone's: the same for every member of the group. {@link personalise}
 * turns it into what one reader receives (today only each reaction's `mine` differs).
 */
export interface SharedFeedPage {
  posts: SharedFeedPost[];
  next?: string;
}

const reactionsFor = (reactions: readonly SharedReaction[], viewer: PersonId | undefined): ReactionCount[] =>
  reactions.map(({ emoji, count, people }) => ({ emoji, count, mine: viewer !== undefined && people.includes(viewer) }));

/**
 * The page one reader receives. Keys keep the order the API has always written them in, so the
 * JSON is byte for byte what an uncached read gives. `viewer` undefined: nobody's (`mine` false).
 */
export function personalise(page: SharedFeedPage, viewer: PersonId | undefined): FeedPage {
  const posts = page.posts.map(
    (post): FeedPost => ({
      ...post,
      reactions: reactionsFor(post.reactions, viewer),
      replies: post.replies.map((reply): FeedReply => ({ ...reply, reactions: reactionsFor(reply.reactions, viewer) })),
    }),
  );
  return { posts, ...(page.next !== undefined && { next: page.next }) };
}

/** Everyone who reacted to something on the page: only their copies differ from nobody's. */
export function reactorsOf(page: SharedFeedPage): Set<PersonId> {
  const reactors = new Set<PersonId>();
  for (const post of page.posts) {
    for (const entry of [post, ...post.replies]) for (const reaction of entry.reactions) for (const person of reaction.people) reactors.add(person);
  }
  return reactors;
}
