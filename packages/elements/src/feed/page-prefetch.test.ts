import { expect, waitUntil } from '@open-wc/testing';
import type { FeedPage } from '@mutual/protocol';
import type { MutualConnection } from '../connection/connection.js';
import { PAGES_AHEAD, PagePrefetch } from './page-prefetch.js';

/** A connection whose `api.posts` answers from a script: page `before=pN` has `next: p(N+1)`. */
function scriptedConnection(lastPage = 9) {
  const asked: string[] = [];
  const pending = new Map<string, { resolve: (page: FeedPage) => void; reject: (error: Error) => void }>();
  const aborted: string[] = [];
  const connection = {
    api: {
      posts(_group: string, { before, signal }: { before?: string; signal?: AbortSignal }): Promise<FeedPage> {
        asked.push(before!);
        signal?.addEventListener('abort', () => aborted.push(before!));
        return new Promise((resolve, reject) => pending.set(before!, { resolve, reject }));
      },
    },
  } as unknown as MutualConnection;
  const answer = (before: string) => {
    const n = Number(before.slice(1));
    pending.get(before)!.resolve({ posts: [], next: n < lastPage ? `p${n + 1}` : undefined });
  };
  const fail = (before: string) => pending.get(before)!.reject(new Error('network down'));
  return { connection, asked, aborted, answer, fail };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('PagePrefetch', () => {
  it(`asks for up to ${PAGES_AHEAD} pages ahead, each as soon as the one before arrived`, async () => {
    const { connection, asked, answer } = scriptedConnection();
    const ahead = new PagePrefetch();
    ahead.ensure(connection, 'g', 'p1', 6);
    expect(asked).to.deep.equal(['p1']);
    for (let n = 1; n < PAGES_AHEAD; n++) {
      answer(`p${n}`);
      await settle();
      expect(asked.at(-1), 'the next page is asked for once this one arrived').to.equal(`p${n + 1}`);
    }
    answer(`p${PAGES_AHEAD}`);
    await settle();
    expect(asked, `no more than ${PAGES_AHEAD} ahead`).to.have.length(PAGES_AHEAD);
    ahead.ensure(connection, 'g', 'p1', 6);
    expect(asked, 'asking again for a page on its way asks nothing').to.have.length(PAGES_AHEAD);
  });

  it('hands out the next page with those after it that already arrived, then goes on from the last', async () => {
    const { connection, asked, answer } = scriptedConnection();
    const ahead = new PagePrefetch();
    ahead.ensure(connection, 'g', 'p1', 6);
    answer('p1');
    await settle();
    answer('p2');
    await settle();
    // p3 is on its way: p1 and p2 are handed out, p3 stays for the next taker.
    const pages = await ahead.take(connection, 'g', 'p1', 6)!;
    expect(pages.map((page) => page.next)).to.deep.equal(['p2', 'p3']);
    expect(ahead.take(connection, 'g', 'p3', 6), 'the page still on its way is handed out next').to.be.instanceOf(Promise);
    expect(asked, 'its taker asks for what follows, once it knows the cursor').to.deep.equal(['p1', 'p2', 'p3']);
    expect(ahead.take(connection, 'g', 'p1', 6), 'handed out once').to.equal(undefined);
  });

  it('hands out only a page asked for this group, size and cursor', async () => {
    const { connection } = scriptedConnection();
    const other = scriptedConnection().connection;
    const ahead = new PagePrefetch();
    ahead.ensure(connection, 'g', 'p1', 6);
    expect(ahead.take(connection, 'h', 'p1', 6)).to.equal(undefined);
    expect(ahead.take(connection, 'g', 'p1', 7)).to.equal(undefined);
    expect(ahead.take(connection, 'g', 'p2', 6)).to.equal(undefined);
    expect(ahead.take(other, 'g', 'p1', 6)).to.equal(undefined);
    expect(ahead.take(connection, 'g', 'p1', 6)).to.be.instanceOf(Promise);
  });

  it('clearing aborts what is on its way and forgets what arrived', async () => {
    const { connection, asked, aborted, answer } = scriptedConnection();
    const ahead = new PagePrefetch();
    ahead.ensure(connection, 'g', 'p1', 6);
    answer('p1');
    await settle();
    ahead.clear();
    expect(aborted).to.deep.equal(['p1', 'p2']);
    expect(ahead.take(connection, 'g', 'p1', 6)).to.equal(undefined);
    answer('p2');
    await settle();
    expect(asked, 'a cleared chain does not go on').to.deep.equal(['p1', 'p2']);
  });

  it('a failure ahead is nobody’s error until the page is taken, then the taker sees it', async () => {
    const { connection, fail } = scriptedConnection();
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      const ahead = new PagePrefetch();
      ahead.ensure(connection, 'g', 'p1', 6);
      fail('p1');
      await settle();
      await waitUntil(() => true);
      expect(unhandled).to.deep.equal([]);
      let error: unknown;
      await ahead.take(connection, 'g', 'p1', 6)!.catch((caught: unknown) => (error = caught));
      expect((error as Error).message).to.equal('network down');
    } finally {
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
  });
});
