import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MutualPostEvent } from '../events/post-event.js';
import type { MutualSpace } from '../space/space.js';
import { createSpaceFixture, spyOnFetch, tokenProviderFor, WAIT, type SpaceFixture } from '../testing/harness.js';
import type { MutualGroupFeed } from './feed.js';
import { AXE_OPTIONS, mountFeed, posts, shadow, textOf } from './test-support.js';

const composer = (feed: MutualGroupFeed): HTMLTextAreaElement =>
  shadow(feed).querySelector<HTMLTextAreaElement>('[part~="composer-input"]')!;
const listboxOf = (feed: MutualGroupFeed, input: HTMLTextAreaElement): HTMLElement =>
  shadow(feed).getElementById(input.getAttribute('aria-controls')!)!;
const optionNames = (listbox: HTMLElement): string[] =>
  [...listbox.querySelectorAll('[role="option"]')].map((option) => option.querySelector('.mention-option-name')!.textContent!);

/** Types `text` at the end of the field, as a person would: value, caret, input event. */
async function type(feed: MutualGroupFeed, input: HTMLTextAreaElement, text: string): Promise<void> {
  input.focus();
  input.value = text;
  input.setSelectionRange(text.length, text.length);
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text.slice(-1) }));
  await feed.updateComplete;
}

async function press(feed: MutualGroupFeed, input: HTMLTextAreaElement, key: string, init: KeyboardEventInit = {}): Promise<KeyboardEvent> {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init });
  input.dispatchEvent(event);
  await feed.updateComplete;
  return event;
}

function expectCollapsed(feed: MutualGroupFeed, input: HTMLTextAreaElement): void {
  expect(input.getAttribute('aria-expanded')).to.equal('false');
  expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
  expect(listboxOf(feed, input).hidden).to.equal(true);
}

