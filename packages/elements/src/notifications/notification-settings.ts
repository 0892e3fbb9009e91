import { Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { toApiError, type MutualApiError } from '../connection/api-error.js';
import type { TokenProvider } from '../connection/token-source.js';
import { ProvidedConnectionController } from '../controllers/provided-connection-controller.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { themeTokens, visuallyHidden } from '../styles/theme.js';
import { widgetFrameStyles } from '../styles/widget-frame.js';
import { MutualNotificationSettingsChangeEvent } from './notification-settings-change-event.js';
import { notificationSettingsStyles } from './notification-settings.styles.js';
import { NotificationSettingsClient, type CalendarFeedStatus, type NotificationSettings, type SettingsCredentials } from './settings-client.js';
import { notificationSettingsCatalogs, type NotificationModeName } from './strings.js';

const MODES: readonly NotificationModeName[] = ['immediate', 'daily', 'off'];

/** What the element shows, in `data-state` on its base part. */
export type NotificationSettingsState = 'waiting' | 'loading' | 'error' | 'ready';

interface Loaded {
  settings: NotificationSettings;
  calendar: CalendarFeedStatus;
}

/** The nearest `<mutual-space>` around an element, crossing shadow roots. */
function enclosingSpace(element: Element): (HTMLElement & Partial<SettingsCredentials>) | undefined {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof HTMLElement && node.localName === 'mutual-space') return node as HTMLElement & Partial<SettingsCredentials>;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

/**
 * @summary Where a person chooses how Mutual e-mails them (right away, once a day, never), in
 * which language, and gets or revokes the private link of their calendar feed.
 *
 * @description Talks only to the person's own organisation's server (`/api/me/notifications`,
 * `/api/me/calendar`): their address and preferences never leave it. The address itself comes
 * from the organisation (the host app's embed token, or an admin), so the element shows it but
 * cannot change it. Place it inside a `<mutual-space>` (it uses that space's `server` and token
 * provider), or give it `server` and a `token` or `tokenProvider` of its own. Each change is
 * saved at once. It speaks English and French, following the nearest `lang` attribute.
 *
 * @event mutual-notification-settings-change - {MutualNotificationSettingsChangeEvent} The server saved a change.
 *
 * @csspart base - The outer container; `data-state` is `waiting`, `loading`, `error` or `ready`.
 * @csspart header - The title bar.
 * @csspart title - The element's title.
 * @csspart modes - The group of the three choices.
 * @csspart mode - One choice; `data-mode` is `immediate`, `daily` or `off`.
 * @csspart language - The language select.
 * @csspart email - Where e-mails go, or why none is sent.
 * @csspart status - The polite live region that says "Saved." or what failed.
 * @csspart calendar - The calendar section.
 * @csspart calendar-url - The new private calendar link (shown once).
 * @csspart button - Each button.
 *
 * @cssproperty --mutual-color-accent - Focus ring and checked controls.
 * @cssproperty --mutual-spacing - Base spacing.
 */
export class MutualNotificationSettings extends LitElement {
  static override styles = [themeTokens, visuallyHidden, widgetFrameStyles, notificationSettingsStyles];

  static override properties = {
    server: { reflect: true },
    token: { attribute: false },
    tokenProvider: { attribute: false },
    _saving: { state: true },
    _message: { state: true },
    _failure: { state: true },
    _newCalendarUrl: { state: true },
  };

  /** The person's organisation's Mutual server; default: the enclosing `<mutual-space>`'s. */
  declare server: string | undefined;
  /** A fixed embed token. Prefer `tokenProvider`. */
  declare token: string | undefined;
  /** Asks the host app for a fresh embed token; default: the enclosing `<mutual-space>`'s. */
  declare tokenProvider: TokenProvider | undefined;
  declare private _saving: boolean;
  declare private _message: string | undefined;
  declare private _failure: MutualApiError | undefined;
  declare private _newCalendarUrl: string | undefined;

  readonly #locale = new LocaleController(this);
  // Not used for calls: it tells us when the enclosing space has its credentials.
  readonly #space = new ProvidedConnectionController(this);
  #loaded: Loaded | undefined;
  #cachedClient: NotificationSettingsClient | undefined;

  readonly #load = new Task(this, {
    args: () => {
      const credentials = this.#credentials();
      return [credentials?.server, credentials?.tokenProvider ?? credentials?.token, this.#space.value] as const;
    },
    task: async ([server], { signal }) => {
      if (!server) return undefined;
      const client = this.#client()!;
      const [settings, calendar] = await Promise.all([client.settings(signal), client.calendar(signal)]);
      this.#loaded = { settings, calendar };
      return this.#loaded;
    },
  });

  constructor() {
    super();
    this._saving = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Its token's refresh timer goes with it; a new client is made if the element comes back.
    this.#cachedClient?.close();
    this.#cachedClient = undefined;
  }

  /** Own credentials, else the enclosing space's. */
  #credentials(): SettingsCredentials | undefined {
    if (this.server) return { server: this.server, token: this.token, tokenProvider: this.tokenProvider };
    const space = this.isConnected ? enclosingSpace(this) : undefined;
    if (!space?.server || (!space.token && !space.tokenProvider)) return undefined;
    return { server: space.server, token: space.token, tokenProvider: space.tokenProvider };
  }

  #client(): NotificationSettingsClient | undefined {
    const credentials = this.#credentials();
    if (!credentials) return undefined;
    if (!this.#cachedClient?.isFor(credentials)) {
      this.#cachedClient?.close();
      this.#cachedClient = new NotificationSettingsClient(credentials);
    }
    return this.#cachedClient;
  }

  get #state(): NotificationSettingsState {
    if (this.#loaded) return 'ready';
    if (this.#load.status === TaskStatus.ERROR) return 'error';
    return this.#credentials() ? 'loading' : 'waiting';
  }

  async #save(change: Partial<Pick<NotificationSettings, 'mode' | 'locale'>>): Promise<void> {
    const strings = this.#locale.pick(notificationSettingsCatalogs);
    const client = this.#client();
    if (!client || !this.#loaded) return;
    this._saving = true;
    this._failure = undefined;
    this._message = strings.saving;
    try {
      const settings = await client.save(change);
      this.#loaded = { ...this.#loaded, settings };
      this._message = strings.saved;
      this.dispatchEvent(new MutualNotificationSettingsChangeEvent(settings));
    } catch (error) {
      this._failure = toApiError(error);
      this._message = undefined;
    } finally {
      this._saving = false;
    }
  }

  async #calendar(action: 'create' | 'revoke'): Promise<void> {
    const strings = this.#locale.pick(notificationSettingsCatalogs);
    const client = this.#client();
    if (!client || !this.#loaded) return;
    this._saving = true;
    this._failure = undefined;
    try {
      if (action === 'create') {
        const made = await client.createCalendar();
        this._newCalendarUrl = made.url;
        this.#loaded = { ...this.#loaded, calendar: { active: true, createdAt: made.createdAt } };
        this._message = strings.calendarCopyHint;
      } else {
        await client.revokeCalendar();
        this._newCalendarUrl = undefined;
        this.#loaded = { ...this.#loaded, calendar: { active: false } };
        this._message = strings.calendarRevoked;
      }
    } catch (error) {
      this._failure = toApiError(error);
      this._message = undefined;
    } finally {
      this._saving = false;
    }
  }

  override render() {
    const strings = this.#locale.pick(notificationSettingsCatalogs);
    const state = this.#state;
    const loaded = this.#loaded;
    return html`
      <section part="base" class="base" data-state=${state} aria-labelledby="title">
        <header part="header" class="header">
          <h2 part="title" id="title" class="title">${strings.title}</h2>
        </header>
        <div class="body">
          ${loaded ? this.#renderForm(loaded) : state === 'error' ? this.#renderLoadError() : html`<p class="note">${strings.loading}</p>`}
          <p part="status" class="note ${this._failure ? 'error' : ''}" role="status" aria-live="polite">${this._failure ? strings.failed : (this._message ?? '')}</p>
        </div>
      </section>
    `;
  }

  #renderLoadError() {
    const strings = this.#locale.pick(notificationSettingsCatalogs);
    return html`<p class="error">${strings.failed}</p>
      <div class="actions"><button part="button" type="button" @click=${() => void this.#load.run()}>${strings.retry}</button></div>`;
  }

  #renderForm({ settings, calendar }: Loaded) {
    const strings = this.#locale.pick(notificationSettingsCatalogs);
    const dateFormat = new Intl.DateTimeFormat(this.#locale.formats, { dateStyle: 'long' });
    return html`
      <fieldset part="modes" ?disabled=${this._saving}>
        <legend>${strings.modesLegend}</legend>
        ${MODES.map(
          (mode) => html`
            <label part="mode" class="choice" data-mode=${mode}>
              <input
                type="radio"
                name="mode"
                .value=${mode}
                .checked=${settings.mode === mode}
                aria-describedby="hint-${mode}"
                @change=${() => void this.#save({ mode })}
              />
              <span>${strings.modes[mode].label}</span>
              <span class="hint" id="hint-${mode}">${strings.modes[mode].hint}</span>
            </label>
          `,
        )}
      </fieldset>
      <div>
        <label class="label" for="language">${strings.language}</label>
        <select
          id="language"
          part="language"
          ?disabled=${this._saving}
          @change=${(event: Event) => void this.#save({ locale: (event.target as HTMLSelectElement).value as 'en' | 'fr' })}
        >
          <option value="en" ?selected=${settings.locale === 'en'} lang="en">${strings.languages.en}</option>
          <option value="fr" ?selected=${settings.locale === 'fr'} lang="fr">${strings.languages.fr}</option>
        </select>
      </div>
      <p part="email" class="note">${settings.email ? strings.sentTo(settings.email) : strings.noEmail}</p>
      <section part="calendar" aria-labelledby="calendar-title">
        <h3 id="calendar-title">${strings.calendarTitle}</h3>
        <p class="note">${strings.calendarHint}</p>
        ${calendar.active && calendar.createdAt ? html`<p class="note">${strings.calendarActive(dateFormat.format(new Date(calendar.createdAt)))}</p>` : nothing}
        ${this._newCalendarUrl
          ? html`<div>
              <label class="label" for="calendar-url">${strings.calendarUrl}</label>
              <input id="calendar-url" part="calendar-url" type="text" readonly .value=${this._newCalendarUrl} @focus=${(event: FocusEvent) => (event.target as HTMLInputElement).select()} />
            </div>`
          : nothing}
        <div class="actions">
          <button part="button" type="button" data-action="create-calendar" ?disabled=${this._saving} @click=${() => void this.#calendar('create')}>
            ${calendar.active ? strings.calendarReplace : strings.calendarCreate}
          </button>
          ${calendar.active
            ? html`<button part="button" type="button" data-action="revoke-calendar" ?disabled=${this._saving} @click=${() => void this.#calendar('revoke')}>
                ${strings.calendarRevoke}
              </button>`
            : nothing}
        </div>
      </section>
    `;
  }
}
