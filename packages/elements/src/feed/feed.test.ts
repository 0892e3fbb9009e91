import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { EVERY_GROUP } from '../connection/connection.js';
import { LiveStatus } from '../connection/live-stream.js';
import type { MutualErrorEvent } from '../events/error-event.js';
import type { MutualPostEvent } from '../events/post-event.js';
import type { MutualSpace } from '../space/space.js';
import '../space/space.define.js';
import {
  createSpaceFixture,
  embedToken,
  spyOnFetch,
  tokenProviderFor,
  WAIT,
  type GroupName,
  type SpaceFixture,
} from '../testing/harness.js';
import type { MutualGroupFeed } from './feed.js';
import './feed.define.js';
import { AXE_OPTIONS, writePosts } from './test-support.js';

// Against a real Mutual server: the harness creates a fresh space for each test.

const DORA = 'dora@buyer.test';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

function unique(label: string): string {
  return `${label} ${crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36)}`;
}

const shadow = (feed: MutualGroupFeed): ShadowRoot => feed.shadowRoot!;
const posts = (feed: MutualGroupFeed): HTMLElement[] => [...shadow(feed).querySelectorAll<HTMLElement>('[part~="post"]')];
const textOf = (item: Element): string => item.querySelector(':scope > [part~="text"]')?.textContent ?? '';
const postWithText = (feed: MutualGroupFeed, text: string): HTMLElement | undefined =>
  posts(feed).find((item) => textOf(item) === text);
const partText = (item: Element, part: string): string =>
  item.querySelector(`:scope > .byline [part~="${part}"]`)?.textContent?.trim() ?? '';

async function mount(
  world: SpaceFixture,
  person: string,
  groups: GroupName[] = ['plan'],
  pageSize?: number,
): Promise<{ space: MutualSpace; feeds: MutualGroupFeed[] }> {
  const space = await fixture<MutualSpace>(html`
    <mutual-space server=${world.server} space=${world.space} .tokenProvider=${tokenProviderFor(person)}>
      ${groups.map(
        (group) => html`<mutual-group-feed group=${world.groups[group]} page-size=${pageSize ?? 30}></mutual-group-feed>`,
      )}
    </mutual-space>
  `);
  const feeds = [...space.querySelectorAll('mutual-group-feed')];
  for (const feed of feeds) await loaded(feed);
  return { space, feeds };
}

async function loaded(feed: MutualGroupFeed): Promise<void> {
  await waitUntil(() => shadow(feed).querySelector('[part~="list"], .state.empty'), 'the feed did not load', WAIT);
}

/** Opens a post's reaction choices and gives the one whose name says `name`. */
async function reactionChoice(feed: MutualGroupFeed, post: HTMLElement, name: string): Promise<HTMLButtonElement> {
  post.querySelector<HTMLButtonElement>(':scope > .actions [part~="add-reaction"]')!.click();
  await feed.updateComplete;
  const choices = post.querySelector(':scope > .actions [part~="reaction-choices"]')!;
  return [...choices.querySelectorAll('button')].find((button) => button.getAttribute('aria-label')!.includes(name))!;
}

/** Types into the composer and sends, as a person would (Ctrl+Enter, or the button). */
async function write(feed: MutualGroupFeed, text: string, how: 'button' | 'keyboard' = 'button'): Promise<void> {
  const input = shadow(feed).querySelector<HTMLTextAreaElement>('[part~="composer-input"]')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await feed.updateComplete;
  if (how === 'keyboard') {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
  } else {
    shadow(feed).querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
  }
  await feed.updateComplete;
}

/** The notification settings opened under the feed's header, once they have read the server. */
async function settingsLoaded(feed: MutualGroupFeed): Promise<HTMLElement> {
  const settings = shadow(feed).querySelector<HTMLElement>('mutual-notification-settings')!;
  await waitUntil(
    () => settings.shadowRoot?.querySelector<HTMLElement>('[part~="base"]')?.dataset.state === 'ready',
    'the notification settings never loaded',
    WAIT,
  );
  return settings;
}

