import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Person } from '@mutual/protocol';
import { createSpaceFixture, spyOnFetch, WAIT, type SpaceFixture } from '../testing/harness.js';
import type { MutualGroupFeed } from './feed.js';
import { AXE_OPTIONS, countNodes, mountFeed, posts, scroller, shadow, syntheticPage, writePosts } from './test-support.js';

// 10,000 posts is more than a test server should be made to hold, and the API pages by 100 at
// most: the real element, on a real connection and live stream, gets its first page from a fetch
// wrapper that answers the posts request with a synthetic page of 10,000 (every other request
// reaches the real server). Everything measured here is the real element's DOM.

const COUNT = 10_000;
const NODE_BUDGET = 2_000;
const DORA: Person = { id: 'dora@buyer.test', name: 'Dora Weiss', organisation: 'buyer.test' };

const texts = (index: number): string =>
  [
    `Post number ${COUNT - index}: the **pilot** runs on line ${index % 12}.`,
    `Update ${COUNT - index}\n- extract ready\n- review *pending*\nSee https://example.com/report/${index}`,
    `Short one ${COUNT - index}.`,
    `${'A longer note that wraps over several lines of the feed, to vary the heights. '.repeat(3)}(${COUNT - index})`,
  ][index % 4]!;

function positions(feed: MutualGroupFeed): number[] {
  return posts(feed).map((item) => Number(item.getAttribute('aria-posinset')));
}

