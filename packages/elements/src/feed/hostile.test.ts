import { expect, waitUntil } from '@open-wc/testing';
import type { FeedPost } from '@mutual/protocol';
import { LiveStatus } from '../connection/live-stream.js';
import { createSpaceFixture, embedToken, WAIT, type SpaceFixture } from '../testing/harness.js';
import type { MutualGroupFeed } from './feed.js';
import { HOSTILE_CORPUS } from './hostile-corpus.js';
import { mountFeed, posts, scroller, shadow, textOf } from './test-support.js';

// Every entry of the corpus goes through the real API (and so through the server's validation and
// storage), then through the real feed: loaded page by page as the viewer scrolls, rendered in
// the windowed list, and received live by a feed that was already open.

declare global {
  interface Window {
    __xss?: unknown;
  }
}

/** Elements that could run, load or restyle something; the feed itself renders none of them. */
const FORBIDDEN = 'script, iframe, object, embed, svg, math, img, style, frame, frameset, base, meta, link, input, template, noscript, video, audio, source';
const ALLOWED_PROTOCOLS = ['http:', 'https:', 'mailto:'];
/** The fixture's plan group starts with two posts (see harness.ts). */
const SEEDED_POSTS = 2;

/** Nothing in the feed's shadow DOM can run, load or navigate anywhere but http(s)/mailto. */
function expectInert(feed: MutualGroupFeed, where: string): void {
  const root = shadow(feed);
  const forbidden = [...root.querySelectorAll(FORBIDDEN)].map((element) => element.outerHTML.slice(0, 80));
  expect(forbidden, `${where}: elements from user text`).to.deep.equal([]);
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.getAttributeNames()) {
      expect(attribute.toLowerCase().startsWith('on'), `${where}: ${element.localName}[${attribute}]`).to.equal(false);
    }
  }
  for (const anchor of root.querySelectorAll('a')) {
    expect(anchor.hasAttribute('href'), `${where}: an <a> without href`).to.equal(true);
    expect(ALLOWED_PROTOCOLS, `${where}: ${anchor.getAttribute('href')}`).to.include(new URL(anchor.href).protocol);
    expect(anchor.getAttribute('rel')).to.equal('noopener noreferrer nofollow');
    expect(anchor.getAttribute('target')).to.equal('_blank');
  }
  expect(window.__xss, `${where}: the canary`).to.equal(undefined);
}

describe('<mutual-group-feed> against the hostile corpus', function () {
  this.timeout(180_000);
  let world: SpaceFixture;

  before(async () => {
    world = await createSpaceFixture();
    delete window.__xss;
  });

  it(`holds at least 100 entries, including some the server must refuse (${HOSTILE_CORPUS.length})`, () => {
    expect(HOSTILE_CORPUS.length).to.be.at.least(100);
    expect(HOSTILE_CORPUS.some((input) => input.refused)).to.equal(true);
    expect(HOSTILE_CORPUS.filter((input) => input.shows !== undefined).length, 'a sample with exact text').to.be.at.least(30);
    expect(new Set(HOSTILE_CORPUS.map((input) => input.name)).size, 'names are unique').to.equal(HOSTILE_CORPUS.length);
  });

  it('posts every entry through the API, and renders none of it as markup, loaded, scrolled and live', async () => {
    // Bob's feed is open before anything is written: he receives every entry live.
    const bob = await mountFeed(world, world.people.bob, world.groups.plan, { maxHeight: '400px' });
    await waitUntil(() => bob.space.status === LiveStatus.open, 'bob’s stream did not open', WAIT);

    const token = await embedToken(world.people.ana);
    const stored = new Map<string, { id: string; shows: string | undefined; name: string }>();
    for (const input of HOSTILE_CORPUS) {
      const response = await fetch(`${world.server}/api/groups/${encodeURIComponent(world.groups.plan)}/posts`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: input.text }),
      });
      if (input.refused) {
        expect([400, 413], `${input.name}: refused`).to.include(response.status);
        continue;
      }
      expect(response.status, `${input.name}: stored`).to.equal(201);
      const post = (await response.json()) as FeedPost;
      expect(post.text, `${input.name}: stored as sent`).to.equal(input.text.trim());
      stored.set(post.id, { id: post.id, shows: input.shows, name: input.name });
    }

    // Live: the newest entries arrived in bob's open feed.
    await waitUntil(() => posts(bob.feed).some((item) => stored.has(item.dataset.id!)), 'bob received nothing live', WAIT);
    expectInert(bob.feed, 'live');

    // Loaded from the server by a fresh feed, page by page as the viewer scrolls, then read from
    // the top to the bottom of the windowed list.
    const { feed } = await mountFeed(world, world.people.ana, world.groups.plan, { pageSize: 25, maxHeight: '500px' });
    const box = scroller(feed);
    const seen = new Map<string, string>();
    const mentioned = new Set<string>();
    const collect = () => {
      for (const item of posts(feed)) {
        seen.set(item.dataset.id!, textOf(item));
        for (const chip of item.querySelectorAll('[part~="mention"]')) mentioned.add(chip.getAttribute('data-person')!);
      }
    };
    collect();
    expectInert(feed, 'first page');
    // Scroll to the end until every page is in (the sentinel loads the next one; no button press).
    await waitUntil(
      () => {
        box.scrollTop = box.scrollHeight;
        collect();
        // aria-setsize is -1 while older pages remain; then the count of every post of the group.
        return posts(feed)[0]?.getAttribute('aria-setsize') === String(stored.size + SEEDED_POSTS);
      },
      'the older pages did not all load on scroll',
      { timeout: 60_000, interval: 50 },
    );
    expectInert(feed, 'after loading every page');

    // Read it all again from the top, a screenful at a time.
    seen.clear();
    box.scrollTop = 0;
    await waitUntil(() => posts(feed)[0]?.getAttribute('aria-posinset') === '1', 'not back at the top', WAIT);
    let steps = 0;
    for (;;) {
      collect();
      expectInert(feed, `at scrollTop ${box.scrollTop}`);
      const before = box.scrollTop;
      box.scrollTop = before + 350;
      if (box.scrollTop === before) break;
      await waitUntil(
        () => {
          const top = box.getBoundingClientRect().top;
          return posts(feed).some((item) => item.getBoundingClientRect().top <= top + 1 && item.getBoundingClientRect().bottom > top);
        },
        `nothing rendered at scrollTop ${box.scrollTop}`,
        WAIT,
      );
      steps++;
    }
    expect(steps, 'the list scrolled').to.be.above(10);
    const missing = [...stored.values()].filter((entry) => !seen.has(entry.id)).map((entry) => entry.name);
    expect(missing, 'every stored entry was rendered while scrolling').to.deep.equal([]);

    // A member's mention next to a payload is a chip; an unknown one stayed text (its `shows`).
    expect([...mentioned]).to.deep.equal([world.people.ana]);

    // The exact text is visible for the sample that says what it must show.
    for (const entry of stored.values()) {
      if (entry.shows !== undefined) expect(seen.get(entry.id), entry.name).to.equal(entry.shows);
    }
    expect(window.__xss).to.equal(undefined);
  });
});
