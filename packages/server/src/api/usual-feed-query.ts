import { FEED_PAGE_DEFAULT, FEED_PAGE_MAX } from '@mutual/protocol';

const LIMIT_ONLY = /^limit=(\d{1,3})$/;

/**
 * The page size of the usual first-page read — a URL whose query is exactly `limit=N` (1 ≤ N ≤
 * the maximum, digits only), or no query at all — or `undefined` for anything else, which the
 * route's own validators then check (FeedQuerySchema). For every URL this accepts, the schema
 * gives the same limit and no `before` (usual-feed-query.test.ts), so the answer is the same; it
 * only skips the zod path, which cost more than answering a cached page.
 */
export function usualFirstPageLimit(url: string): number | undefined {
  const queryAt = url.indexOf('?', 8);
  if (queryAt === -1) return url.indexOf('#', 8) === -1 ? FEED_PAGE_DEFAULT : undefined;
  const match = LIMIT_ONLY.exec(url.slice(queryAt + 1));
  if (!match) return undefined;
  const limit = Number(match[1]);
  return limit >= 1 && limit <= FEED_PAGE_MAX ? limit : undefined;
}
