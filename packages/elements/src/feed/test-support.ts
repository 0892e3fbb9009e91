/**
 * Test-only helpers shared by the feed's browser suites (never imported by the elements).
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { FeedPage, FeedPost, Person } from '@mutual/protocol';
import type { MutualSpace } from '../space/space.js';
import '../space/space.define.js';
import { embedToken, tokenProviderFor, WAIT, type SpaceFixture } from '../testing/harness.js';
import type { MutualGroupFeed } from './feed.js';
import './feed.define.js';

/**
 * Options for `expect(…).to.be.accessible()`. The composer and the reply box are ARIA 1.2
 * comboboxes (role `combobox` on the text area, for the `@` mention suggestions: the pattern asks
 * for `aria-expanded`, `aria-controls` and `aria-activedescendant` on the field that has focus).
 * ARIA in HTML lists no role for `<textarea>`, which axe reports as its minor, best-practice
 * `aria-allowed-role`; no other rule is set aside.
 */
export const AXE_OPTIONS = { ignoredRules: ['aria-allowed-role'] };

export const shadow = (feed: MutualGroupFeed): ShadowRoot => feed.shadowRoot!;
export const posts = (feed: MutualGroupFeed): HTMLElement[] => [
  ...shadow(feed).querySelectorAll<HTMLElement>('[part~="post"]'),
];
export const textOf = (item: Element): string => item.querySelector(':scope > [part~="text"]')?.textContent ?? '';
export const scroller = (feed: MutualGroupFeed): HTMLElement => shadow(feed).querySelector<HTMLElement>('[part~="scroller"]')!;

export interface MountOptions {
  pageSize?: number;
  /** `--mutual-feed-max-height`: the list scrolls in its own box. */
  maxHeight?: string;
  lang?: string;
}

/** A space with one feed of `group`, for `person`, loaded. */
export async function mountFeed(
  world: SpaceFixture,
  person: string,
  group: string,
  options: MountOptions = {},
): Promise<{ space: MutualSpace; feed: MutualGroupFeed }> {
  const space = await fixture<MutualSpace>(html`
    <mutual-space
      server=${world.server}
      space=${world.space}
      lang=${options.lang ?? 'en'}
      style=${options.maxHeight ? `--mutual-feed-max-height: ${options.maxHeight}` : ''}
      .tokenProvider=${tokenProviderFor(person)}
    >
      <mutual-group-feed group=${group} page-size=${options.pageSize ?? 30}></mutual-group-feed>
    </mutual-space>
  `);
  const feed = space.querySelector('mutual-group-feed')!;
  await waitUntil(() => shadow(feed).querySelector('[part~="list"], .state.empty'), 'the feed did not load', WAIT);
  return { space, feed };
}

/** Writes posts straight through the client API, as `person`; returns each answer. */
export async function writePosts(world: SpaceFixture, person: string, group: string, texts: readonly string[]): Promise<Response[]> {
  const token = await embedToken(person);
  const answers: Response[] = [];
  for (const text of texts) {
    answers.push(
      await fetch(`${world.server}/api/groups/${encodeURIComponent(group)}/posts`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ text }),
      }),
    );
  }
  return answers;
}

/** Scrolls a box to `top` and waits for the feed to have re-rendered for it. */
export async function scrollBox(feed: MutualGroupFeed, box: Element, top: number): Promise<void> {
  box.scrollTop = top;
  // The feed re-checks its window on the next animation frame after a scroll event.
  await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  await feed.updateComplete;
}

/** A synthetic page of `count` posts, newest first, for tests that need more than a server holds. */
export function syntheticPage(count: number, author: Person, texts: (index: number) => string): FeedPage {
  const posts: FeedPost[] = [];
  const now = Date.now();
  for (let index = 0; index < count; index++) {
    const seq = count - index;
    posts.push({
      id: `synthetic${String(seq).padStart(34, '0')}`,
      group: 'synthetic',
      seq,
      author,
      text: texts(index),
      at: new Date(now - index * 60_000).toISOString(),
      reactions: index % 7 === 0 ? [{ emoji: '👍', count: (index % 5) + 1, mine: false }] : [],
      replies: [],
    });
  }
  return { posts };
}

/** Every node (elements, text, comments) under a root, shadow roots included. */
export function countNodes(root: Node): number {
  let total = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    total++;
    if (node instanceof Element && node.shadowRoot) total += countNodes(node.shadowRoot);
  }
  return total;
}
