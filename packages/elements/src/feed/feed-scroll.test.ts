import { expect, waitUntil } from '@open-wc/testing';
import { LiveStatus } from '../connection/live-stream.js';
import { createSpaceFixture, embedToken, spyOnFetch, WAIT, type SpaceFixture } from '../testing/harness.js';
import type { MutualGroupFeed } from './feed.js';
import { AXE_OPTIONS, mountFeed, posts, scrollBox, scroller, shadow, textOf, writePosts } from './test-support.js';

const newPostsButton = (feed: MutualGroupFeed) => shadow(feed).querySelector<HTMLButtonElement>('[part~="new-posts"]');

/** The first post whose top is in the box, and where it is. */
function firstVisible(feed: MutualGroupFeed): { item: HTMLElement; top: number } {
  const boxTop = scroller(feed).getBoundingClientRect().top;
  const item = posts(feed).find((candidate) => candidate.getBoundingClientRect().bottom > boxTop + 1)!;
  return { item, top: item.getBoundingClientRect().top };
}

describe('<mutual-group-feed> scrolling', function () {
  this.timeout(60_000);
  let world: SpaceFixture;
  let fetchSpy: ReturnType<typeof spyOnFetch> | undefined;

  beforeEach(async () => {
    world = await createSpaceFixture();
    await writePosts(
      world,
      world.people.ana,
      world.groups.plan,
      Array.from({ length: 24 }, (_, index) => `Status update ${index + 1}: the **extract** for line ${index % 4} is ready.`),
    );
  });

  afterEach(() => {
    fetchSpy?.restore();
    fetchSpy = undefined;
  });

  it('shows "N new posts" instead of moving what a scrolled-down reader is reading, and takes them up to it', async () => {
    const { space, feed } = await mountFeed(world, world.people.ana, world.groups.plan, { maxHeight: '320px' });
    await waitUntil(() => space.status === LiveStatus.open, 'the stream did not open', WAIT);
    const box = scroller(feed);
    box.scrollTop = 700;
    await waitUntil(() => firstVisible(feed).item.getAttribute('aria-posinset') !== '1', 'did not scroll', WAIT);
    const before = firstVisible(feed);

    await writePosts(world, world.people.bob, world.groups.plan, ['Security review moved to Thursday']);
    await waitUntil(() => newPostsButton(feed), 'no "new posts" button', WAIT);
    expect(newPostsButton(feed)!.textContent!.trim()).to.contain('1 new post');
    expect(Math.abs(before.item.getBoundingClientRect().top - before.top), 'what was read did not move').to.be.below(1);
    expect(firstVisible(feed).item, 'the same post at the top').to.equal(before.item);
    await waitUntil(() => shadow(feed).querySelector('[role="status"]')!.textContent!.includes('New post from'), 'not announced', WAIT);

    await writePosts(world, world.people.bob, world.groups.plan, ['Demo environment restarted']);
    await waitUntil(() => newPostsButton(feed)?.textContent!.includes('2 new posts'), 'the count did not grow', WAIT);
    expect(Math.abs(before.item.getBoundingClientRect().top - before.top)).to.be.below(1);
    await expect(space).to.be.accessible(AXE_OPTIONS);

    newPostsButton(feed)!.click();
    await waitUntil(() => shadow(feed).activeElement?.getAttribute('aria-posinset') === '1', 'the newest post did not get focus', WAIT);
    const newest = shadow(feed).activeElement as HTMLElement;
    expect(textOf(newest)).to.equal('Demo environment restarted');
    expect(box.scrollTop).to.be.below(2);
    await waitUntil(() => !newPostsButton(feed), 'the button stayed', WAIT);
  });

  it('lets new posts simply appear at the top when the reader is at the top', async () => {
    const { space, feed } = await mountFeed(world, world.people.ana, world.groups.plan, { maxHeight: '320px' });
    await waitUntil(() => space.status === LiveStatus.open, 'the stream did not open', WAIT);
    expect(scroller(feed).scrollTop).to.equal(0);
    await writePosts(world, world.people.bob, world.groups.plan, ['Kick-off confirmed']);
    await waitUntil(() => textOf(posts(feed)[0]!) === 'Kick-off confirmed', 'the post did not appear on top', WAIT);
    expect(scroller(feed).scrollTop).to.equal(0);
    expect(newPostsButton(feed)).to.equal(null);
  });

  it('hides the button once the reader scrolls back to the top', async () => {
    const { space, feed } = await mountFeed(world, world.people.ana, world.groups.plan, { maxHeight: '320px' });
    await waitUntil(() => space.status === LiveStatus.open, 'the stream did not open', WAIT);
    const box = scroller(feed);
    box.scrollTop = 600;
    await waitUntil(() => firstVisible(feed).item.getAttribute('aria-posinset') !== '1', 'did not scroll', WAIT);
    await writePosts(world, world.people.bob, world.groups.plan, ['One more thing']);
    await waitUntil(() => newPostsButton(feed), 'no "new posts" button', WAIT);
    box.scrollTop = 0;
    await waitUntil(() => !newPostsButton(feed), 'the button stayed at the top', WAIT);
  });

  it('loads older posts as the reader scrolls to the end, without pressing the button', async () => {
    fetchSpy = spyOnFetch();
    const { feed } = await mountFeed(world, world.people.ana, world.groups.plan, { maxHeight: '320px', pageSize: 6 });
    expect(posts(feed)).to.have.length.at.most(6);
    expect(shadow(feed).querySelector('[part~="load-more"]'), 'the button stays as a fallback').to.exist;
    const box = scroller(feed);
    const pages = () => fetchSpy!.calls.filter((call) => call.method === 'GET' && call.url.includes('/posts?') && call.url.includes('before='));
    expect(pages(), 'nothing loads before the reader scrolls').to.have.length(0);

    // 26 posts (24 + the 2 seeded) in pages of 6: scrolling to the end pulls the rest in.
    await waitUntil(
      () => {
        box.scrollTop = box.scrollHeight;
        return posts(feed)[0]!.getAttribute('aria-setsize') === '26';
      },
      'the older pages did not load on scroll',
      { timeout: 20_000, interval: 50 },
    );
    expect(pages().length).to.be.at.least(4);
    expect(shadow(feed).querySelector('[part~="load-more"]'), 'no more to load').to.equal(null);
    await waitUntil(() => posts(feed).some((item) => item.getAttribute('aria-posinset') === '26'), 'the oldest post is not shown', WAIT);
    expect(textOf(posts(feed).find((item) => item.getAttribute('aria-posinset') === '26')!)).to.equal('Welcome to the evaluation plan!');
  });

  it('asks for the next older pages ahead while the reader pages down, and never shows one that went stale', async () => {
    fetchSpy = spyOnFetch();
    const { space, feed } = await mountFeed(world, world.people.ana, world.groups.plan, { maxHeight: '320px', pageSize: 6 });
    await waitUntil(() => space.status === LiveStatus.open, 'the stream did not open', WAIT);
    const box = scroller(feed);
    const olderPages = () => fetchSpy!.calls.filter((call) => call.method === 'GET' && call.url.includes('before='));
    expect(olderPages(), 'nothing is asked for ahead before the reader scrolls').to.have.length(0);

    // Scrolled to the end: the next page loads and the ones after it are asked for ahead, each once
    // (page-prefetch.test.ts has the details).
    await waitUntil(
      () => {
        box.scrollTop = box.scrollHeight;
        return Number(posts(feed)[0]!.getAttribute('aria-setsize')) >= 12;
      },
      'the first older page did not load',
      { timeout: 20_000, interval: 50 },
    );
    await waitUntil(() => olderPages().length >= 3, 'the next pages were not asked for ahead', WAIT);
    const cursors = olderPages().map((call) => new URL(call.url).searchParams.get('before'));
    expect(new Set(cursors).size, 'each page is asked for once').to.equal(cursors.length);

    // Meanwhile someone replies to post 20 of 26, in a page already fetched ahead: that page is
    // stale, so it is asked for again when needed, and the reply shows.
    const [post20] = await fetch(`${world.server}/api/groups/${encodeURIComponent(world.groups.plan)}/posts?limit=100`, {
      headers: { Authorization: `Bearer ${await embedToken(world.people.ana)}` },
    })
      .then((answer) => answer.json() as Promise<{ posts: Array<{ id: string }> }>)
      .then((page) => page.posts.slice(19, 20));
    const token = await embedToken(world.people.bob);
    const replied = await fetch(`${world.server}/api/groups/${encodeURIComponent(world.groups.plan)}/posts/${post20!.id}/replies`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'Checked: the extract is fine' }),
    });
    expect(replied.status).to.equal(201);
    // The live stream is in order: once this post is counted, the reply had come through too.
    await writePosts(world, world.people.bob, world.groups.plan, ['Pricing call booked']);
    await waitUntil(() => newPostsButton(feed), 'the live post did not come', WAIT);
    await waitUntil(
      () => {
        box.scrollTop = box.scrollHeight;
        return posts(feed)[0]!.getAttribute('aria-setsize') === '27';
      },
      'the older pages did not load',
      { timeout: 20_000, interval: 50 },
    );
    const find = () => posts(feed).find((candidate) => candidate.dataset.id === post20!.id);
    for (let top = box.scrollHeight; top >= 0 && !find(); top -= 100) await scrollBox(feed, box, top);
    const item = find()!;
    expect(item, 'post 20 is shown').to.exist;
    await waitUntil(() => item.textContent!.includes('Checked: the extract is fine'), 'the reply to a page fetched ahead is missing', WAIT);
  });

  it('loads older posts on scroll when the page scrolls rather than the feed', async () => {
    const { feed } = await mountFeed(world, world.people.ana, world.groups.plan, { pageSize: 6 });
    const root = document.scrollingElement!;
    await waitUntil(
      () => {
        root.scrollTop = root.scrollHeight;
        return posts(feed)[0]!.getAttribute('aria-setsize') === '26';
      },
      'the older pages did not load on scroll',
      { timeout: 20_000, interval: 50 },
    );
    root.scrollTop = 0;
  });
});