describe('<mutual-group-feed>', function () {
  this.timeout(30_000);
  let world: SpaceFixture;
  let fetchSpy: ReturnType<typeof spyOnFetch> | undefined;

  beforeEach(async () => {
    world = await createSpaceFixture();
    delete window.__xss;
  });

  afterEach(() => {
    fetchSpy?.restore();
    fetchSpy = undefined;
  });

  it('shows the seeded posts with author, organisation and an External badge for the buyer', async () => {
    const {
      feeds: [feed],
    } = await mount(world, world.people.ana);
    const items = posts(feed!);
    expect(items.length).to.be.at.least(2);

    const anaPost = items.find((item) => item.dataset.author === world.people.ana)!;
    expect(anaPost, 'a post by ana').to.exist;
    expect(partText(anaPost, 'author')).to.not.equal('');
    expect(partText(anaPost, 'organisation')).to.equal('seller.test');
    expect(anaPost.querySelector(':scope > .byline [part~="external-badge"]')).to.equal(null);

    const bobReply = [...anaPost.querySelectorAll<HTMLElement>('[part~="reply"]')].find(
      (item) => item.dataset.author === world.people.bob,
    )!;
    expect(bobReply, 'a reply by bob in the thread').to.exist;
    expect(partText(bobReply, 'organisation')).to.equal('seller.test');
    expect(bobReply.querySelector('[part~="external-badge"]')).to.equal(null);

    const doraPost = items.find((item) => item.dataset.author === DORA)!;
    expect(doraPost, 'a post by dora').to.exist;
    expect(partText(doraPost, 'organisation')).to.equal('buyer.test');
    expect(partText(doraPost, 'external-badge')).to.equal('External');

    for (const item of shadow(feed!).querySelectorAll('[part~="item"]')) {
      expect(partText(item, 'author'), 'every entry names its author').to.not.equal('');
      expect(partText(item, 'organisation'), 'every entry names an organisation').to.not.equal('');
      expect(item.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    }
  });

  it('goes on following after being moved in the page, and reads again what came while it was away', async () => {
    const {
      space,
      feeds: [feed],
    } = await mount(world, world.people.ana);
    await waitUntil(() => space.status === LiveStatus.open, 'the stream did not open', WAIT);
    // Moved within its space (a re-layout): same connection, nothing missed.
    space.append(feed!);
    const nearby = unique('Posted after a move in the page');
    await writePosts(world, world.people.bob, world.groups.plan, [nearby]);
    await waitUntil(() => postWithText(feed!, nearby), 'the post did not arrive after the move', WAIT);

    // Out of the page while bob posts, then back: it reads the feed again.
    feed!.remove();
    const heard = new Promise<void>((resolve) => {
      const stop = space.connection!.subscribe(EVERY_GROUP, () => {
        stop();
        resolve();
      });
    });
    const away = unique('Posted while the feed was away');
    await writePosts(world, world.people.bob, world.groups.plan, [away]);
    await heard;
    space.append(feed!);
    await waitUntil(() => postWithText(feed!, away), 'what came while away was not read', WAIT);
    expect(posts(feed!).filter((item) => textOf(item) === nearby)).to.have.length(1);
  });

  it('sends a post at once as pending, then sent, and another member sees it live', async () => {
    const {
      feeds: [anaFeed],
    } = await mount(world, world.people.ana);
    const { space: bobSpace, feeds: [bobFeed] } = await mount(world, world.people.bob);
    await waitUntil(() => bobSpace.status === LiveStatus.open, 'bob’s stream did not open', WAIT);

    const text = unique('Kick-off moved to Tuesday');
    const acknowledged = oneEvent<MutualPostEvent>(anaFeed!, 'mutual-post');
    await write(anaFeed!, text, 'keyboard');

    const item = postWithText(anaFeed!, text)!;
    expect(item, 'the post shows before the server answers').to.exist;
    expect(item.dataset.delivery).to.equal('pending');
    expect(item.querySelector('[part~="delivery"]')!.textContent).to.contain('Sending');
    expect(shadow(anaFeed!).querySelector<HTMLTextAreaElement>('[part~="composer-input"]')!.value).to.equal('');

    const event = await acknowledged;
    expect(event.kind).to.equal('post');
    expect(event.group).to.equal(world.groups.plan);
    expect(event.post.text).to.equal(text);
    await waitUntil(() => item.dataset.delivery === 'sent', 'the post was not marked sent', WAIT);
    expect(item.isConnected, 'the same item, not a copy').to.equal(true);

    await waitUntil(() => postWithText(bobFeed!, text), 'bob did not receive the post live', WAIT);
    const bobCopy = postWithText(bobFeed!, text)!;
    expect(partText(bobCopy, 'organisation')).to.equal('seller.test');
    expect(bobCopy.querySelector('[part~="external-badge"]')).to.equal(null);
    expect(shadow(bobFeed!).querySelector('[role="status"]')!.textContent).to.contain('New post from');

    // The live echo of ana's own post must not duplicate it.
    await waitUntil(() => posts(bobFeed!).length === posts(anaFeed!).length, 'both feeds agree', WAIT);
    expect(posts(anaFeed!).filter((candidate) => textOf(candidate) === text)).to.have.length(1);
  });

  it('renders what people write as text, never as markup', async () => {
    const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> ${unique('x')}`;
    const {
      feeds: [anaFeed],
    } = await mount(world, world.people.ana);
    const { space: bobSpace, feeds: [bobFeed] } = await mount(world, world.people.bob);
    await waitUntil(() => bobSpace.status === LiveStatus.open, 'bob’s stream did not open', WAIT);

    await write(anaFeed!, payload);
    await waitUntil(() => postWithText(anaFeed!, payload)?.dataset.delivery === 'sent', 'not sent', WAIT);
    await waitUntil(() => postWithText(bobFeed!, payload), 'bob did not receive it', WAIT);
    // And as loaded from the server by a fresh feed.
    const {
      feeds: [reloaded],
    } = await mount(world, world.people.carla);
    expect(postWithText(reloaded!, payload), 'shown as literal text').to.exist;

    for (const feed of [anaFeed!, bobFeed!, reloaded!]) {
      expect(shadow(feed).querySelectorAll('img, script'), 'no element made from user text').to.have.length(0);
    }
    expect(window.__xss).to.equal(undefined);
  });

  it('adds a reply to the thread of a post', async () => {
    const {
      feeds: [feed],
    } = await mount(world, world.people.ana);
    const post = posts(feed!).find((item) => item.dataset.author === DORA)!;
    post.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await feed!.updateComplete;
    const input = post.querySelector<HTMLTextAreaElement>('[part~="reply-input"]')!;
    await waitUntil(() => shadow(feed!).activeElement === input, 'the reply box gets focus', WAIT);

    const text = unique('Thanks Dora, noted');
    const acknowledged = oneEvent<MutualPostEvent>(feed!, 'mutual-post');
    input.value = text;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
    await feed!.updateComplete;

    const reply = () =>
      [...post.querySelectorAll<HTMLElement>('[part~="reply"]')].find((item) => textOf(item) === text);
    expect(reply(), 'the reply shows at once').to.exist;
    const event = await acknowledged;
    expect(event.kind).to.equal('reply');
    expect((event.post as { parent?: string }).parent).to.equal(post.dataset.id);
    await waitUntil(() => reply()?.dataset.delivery === 'sent', 'the reply was not marked sent', WAIT);
    expect(reply()!.dataset.author).to.equal(world.people.ana);
  });

  it('shows a failed send with a Retry that sends it once, under the same clientId', async () => {
    const {
      feeds: [feed],
    } = await mount(world, world.people.ana);
    let failNext = true;
    fetchSpy = spyOnFetch((call) => {
      if (failNext && call.method === 'POST' && call.url.endsWith('/posts')) {
        failNext = false;
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      return undefined;
    });
    const text = unique('Sent while offline');
    const failed = oneEvent<MutualErrorEvent>(feed!, 'mutual-error');
    await write(feed!, text);

    const error = await failed;
    expect(error.operation).to.equal('post');
    expect(error.code).to.equal('network_error');
    const item = postWithText(feed!, text)!;
    await waitUntil(() => item.dataset.delivery === 'failed', 'not marked failed', WAIT);
    const retry = item.querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    expect(retry.textContent!.trim()).to.equal('Retry');

    retry.click();
    await feed!.updateComplete;
    expect(shadow(feed!).activeElement, 'focus goes to the composer, not to the page').to.equal(
      shadow(feed!).querySelector('[part~="composer-input"]'),
    );
    await waitUntil(() => item.dataset.delivery === 'sent', 'the retry was not sent', WAIT);
    const sends = fetchSpy.calls.filter((call) => call.method === 'POST' && call.url.endsWith('/posts'));
    expect(sends).to.have.length(2);
    const clientIds = sends.map((call) => (JSON.parse(call.body!) as { clientId: string }).clientId);
    expect(clientIds[0]).to.match(/^[A-Za-z0-9_-]{8,64}$/);
    expect(clientIds[1]).to.equal(clientIds[0]);

    fetchSpy.restore();
    const {
      feeds: [reloaded],
    } = await mount(world, world.people.ana);
    expect(posts(reloaded!).filter((candidate) => textOf(candidate) === text)).to.have.length(1);
  });

  it('shows an error with Try again when the viewer is not in the group', async () => {
    const errors: MutualErrorEvent[] = [];
    const listener = (event: MutualErrorEvent) => errors.push(event);
    document.addEventListener('mutual-error', listener);
    try {
      const space = await fixture<MutualSpace>(html`
        <mutual-space server=${world.server} space=${world.space} .tokenProvider=${tokenProviderFor(world.people.carla)}>
          <mutual-group-feed group=${world.groups.proof}></mutual-group-feed>
        </mutual-space>
      `);
      const feed = space.querySelector('mutual-group-feed')!;
      await waitUntil(() => shadow(feed).querySelector('[role="alert"]'), 'no error shown', WAIT);
      const alert = shadow(feed).querySelector<HTMLElement>('[role="alert"]')!;
      expect(['not_a_member', 'forbidden']).to.include(alert.dataset.code);
      expect(alert.textContent).to.contain('not a member');
      expect(errors.map((event) => event.operation)).to.include('load');

      const before = errors.length;
      alert.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await waitUntil(() => errors.length > before && shadow(feed).querySelector('[role="alert"]'), 'no second try', WAIT);
    } finally {
      document.removeEventListener('mutual-error', listener);
    }
  });

  it('shares one live stream between the feeds of one space', async () => {
    fetchSpy = spyOnFetch();
    const { space, feeds } = await mount(world, world.people.ana, ['plan', 'proof', 'steering']);
    await waitUntil(() => space.status === LiveStatus.open, 'the stream did not open', WAIT);
    const streams = fetchSpy.calls.filter((call) => new URL(call.url, location.href).pathname.endsWith('/stream'));
    expect(streams).to.have.length(1);
    expect(new URL(streams[0]!.url).pathname).to.equal(`/api/spaces/${encodeURIComponent(world.space)}/stream`);
    for (const feed of feeds) expect(feed.connection).to.equal(space.connection);
  });

  it('reacts to a post and shows the count', async () => {
    const {
      feeds: [feed],
    } = await mount(world, world.people.ana);
    const post = posts(feed!).find((item) => item.dataset.author === DORA)!;
    const thumbs = await reactionChoice(feed!, post, 'thumbs up');
    fetchSpy = spyOnFetch();
    const requests = fetchSpy.calls;
    thumbs.click();
    await feed!.updateComplete;
    const reaction = () =>
      [...post.querySelectorAll<HTMLButtonElement>(':scope > .actions [part~="reaction"]')].find((button) =>
        button.textContent!.includes('👍'),
      );
    expect(reaction()!.getAttribute('aria-pressed'), 'shown at once').to.equal('true');
    await waitUntil(() => requests.some((call) => call.url.endsWith('/reactions')), 'no request', WAIT);
    await feed!.updateComplete;
    expect(reaction()!.getAttribute('aria-pressed')).to.equal('true');
    expect(reaction()!.querySelector('.count')!.textContent).to.equal('1');
    expect(reaction()!.textContent).to.contain('👍');
    expect(shadow(feed!).activeElement, 'focus returns to the opener').to.equal(
      post.querySelector(':scope > .actions [part~="add-reaction"]'),
    );
  });

  it('does not carry words typed for one group to another when the host changes its group', async () => {
    const {
      feeds: [feed],
    } = await mount(world, world.people.ana);
    const input = () => shadow(feed!).querySelector<HTMLTextAreaElement>('[part~="composer-input"]')!;
    input().value = 'for the plan only';
    input().dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await feed!.updateComplete;
    feed!.group = world.groups.proof;
    await feed!.updateComplete;
    expect(input().value).to.equal('');
    expect(shadow(feed!).querySelector<HTMLButtonElement>('[part~="send-button"]')!.disabled).to.equal(true);
  });

  it('says beside the reactions, and to screen readers, when a reaction was not saved', async () => {
    const {
      feeds: [feed],
    } = await mount(world, world.people.ana);
    const post = posts(feed!).find((item) => item.dataset.author === DORA)!;
    const heart = await reactionChoice(feed!, post, 'heart');
    fetchSpy = spyOnFetch((call) => (call.url.endsWith('/reactions') ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    const failed = oneEvent<MutualErrorEvent>(feed!, 'mutual-error');
    heart.click();
    expect((await failed).operation).to.equal('react');
    await feed!.updateComplete;
    const said = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const notice = post.querySelector(':scope > .actions [part~="reaction-error"]');
    expect(said(notice)).to.equal('Your reaction was not saved. The server could not be reached. Check your connection.');
    const live = shadow(feed!).querySelector('[role="status"][aria-live="polite"]');
    await waitUntil(() => said(live) === said(notice), 'not announced', WAIT);
    const hearts = [...post.querySelectorAll(':scope > .actions [part~="reaction"]')].filter((button) => button.textContent!.includes('❤'));
    expect(
      hearts.every((button) => button.getAttribute('aria-pressed') === 'false'),
      'the optimistic heart is taken back',
    ).to.equal(true);
  });

  it('shows a queued post and a queued reaction that the group’s home then refused, with its reason', async () => {
    const {
      feeds: [feed],
    } = await mount(world, world.people.ana);
    const post = posts(feed!).find((item) => item.dataset.author === DORA)!;
    const heart = await reactionChoice(feed!, post, 'heart');
    const queuedPost = 'p'.repeat(43);
    const queuedReaction = 'r'.repeat(43);
    const json = (status: number, body: unknown) =>
      Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
    const refusal = (event: string, type: string) => ({ event, group: world.groups.plan, type, code: 'not_a_member', message: 'the author is no longer a member of this group', at: new Date().toISOString() });
    // The group stands for one homed elsewhere: writes answer 202, and the home refuses them.
    fetchSpy = spyOnFetch((call) => {
      if (call.method === 'POST' && call.url.endsWith('/posts')) return json(202, { status: 'queued', event: queuedPost, clientId: (JSON.parse(call.body!) as { clientId: string }).clientId });
      if (call.method === 'POST' && call.url.endsWith('/reactions')) return json(202, { status: 'queued', event: queuedReaction });
      if (call.url.includes(`/api/spaces/${world.space}/refused?`)) {
        const named = new URL(call.url).searchParams.get('events')!.split(',');
        return json(200, { refused: [refusal(queuedPost, 'post'), refusal(queuedReaction, 'reaction')].filter((r) => named.includes(r.event)) });
      }
      return undefined;
    });
    const text = unique('Refused after queuing');
    await write(feed!, text);
    const item = postWithText(feed!, text)!;
    await waitUntil(() => item.dataset.delivery === 'queued', 'not shown as queued', WAIT);
    heart.click();
    await feed!.updateComplete;

    await waitUntil(() => item.dataset.delivery === 'failed', 'the refusal was not shown', WAIT);
    const said = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(said(item.querySelector('[part~="delivery"] span'))).to.equal('Refused by seller.test. You are not a member of this group.');
    expect(item.querySelector('[part~="retry-button"]'), 'it can be sent again').to.exist;
    await waitUntil(() => post.querySelector(':scope > .actions [part~="reaction-error"]'), 'the reaction’s refusal was not shown', WAIT);
    expect(said(post.querySelector(':scope > .actions [part~="reaction-error"]'))).to.equal(
      'Your reaction was not saved. Refused by seller.test. You are not a member of this group.',
    );
    const hearts = [...post.querySelectorAll(':scope > .actions [part~="reaction"]')].filter((button) => button.textContent!.includes('❤'));
    expect(hearts.every((button) => button.getAttribute('aria-pressed') === 'false'), 'the queued heart is taken back').to.equal(true);
    const asked = fetchSpy.calls.filter((call) => call.url.includes('/refused?'));
    expect(asked, 'one question named both writes').to.have.length(1);
    expect(new URL(asked[0]!.url).searchParams.get('events')!.split(',').sort()).to.deep.equal([queuedPost, queuedReaction].sort());
    await expect(feed).to.be.accessible(AXE_OPTIONS);
  });

  it('shows again, as queued, what the viewer wrote that still waits for the group’s home', async () => {
    const realFetch = window.fetch;
    const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } }));
    const waiting = 'w'.repeat(43);
    let refused = false;
    // The plan group stands for one homed on the buyer's server, where the viewer's post waits.
    fetchSpy = spyOnFetch((call) => {
      if (call.url.endsWith(`/api/spaces/${world.space}`)) {
        return embedToken(world.people.ana)
          .then((token) => realFetch(call.url, { headers: { Authorization: `Bearer ${token}` } }))
          .then((response) => response.json())
          .then((space: { groups: Array<{ id: string; home: string }> }) => json({ ...space, groups: space.groups.map((g) => ({ ...g, home: 'buyer.test' })) }));
      }
      if (call.url.endsWith(`/api/groups/${encodeURIComponent(world.groups.plan)}/queued`)) {
        return json({ queued: [{ event: waiting, type: 'post', clientId: 'restored-post-1', text: 'Waiting for the home', at: new Date().toISOString() }] });
      }
      if (call.url.includes(`/api/spaces/${world.space}/refused?`)) {
        const refusal = { event: waiting, group: world.groups.plan, type: 'post', code: 'forbidden', message: 'observers cannot write in this group', at: new Date().toISOString() };
        return json({ refused: refused ? [refusal] : [] });
      }
      return undefined;
    });
    const {
      feeds: [feed],
    } = await mount(world, world.people.ana);
    await waitUntil(() => postWithText(feed!, 'Waiting for the home'), 'the queued post is not shown', WAIT);
    const item = postWithText(feed!, 'Waiting for the home')!;
    expect(item.dataset.delivery).to.equal('queued');
    const said = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(said(item.querySelector('[part~="delivery"]'))).to.equal('Queued for buyer.test — will appear when delivered.');
    // Watched like any queued entry: the home's refusal shows on it.
    refused = true;
    await waitUntil(() => item.dataset.delivery === 'failed', 'the refusal was not shown', WAIT);
    expect(said(item.querySelector('[part~="delivery"] span'))).to.equal('Refused by buyer.test. You are not a member of this group.');
  });

  it('loads older posts page by page', async () => {
    const {
      feeds: [feed],
    } = await mount(world, world.people.ana, ['plan'], 1);
    expect(posts(feed!)).to.have.length(1);
    const more = () => shadow(feed!).querySelector<HTMLButtonElement>('[part~="load-more"]');
    expect(more(), 'a Load older button').to.exist;
    more()!.click();
    await waitUntil(() => posts(feed!).length === 2, 'the second page did not load', WAIT);
    const seqs = posts(feed!).map((item) => item.dataset.id);
    expect(new Set(seqs).size).to.equal(2);
  });

  it('works on its own, outside a space', async () => {
    const feed = await fixture<MutualGroupFeed>(html`
      <mutual-group-feed
        server=${world.server}
        space=${world.space}
        group=${world.groups.plan}
        .tokenProvider=${tokenProviderFor(world.people.bob)}
      ></mutual-group-feed>
    `);
    await loaded(feed);
    expect(posts(feed).length).to.be.at.least(2);
    expect(feed.connection).to.exist;
  });

  it('opens the viewer’s notification settings from the header, loaded on first use', async () => {
    const { space, feeds: [feed] } = await mount(world, world.people.ana);
    const button = shadow(feed!).querySelector<HTMLButtonElement>('[part~="notifications-button"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(shadow(feed!).querySelector('mutual-notification-settings')).to.equal(null);
    button.click();
    await feed!.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    // The element arrives by a dynamic import, then reads Ana's settings from her server.
    const settings = await settingsLoaded(feed!);
    const checked = settings.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]:checked')!;
    expect(checked.value).to.equal('immediate');
    await expect(space).to.be.accessible(AXE_OPTIONS);

    // Escape closes the panel and gives focus back to the button.
    checked.focus();
    checked.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await feed!.updateComplete;
    expect(shadow(feed!).querySelector('mutual-notification-settings')).to.equal(null);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(shadow(feed!).activeElement).to.equal(button);
  });

  it('hands a standalone feed’s server and token to its notification settings', async () => {
    const feed = await fixture<MutualGroupFeed>(html`
      <mutual-group-feed
        server=${world.server}
        space=${world.space}
        group=${world.groups.plan}
        .tokenProvider=${tokenProviderFor(world.people.bob)}
      ></mutual-group-feed>
    `);
    await loaded(feed);
    shadow(feed).querySelector<HTMLButtonElement>('[part~="notifications-button"]')!.click();
    await feed.updateComplete;
    const settings = await settingsLoaded(feed);
    expect((settings as HTMLElement & { server?: string }).server).to.equal(world.server);
  });

  it('follows the host theme through --mutual-* properties', async () => {
    const { space, feeds: [feed] } = await mount(world, world.people.ana);
    space.style.setProperty('--mutual-color-accent', 'rgb(1, 2, 3)');
    const input = shadow(feed!).querySelector<HTMLTextAreaElement>('[part~="composer-input"]')!;
    input.value = 'draft';
    input.dispatchEvent(new InputEvent('input'));
    await feed!.updateComplete;
    const send = shadow(feed!).querySelector('[part~="send-button"]')!;
    // The border, because the background fades in (transition) from the disabled colour.
    expect(getComputedStyle(send).borderTopColor).to.equal('rgb(1, 2, 3)');
  });

  it('is accessible once loaded, with a thread and a reply box open', async () => {
    const { space, feeds: [feed] } = await mount(world, world.people.ana);
    await expect(space).to.be.accessible(AXE_OPTIONS);
    const post = posts(feed!)[0]!;
    post.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    post.querySelector<HTMLButtonElement>('[part~="add-reaction"]')!.click();
    await feed!.updateComplete;
    await expect(space).to.be.accessible(AXE_OPTIONS);
  });
});
