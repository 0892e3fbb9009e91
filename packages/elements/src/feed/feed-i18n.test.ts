import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MutualErrorEvent } from '../events/error-event.js';
import type { MutualSpace } from '../space/space.js';
import { createSpaceFixture, spyOnFetch, tokenProviderFor, WAIT, type SpaceFixture } from '../testing/harness.js';
import type { MutualGroupFeed } from './feed.js';
import { AXE_OPTIONS, mountFeed, posts, shadow, textOf } from './test-support.js';

const DORA = 'dora@buyer.test';
const part = (root: ParentNode, name: string): string => root.querySelector(`[part~="${name}"]`)?.textContent?.trim() ?? '';

describe('<mutual-group-feed> in French', function () {
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

  it('speaks French when an ancestor says lang="fr": labels, group name, dates and numbers', async () => {
    const { space, feed } = await mountFeed(world, world.people.ana, world.groups.plan, { lang: 'fr' });
    const root = shadow(feed);
    expect(part(root, 'title'), 'the standard group name, translated').to.equal('Planning d’ensemble');
    expect(part(root, 'send-button')).to.equal('Publier');
    expect(root.querySelector<HTMLTextAreaElement>('[part~="composer-input"]')!.placeholder).to.equal(
      'Partagez une nouvelle avec le groupe…',
    );
    expect(part(root, 'composer-hint')).to.contain('Entrée pour publier').and.contain('Tapez @ pour mentionner');
    expect(root.querySelector('label')!.textContent).to.equal('Écrire une publication');
    expect(root.querySelector('[part~="list"]')!.getAttribute('aria-label')).to.equal('Publications');

    const dora = posts(feed).find((item) => item.dataset.author === DORA)!;
    expect(part(dora.querySelector('.byline')!, 'external-badge')).to.equal('Externe');
    expect(dora.querySelector('[part~="external-badge"]')!.getAttribute('title')).to.equal('D’une autre organisation\u00A0: buyer.test');
    expect(part(dora, 'reply-button')).to.equal('Répondre');
    expect(dora.querySelector('[part~="add-reaction"]')!.getAttribute('aria-label')).to.equal('Ajouter une réaction');

    // Relative and full times through Intl in French.
    const time = dora.querySelector('time')!;
    const at = Date.parse(time.dateTime);
    const relative = new Intl.RelativeTimeFormat('fr', { numeric: 'auto' });
    expect([relative.format(0, 'second'), relative.format(-1, 'minute'), relative.format(-2, 'minute')]).to.include(time.textContent!.trim());
    expect(time.title).to.equal(new Intl.DateTimeFormat('fr', { dateStyle: 'full', timeStyle: 'short' }).format(at));

    // A reaction's count and label, with French plural rules.
    dora.querySelector<HTMLButtonElement>(':scope > .actions [part~="add-reaction"]')!.click();
    await feed.updateComplete;
    const thumbs = [...dora.querySelectorAll<HTMLButtonElement>('.choice')].find((button) => button.getAttribute('aria-label') === 'Réagir avec pouce levé')!;
    expect(thumbs, 'reaction choices in French').to.exist;
    thumbs.click();
    await feed.updateComplete;
    const reaction = dora.querySelector<HTMLButtonElement>(':scope > .actions [part~="reaction"]')!;
    expect(reaction.getAttribute('aria-label')).to.equal('pouce levé\u00A0: 1 réaction, dont la vôtre');

    await expect(space).to.be.accessible(AXE_OPTIONS);
  });

  it('shows "Envoi…" then "Non envoyé." with Réessayer when a send fails', async () => {
    const { feed } = await mountFeed(world, world.people.ana, world.groups.plan, { lang: 'fr-CA' });
    let release: () => void = () => undefined;
    fetchSpy = spyOnFetch((call) =>
      call.method === 'POST' && call.url.endsWith('/posts')
        ? new Promise<Response>((_, reject) => (release = () => reject(new TypeError('Failed to fetch'))))
        : undefined,
    );
    const input = shadow(feed).querySelector<HTMLTextAreaElement>('[part~="composer-input"]')!;
    input.value = 'Compte rendu de la réunion';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await feed.updateComplete;
    shadow(feed).querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    await feed.updateComplete;
    const item = posts(feed).find((candidate) => textOf(candidate) === 'Compte rendu de la réunion')!;
    expect(part(item, 'delivery')).to.equal('Envoi…');

    const failed = oneEvent<MutualErrorEvent>(feed, 'mutual-error');
    release();
    await failed;
    await waitUntil(() => item.dataset.delivery === 'failed', 'not marked failed', WAIT);
    expect(part(item, 'delivery')).to.contain('Non envoyé.').and.contain('Le serveur est injoignable');
    expect(part(item, 'retry-button')).to.equal('Réessayer');
    await waitUntil(
      () => shadow(feed).querySelector('[role="status"]')!.textContent === 'Votre message n’a pas pu être envoyé.',
      'the failure was not announced in French',
      WAIT,
    );
  });

  it('follows its own lang over its ancestors’, and changes language live', async () => {
    const space = await fixture<MutualSpace>(html`
      <mutual-space lang="fr" server=${world.server} space=${world.space} .tokenProvider=${tokenProviderFor(world.people.ana)}>
        <mutual-group-feed lang="en" group=${world.groups.plan}></mutual-group-feed>
        <mutual-group-feed group=${world.groups.proof}></mutual-group-feed>
      </mutual-space>
    `);
    const [english, french] = [...space.querySelectorAll<MutualGroupFeed>('mutual-group-feed')] as [MutualGroupFeed, MutualGroupFeed];
    for (const feed of [english, french]) {
      await waitUntil(() => shadow(feed).querySelector('[part~="list"], .state.empty'), 'not loaded', WAIT);
    }
    expect(part(shadow(english), 'send-button')).to.equal('Post');
    expect(part(shadow(english), 'title')).to.equal('Overall plan');
    expect(part(shadow(french), 'send-button')).to.equal('Publier');
    expect(part(shadow(french), 'title')).to.equal('Preuve');

    english.lang = 'fr';
    await waitUntil(() => part(shadow(english), 'send-button') === 'Publier', 'did not switch to French', WAIT);
    expect(part(shadow(english), 'title')).to.equal('Planning d’ensemble');
    space.lang = 'en';
    await waitUntil(() => part(shadow(french), 'send-button') === 'Post', 'did not follow the space back to English', WAIT);
    expect(part(shadow(french), 'title')).to.equal('Proof');
  });
});