describe('<mutual-group-feed> mentions', function () {
  this.timeout(30_000);
  let world: SpaceFixture;
  let fetchSpy: ReturnType<typeof spyOnFetch> | undefined;

  beforeEach(async () => {
    world = await createSpaceFixture();
  });

  afterEach(() => {
    fetchSpy?.restore();
    fetchSpy = undefined;
  });

  it('suggests members of both organisations as a combobox, navigable with the keyboard', async () => {
    const { feed } = await mountFeed(world, world.people.ana, world.groups.plan);
    const input = composer(feed);
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-autocomplete')).to.equal('list');
    expectCollapsed(feed, input);

    await type(feed, input, 'Agenda for @');
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true', 'the suggestions did not open', WAIT);
    const listbox = listboxOf(feed, input);
    expect(listbox.getAttribute('role')).to.equal('listbox');
    expect(listbox.hidden).to.equal(false);
    expect(optionNames(listbox)).to.deep.equal(['Ana Lima', 'Bob Martin', 'Carla Dubois', 'Dora Weiss']);
    const options = () => [...listbox.querySelectorAll<HTMLElement>('[role="option"]')];
    const active = () => shadow(feed).getElementById(input.getAttribute('aria-activedescendant')!)!;
    expect(active()).to.equal(options()[0]);
    expect(options()[0]!.getAttribute('aria-selected')).to.equal('true');
    // The buyer's person is marked external in the list too.
    expect(options()[3]!.textContent).to.contain('External');
    expect(options()[0]!.textContent).to.not.contain('External');

    expect((await press(feed, input, 'ArrowDown')).defaultPrevented).to.equal(true);
    expect(active()).to.equal(options()[1]);
    expect(options()[1]!.getAttribute('aria-selected')).to.equal('true');
    expect(options()[0]!.getAttribute('aria-selected')).to.equal('false');
    await press(feed, input, 'ArrowUp');
    await press(feed, input, 'ArrowUp');
    expect(active(), 'wraps to the last').to.equal(options()[3]);

    await expect(feed).to.be.accessible(AXE_OPTIONS);

    // Narrow it down by name, accents and case ignored, or by id.
    await type(feed, input, 'Agenda for @DOR');
    expect(optionNames(listbox)).to.deep.equal(['Dora Weiss']);
    await type(feed, input, 'Agenda for @carla@');
    expect(optionNames(listbox)).to.deep.equal(['Carla Dubois']);
    await type(feed, input, 'Agenda for @zzz');
    expectCollapsed(feed, input);
    // An e-mail address is not a mention.
    await type(feed, input, 'Write to bob@');
    expectCollapsed(feed, input);
  });

  it('inserts @name@domain with Enter or Tab, closes with Escape, and renders the mention as a chip', async () => {
    const { feed } = await mountFeed(world, world.people.ana, world.groups.plan);
    const input = composer(feed);

    await type(feed, input, 'Thanks @do');
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true', 'the suggestions did not open', WAIT);
    expect((await press(feed, input, 'Enter')).defaultPrevented, 'Enter picks, it adds no new line').to.equal(true);
    expect(input.value).to.equal('Thanks @dora@buyer.test ');
    expect(input.selectionStart).to.equal(input.value.length);
    expectCollapsed(feed, input);

    await type(feed, input, `${input.value}and @bo`);
    await press(feed, input, 'Tab');
    expect(input.value).to.equal('Thanks @dora@buyer.test and @bob@seller.test ');
    expect(shadow(feed).activeElement, 'Tab picked, focus stayed').to.equal(input);

    await type(feed, input, `${input.value}cc @ca`);
    expect((await press(feed, input, 'Escape')).defaultPrevented).to.equal(true);
    expectCollapsed(feed, input);
    expect(input.value, 'Escape leaves the text alone').to.equal('Thanks @dora@buyer.test and @bob@seller.test cc @ca');

    const text = 'Thanks @dora@buyer.test and @bob@seller.test, not @ghost@nowhere.test.';
    await type(feed, input, text);
    const stored = oneEvent<MutualPostEvent>(feed, 'mutual-post');
    await press(feed, input, 'Enter', { ctrlKey: true });
    await stored;
    const mine = () => posts(feed).find((candidate) => textOf(candidate).startsWith('Thanks'));
    await waitUntil(() => mine()?.dataset.delivery === 'sent', 'not sent', WAIT);
    const item = mine()!;
    const chips = [...item.querySelectorAll<HTMLElement>('[part~="mention"]')];
    expect(chips.map((chip) => chip.dataset.person)).to.deep.equal(['dora@buyer.test', 'bob@seller.test']);
    expect(chips[0]!.textContent).to.contain('Dora Weiss').and.contain('buyer.test').and.contain('External');
    expect(chips[0]!.classList.contains('external')).to.equal(true);
    expect(chips[1]!.textContent).to.contain('Bob Martin').and.contain('seller.test').and.not.contain('External');
    expect(chips[0]!.title).to.contain('dora@buyer.test');
    expect(textOf(item), 'an unknown id stays as typed').to.contain('@ghost@nowhere.test');
  });

  it('suggests in the reply box too, where Escape first closes the suggestions, then the reply box', async () => {
    fetchSpy = spyOnFetch();
    const { feed } = await mountFeed(world, world.people.ana, world.groups.plan);
    const post = posts(feed)[0]!;
    post.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await feed.updateComplete;
    const input = post.querySelector<HTMLTextAreaElement>('[part~="reply-input"]')!;
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-controls')).to.not.equal(composer(feed).getAttribute('aria-controls'));

    await type(feed, input, '@car');
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true', 'the suggestions did not open', WAIT);
    expect(optionNames(listboxOf(feed, input))).to.deep.equal(['Carla Dubois']);
    expect(input.closest('form')!.contains(listboxOf(feed, input)), 'beside the reply box').to.equal(true);
    await press(feed, input, 'Escape');
    expectCollapsed(feed, input);
    expect(input.isConnected, 'the reply box stays open').to.equal(true);

    await type(feed, input, '@car');
    await press(feed, input, 'Enter');
    expect(input.value).to.equal('@carla@seller.test ');
    await press(feed, input, 'Escape');
    await waitUntil(() => !input.isConnected, 'the second Escape closes the reply box', WAIT);

    // The members were asked for once, for the composer and the reply box alike.
    const asked = fetchSpy.calls.filter((call) => new URL(call.url, location.href).pathname.endsWith('/members'));
    expect(asked).to.have.length(1);
  });

  it('asks for a group’s members once for two feeds of one space', async () => {
    fetchSpy = spyOnFetch();
    const space = await fixture<MutualSpace>(html`
      <mutual-space server=${world.server} space=${world.space} .tokenProvider=${tokenProviderFor(world.people.ana)}>
        <mutual-group-feed group=${world.groups.plan}></mutual-group-feed>
        <mutual-group-feed group=${world.groups.plan}></mutual-group-feed>
      </mutual-space>
    `);
    const feeds = [...space.querySelectorAll('mutual-group-feed')];
    for (const feed of feeds) await waitUntil(() => shadow(feed).querySelector('[part~="list"]'), 'not loaded', WAIT);
    await type(feeds[0]!, composer(feeds[0]!), '@');
    await type(feeds[1]!, composer(feeds[1]!), '@');
    await waitUntil(() => composer(feeds[1]!).getAttribute('aria-expanded') === 'true', 'no suggestions', WAIT);
    const asked = fetchSpy.calls.filter((call) => new URL(call.url, location.href).pathname === `/api/groups/${encodeURIComponent(world.groups.plan)}/members`);
    expect(asked).to.have.length(1);
  });
});