describe('<mutual-group-feed> with 10,000 posts', function () {
  this.timeout(120_000);
  let world: SpaceFixture;
  let fetchSpy: ReturnType<typeof spyOnFetch> | undefined;

  beforeEach(async () => {
    world = await createSpaceFixture();
    const page = JSON.stringify(syntheticPage(COUNT, DORA, texts));
    fetchSpy = spyOnFetch((call) => {
      const url = new URL(call.url, location.href);
      if (call.method !== 'GET' || url.pathname !== `/api/groups/${encodeURIComponent(world.groups.plan)}/posts`) return undefined;
      return Promise.resolve(new Response(page, { status: 200, headers: { 'Content-Type': 'application/json' } }));
    });
  });

  afterEach(() => {
    fetchSpy?.restore();
    fetchSpy = undefined;
  });

  it('keeps the DOM under 2,000 nodes while scrolling its own box from the first post to the last', async () => {
    const { feed } = await mountFeed(world, world.people.ana, world.groups.plan, { maxHeight: '600px' });
    const box = scroller(feed);
    await waitUntil(() => posts(feed).length > 0, 'no posts', WAIT);
    expect(positions(feed)[0]).to.equal(1);
    expect(posts(feed)[0]!.getAttribute('aria-setsize')).to.equal(String(COUNT));
    expect(countNodes(shadow(feed))).to.be.below(NODE_BUDGET);
    expect(posts(feed).length, 'only a window of posts').to.be.below(60);

    // Scroll down in steps of about a screen and a half, checking the window follows.
    let steps = 0;
    let seenLast = false;
    while (!seenLast) {
      const before = box.scrollTop;
      box.scrollTop = before + 900;
      if (box.scrollTop === before) {
        // At the end of the box: the last posts come in as the window catches up.
        await waitUntil(() => positions(feed).includes(COUNT), 'the last post was not rendered at the end', WAIT);
        seenLast = true;
        break;
      }
      await waitUntil(
        () => {
          const items = posts(feed);
          const boxTop = box.getBoundingClientRect().top;
          // The item at the top of the box is rendered (the window caught up with the scroll).
          return items.some((item) => {
            const rect = item.getBoundingClientRect();
            return rect.top <= boxTop + 1 && rect.bottom > boxTop;
          });
        },
        `the window did not follow scrollTop ${box.scrollTop}`,
        WAIT,
      );
      expect(countNodes(shadow(feed)), `at scrollTop ${box.scrollTop}`).to.be.below(NODE_BUDGET);
      seenLast = positions(feed).includes(COUNT);
      steps++;
      // Jump ahead now and then, as a scrollbar drag does.
      if (steps % 40 === 0) box.scrollTop += 60_000;
    }
    expect(seenLast, 'reached the last post').to.equal(true);
    expect(countNodes(shadow(feed))).to.be.below(NODE_BUDGET);
    const last = posts(feed).find((item) => item.getAttribute('aria-posinset') === String(COUNT))!;
    expect(last.querySelector('[part~="text"]')!.textContent).to.equal(texts(COUNT - 1));
    expect(posts(feed).every((item) => item.getAttribute('aria-setsize') === String(COUNT))).to.equal(true);
  });

  it('jumps to the end and back to the top by scrollbar, rendering the right posts each time', async () => {
    const { feed } = await mountFeed(world, world.people.ana, world.groups.plan, { maxHeight: '500px' });
    const box = scroller(feed);
    await waitUntil(() => posts(feed).length > 0, 'no posts', WAIT);
    box.scrollTop = box.scrollHeight;
    await waitUntil(() => positions(feed).includes(COUNT), 'the last post was not rendered', WAIT);
    // Estimates were replaced by measures as the last posts rendered: the end of the box is the last post.
    const lastPost = () => posts(feed).find((item) => item.getAttribute('aria-posinset') === String(COUNT));
    await waitUntil(
      () => {
        box.scrollTop = box.scrollHeight; // as the End key would, again if the box grew
        const last = lastPost();
        return last !== undefined && Math.abs(last.getBoundingClientRect().bottom - box.getBoundingClientRect().bottom) < 3;
      },
      'the last post is not at the end of the box',
      WAIT,
    );
    expect(countNodes(shadow(feed))).to.be.below(NODE_BUDGET);
    box.scrollTop = 0;
    await waitUntil(() => positions(feed)[0] === 1, 'the first post was not rendered again', WAIT);
    expect(countNodes(shadow(feed))).to.be.below(NODE_BUDGET);
  });

  it('keeps a half-written reply when its post scrolls out of the window and back', async () => {
    const { feed } = await mountFeed(world, world.people.ana, world.groups.plan, { maxHeight: '500px' });
    const box = scroller(feed);
    await waitUntil(() => positions(feed)[0] === 1, 'no first post', WAIT);
    const first = () => posts(feed).find((item) => item.getAttribute('aria-posinset') === '1');
    first()!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await feed.updateComplete;
    const input = first()!.querySelector<HTMLTextAreaElement>('[part~="reply-input"]')!;
    input.value = 'half a thought';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    input.blur();
    box.scrollTop = box.scrollHeight;
    await waitUntil(() => first() === undefined, 'the first post stayed rendered', WAIT);
    box.scrollTop = 0;
    await waitUntil(() => first() !== undefined, 'the first post did not come back', WAIT);
    await feed.updateComplete;
    expect(first()!.querySelector<HTMLTextAreaElement>('[part~="reply-input"]')!.value).to.equal('half a thought');
  });

  it('keeps the DOM small when the page scrolls instead of the feed', async () => {
    const { feed } = await mountFeed(world, world.people.ana, world.groups.plan);
    await waitUntil(() => posts(feed).length > 0, 'no posts', WAIT);
    expect(countNodes(shadow(feed))).to.be.below(NODE_BUDGET);
    const list = shadow(feed).querySelector<HTMLElement>('[part~="list"]')!;
    const total = list.getBoundingClientRect().height;
    expect(total, 'the padding stands in for every post').to.be.above(COUNT * 50);
    const root = document.scrollingElement!;
    for (const fraction of [0.25, 0.5, 0.999]) {
      root.scrollTop = list.getBoundingClientRect().top + root.scrollTop + total * fraction;
      await waitUntil(
        () =>
          posts(feed).some((item) => {
            const rect = item.getBoundingClientRect();
            return rect.top <= 1 && rect.bottom > 0;
          }),
        `no post at the top of the viewport at ${fraction}`,
        WAIT,
      );
      expect(countNodes(shadow(feed))).to.be.below(NODE_BUDGET);
    }
    root.scrollTop = 0;
  });

  it('keeps focus on a post’s button while the window moves and live posts arrive', async () => {
    const { feed } = await mountFeed(world, world.people.ana, world.groups.plan, { maxHeight: '600px' });
    const box = scroller(feed);
    await waitUntil(() => posts(feed).length > 0, 'no posts', WAIT);
    box.scrollTop = 3_000;
    await waitUntil(() => !positions(feed).includes(1), 'the window did not move', WAIT);
    const item = posts(feed).find((candidate) => candidate.getBoundingClientRect().top >= box.getBoundingClientRect().top)!;
    const button = item.querySelector<HTMLButtonElement>('[part~="reply-button"]')!;
    button.focus();
    expect(shadow(feed).activeElement).to.equal(button);

    // A live post arrives above: nothing moves, focus stays, and the "new posts" button shows.
    const top = button.getBoundingClientRect().top;
    await writePosts(world, world.people.bob, world.groups.plan, ['Live while reading']);
    await waitUntil(() => shadow(feed).querySelector('[part~="new-posts"]'), 'no new-posts button', WAIT);
    expect(button.isConnected).to.equal(true);
    expect(shadow(feed).activeElement).to.equal(button);
    expect(Math.abs(button.getBoundingClientRect().top - top), 'the post did not move').to.be.below(1);
    expect(posts(feed)[0]!.getAttribute('aria-setsize')).to.equal(String(COUNT + 1));

    // Scroll on by more than a screen: the focused post leaves the visible part but stays rendered.
    const furthest = Math.max(...positions(feed));
    box.scrollTop += 1_200;
    await waitUntil(() => Math.max(...positions(feed)) > furthest, 'the window did not move on', WAIT);
    expect(button.getBoundingClientRect().bottom).to.be.below(box.getBoundingClientRect().top);
    expect(button.isConnected, 'the focused post is still rendered').to.equal(true);
    expect(shadow(feed).activeElement).to.equal(button);
  });

  it('lets a keyboard user Tab from post to post as the window follows', async () => {
    const { feed } = await mountFeed(world, world.people.ana, world.groups.plan, { maxHeight: '600px' });
    await waitUntil(() => posts(feed).length > 0, 'no posts', WAIT);
    posts(feed)[0]!.querySelector<HTMLElement>('[part~="add-reaction"]')!.focus();
    let furthest = 1;
    for (let press = 0; press < 80; press++) {
      await sendKeys({ press: 'Tab' });
      const item = shadow(feed).activeElement?.closest<HTMLElement>('[part~="post"]');
      expect(item, `Tab ${press + 1} left the list`).to.exist;
      furthest = Math.max(furthest, Number(item!.getAttribute('aria-posinset')));
      await feed.updateComplete;
    }
    expect(furthest, 'Tab went down the list').to.be.above(20);
    expect(countNodes(shadow(feed))).to.be.below(NODE_BUDGET);
    expect(positions(feed), 'the first posts left the window').to.not.include(1);
  });

  it('is accessible with its window of posts', async () => {
    const { space, feed } = await mountFeed(world, world.people.ana, world.groups.plan, { maxHeight: '600px' });
    await waitUntil(() => posts(feed).length > 0, 'no posts', WAIT);
    scroller(feed).scrollTop = 20_000;
    await waitUntil(() => !positions(feed).includes(1), 'the window did not move', WAIT);
    await expect(space).to.be.accessible(AXE_OPTIONS);
  });
});
