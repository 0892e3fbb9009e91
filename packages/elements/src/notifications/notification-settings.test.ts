import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MutualSpace } from '../space/space.js';
import '../space/space.define.js';
import { createSpaceFixture, embedToken, tokenProviderFor, WAIT, type SpaceFixture } from '../testing/harness.js';
import type { MutualNotificationSettingsChangeEvent } from './notification-settings-change-event.js';
import type { MutualNotificationSettings } from './notification-settings.js';
import './notification-settings.define.js';

// Against a real Mutual server (see web-test-runner.config.mjs): what the element saves is read
// back from the server's API with a token of the same person.

const part = (element: MutualNotificationSettings, name: string) => element.shadowRoot!.querySelector(`[part~="${name}"]`) as HTMLElement | null;
const ready = (element: MutualNotificationSettings) => waitUntil(() => part(element, 'base')?.dataset.state === 'ready', 'settings never loaded', WAIT);

async function serverSettings(fixtureSpace: SpaceFixture, person: string, path = '/api/me/notifications') {
  const response = await fetch(`${fixtureSpace.server}${path}`, { headers: { Authorization: `Bearer ${await embedToken(person)}` } });
  return response.json();
}

describe('<mutual-notification-settings>', () => {
  let space: SpaceFixture;
  before(async () => {
    space = await createSpaceFixture();
  });

  it('loads the person’s settings inside a <mutual-space> and saves a new mode at once', async () => {
    const root = await fixture<MutualSpace>(html`
      <mutual-space server=${space.server} space=${space.space} .tokenProvider=${tokenProviderFor(space.people.bob)}>
        <mutual-notification-settings></mutual-notification-settings>
      </mutual-space>
    `);
    const element = root.querySelector('mutual-notification-settings')!;
    await ready(element);
    const radios = [...element.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((radio) => [radio.value, radio.checked])).to.deep.equal([
      ['immediate', true],
      ['daily', false],
      ['off', false],
    ]);
    // The harness's tokens carry no e-mail claim: the element says nothing will be sent.
    expect(part(element, 'email')!.textContent).to.contain('has not given Mutual an e-mail address');

    const changed = oneEvent(element, 'mutual-notification-settings-change') as unknown as Promise<MutualNotificationSettingsChangeEvent>;
    radios[1]!.click();
    const event = await changed;
    expect(event.mode).to.equal('daily');
    expect(part(element, 'status')!.textContent!.trim()).to.equal('Saved.');
    expect((await serverSettings(space, space.people.bob)).mode).to.equal('daily');
    await expect(element).to.be.accessible();
  });

  it('speaks French and sets the language of the e-mails', async () => {
    const element = await fixture<MutualNotificationSettings>(html`
      <mutual-notification-settings lang="fr" server=${space.server} .tokenProvider=${tokenProviderFor(space.people.carla)}></mutual-notification-settings>
    `);
    await ready(element);
    expect(part(element, 'title')!.textContent).to.equal('Notifications par e-mail');
    expect(part(element, 'modes')!.textContent).to.contain('Une fois par jour');
    const select = part(element, 'language') as HTMLSelectElement;
    select.value = 'fr';
    const changed = oneEvent(element, 'mutual-notification-settings-change') as unknown as Promise<MutualNotificationSettingsChangeEvent>;
    select.dispatchEvent(new Event('change'));
    expect((await changed).locale).to.equal('fr');
    expect(part(element, 'status')!.textContent!.trim()).to.equal('Enregistré.');
    expect((await serverSettings(space, space.people.carla)).locale).to.equal('fr');
    await expect(element).to.be.accessible();
  });

  it('creates a private calendar link, shows it once, then revokes it', async () => {
    const element = await fixture<MutualNotificationSettings>(html`
      <mutual-notification-settings server=${space.server} .tokenProvider=${tokenProviderFor(space.people.ana)}></mutual-notification-settings>
    `);
    await ready(element);
    (element.shadowRoot!.querySelector('[data-action="create-calendar"]') as HTMLButtonElement).click();
    await waitUntil(() => part(element, 'calendar-url'), 'no calendar link shown', WAIT);
    const url = (part(element, 'calendar-url') as HTMLInputElement).value;
    expect(url).to.match(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(url.startsWith(`${space.server}/calendar/`)).to.equal(true);
    // The feed itself is for calendar apps, not pages (no CORS): its content is checked by the
    // server's tests (calendar.test.ts); here the server confirms the feed exists.
    expect((await serverSettings(space, space.people.ana, '/api/me/calendar')).active).to.equal(true);
    await expect(element).to.be.accessible();

    await waitUntil(() => element.shadowRoot!.querySelector('[data-action="revoke-calendar"]:not([disabled])'), 'no revoke button', WAIT);
    (element.shadowRoot!.querySelector('[data-action="revoke-calendar"]') as HTMLButtonElement).click();
    await waitUntil(() => !part(element, 'calendar-url'), 'link still shown', WAIT);
    expect((await serverSettings(space, space.people.ana, '/api/me/calendar')).active).to.equal(false);
  });

  it('says so when the server cannot be reached', async () => {
    const element = await fixture<MutualNotificationSettings>(html`
      <mutual-notification-settings server="http://127.0.0.1:2" .tokenProvider=${tokenProviderFor(space.people.ana)}></mutual-notification-settings>
    `);
    await waitUntil(() => part(element, 'base')?.dataset.state === 'error', 'no error state', WAIT);
    expect(part(element, 'base')!.textContent).to.contain('could not be loaded');
  });
});
