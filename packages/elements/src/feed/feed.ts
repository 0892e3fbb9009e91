import { Task, TaskStatus, initialState } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import { cssProps } from '../styles/css-props.js';
import type { FeedPage, FeedPost, FeedReply, LiveMessage, Me, MyGroup, Person, QueuedEntry } from '@mutual/protocol';
import { isAbortError, toApiError, type MutualApiError } from '../connection/api-error.js';
import { newClientId } from '../connection/client-id.js';
import type { MutualConnection } from '../connection/connection.js';
import { following } from '../connection/following.js';
import { refusalError, RefusalWatches } from '../connection/refusal-watch.js';
import type { TokenProvider } from '../connection/token-source.js';
import { isQueued } from '../connection/write-result.js';
import { ClockController } from '../controllers/clock-controller.js';
import { ConnectionController } from '../controllers/connection-controller.js';
import { LiveSubscriptionController } from '../controllers/live-subscription-controller.js';
import { ProvidedConnectionController } from '../controllers/provided-connection-controller.js';
import { VirtualListController } from '../controllers/virtual-list-controller.js';
import { MutualErrorEvent, type MutualOperation } from '../events/error-event.js';
import { MutualPostEvent } from '../events/post-event.js';
import { formatFull, formatRelative } from '../format/time.js';
import { formatNumber } from '../i18n/format-number.js';
import { groupDisplayName } from '../i18n/group-names.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { themeTokens, visuallyHidden } from '../styles/theme.js';
import { controlStyles } from '../styles/controls.js';
import { loadError } from '../templates/load-error.js';
import { widgetFrameStyles } from '../styles/widget-frame.js';
import { revealToString, RevealScope } from '../text/invisible.js';
import { parseText, type Block } from '../text/parse-text.js';
import { renderBlocks, type RenderTextOptions } from '../text/render-text.js';
import { Delivery, FeedModel, type PostView, type ReplyView } from './feed-model.js';
import { feedStyles } from './feed.styles.js';
import { KeyedItems } from './keyed-items.js';
import { PagePrefetch } from './page-prefetch.js';
import { forgetGroupMembers, groupMembers, type Member } from './member-directory.js';
import { MentionController } from './mention-controller.js';
import { feedCatalogs, type FeedStrings } from './strings.js';

/** The quick reactions offered; any emoji someone else used shows up as well. */
const REACTION_CHOICES = ['👍', '🎉', '✅', '❤️', '👀'] as const;

/** Longest post or reply; the same limit as `MAX_TEXT_LENGTH` in @mutual/protocol (not imported: it would pull zod into the bundle). */
const MAX_TEXT_LENGTH = 20_000;

interface FirstPage {
  page: FeedPage;
  me: Me;
  /** The group as the viewer's space lists it (name, kind, home), when the space could be read. */
  group: MyGroup | undefined;
  /** The viewer's posts and replies still waiting for the group's home server (homed elsewhere). */
  queued: QueuedEntry[];
}

/** Older posts start loading once the rendered window is this close to the last post loaded. */
const NEAR_END = 10;

/** The id of the composer's listbox of people to mention. */
const COMPOSER_MENTIONS = 'composer-mentions';
const replyMentions = (postId: string): string => `reply-mentions-${postId}`;

/** Rough height of a post before it was ever rendered: enough for a scrollbar that does not lie much. */
function estimateHeight(view: PostView | undefined): number {
  if (!view) return 120;
  const lines = Math.min(400, Math.ceil(view.post.text.length / 64) + (view.post.text.match(/\n/g)?.length ?? 0));
  return 100 + lines * 22 + view.replies.length * 84;
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0]];
  return letters.map((word) => (word ? [...word][0]!.toUpperCase() : '')).join('');
}

const onMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.userAgent);

/**
 * @summary The feed of one group: posts with their threads and reactions, each author marked
 * with their organisation, live updates, and a composer with optimistic send.
 *
 * @description Place it inside a `<mutual-space>`, which gives it the shared connection. On its
 * own it needs `server`, `space` and a `token` or `tokenProvider`, and opens its own connection.
 * Everything people write is rendered as text: nothing in a post can run script.
 *
 * In a group homed on another organisation's server, the viewer's server queues what they write
 * (`202`); the entry shows "Queued for …" until the live stream brings it back from the home server.
 *
 * @event mutual-post - {MutualPostEvent} A post or reply of the viewer's is stored: when the server
 * acknowledged it, or, if it was queued for the group's home server, when its live echo arrived
 * (never at queueing time, when it is not yet in the group).
 * @event mutual-error - {MutualErrorEvent} A request failed; the feed shows it too.
 *
 * @csspart base - The outer container.
 * @csspart header - The title bar with the group name and the live status.
 * @csspart title - The group name.
 * @csspart live-status - The live stream status indicator.
 * @csspart notifications-button - Opens the viewer's notification settings under the header.
 * @csspart notifications - The panel holding `<mutual-notification-settings>`, loaded on first open.
 * @csspart composer - The new-post form.
 * @csspart composer-input - The new-post text area.
 * @csspart send-button - The button that sends a post.
 * @csspart composer-hint - The hint under the composer.
 * @csspart mention-list - The suggestions of people to mention while `@name` is typed.
 * @csspart mention-option - One suggestion.
 * @csspart new-posts - The "N new posts" button shown over a scrolled feed when live posts arrive.
 * @csspart scroller - The box around the list, which scrolls when `--mutual-feed-max-height` is set.
 * @csspart list - The list of posts.
 * @csspart item - A post or a reply.
 * @csspart post - A post (also `item`).
 * @csspart reply - A reply (also `item`).
 * @csspart avatar - The initials of an author.
 * @csspart author - An author's name.
 * @csspart organisation - An author's organisation.
 * @csspart external-badge - The "External" mark of an author from another organisation.
 * @csspart time - When an entry was written.
 * @csspart text - What an entry says.
 * @csspart link - A link in what an entry says (http, https or mailto only).
 * @csspart link-destination - The real destination shown beside a link whose label names another.
 * @csspart mention - A mention of a member, shown with their name and organisation.
 * @csspart code - Inline code in what an entry says.
 * @csspart code-block - A fenced code block in what an entry says.
 * @csspart invisible-char - An invisible or reordering character, shown as its code (`U+202E`).
 * @csspart delivery - "Sending…", "Queued for …" or "Not sent." under an entry of the viewer's.
 * @csspart retry-button - Sends a failed entry again.
 * @csspart reactions - The reactions of an entry.
 * @csspart reaction - One reaction button.
 * @csspart add-reaction - The button that opens the reaction choices.
 * @csspart reaction-error - Why the viewer's last reaction to an entry was not saved.
 * @csspart reaction-choices - The reaction choices.
 * @csspart reply-button - Opens the reply composer of a post.
 * @csspart replies - The list of replies of a post.
 * @csspart reply-composer - The reply form of a post.
 * @csspart reply-input - The reply text area.
 * @csspart state - A loading, empty or error message.
 * @csspart load-more - The "Load older posts" button.
 *
 * @cssproperty --mutual-font-family - Font of the widget.
 * @cssproperty --mutual-font-size - Base font size.
 * @cssproperty --mutual-line-height - Base line height.
 * @cssproperty --mutual-color-text - Text colour.
 * @cssproperty --mutual-color-text-muted - Secondary text colour (organisation, time).
 * @cssproperty --mutual-color-surface - Background.
 * @cssproperty --mutual-color-surface-alt - Background of threads and inputs.
 * @cssproperty --mutual-color-border - Borders and separators.
 * @cssproperty --mutual-color-accent - Buttons, links, focus ring, own reactions.
 * @cssproperty --mutual-color-on-accent - Text on the accent colour.
 * @cssproperty --mutual-color-accent-soft - Background of the viewer's own reactions.
 * @cssproperty --mutual-color-danger - Failures.
 * @cssproperty --mutual-color-external - Text of the "External" badge.
 * @cssproperty --mutual-color-external-soft - Background of the "External" badge.
 * @cssproperty --mutual-radius - Corner radius.
 * @cssproperty --mutual-spacing - Base spacing unit.
 * @cssproperty --mutual-focus-color - Focus ring colour (defaults to the accent).
 * @cssproperty --mutual-shadow - Shadow of the outer container.
 * @cssproperty --mutual-feed-max-height - Scroll the list beyond this height (default: none, the page scrolls).
 */
export class MutualGroupFeed extends LitElement {
  static override styles = [themeTokens, visuallyHidden, widgetFrameStyles, controlStyles, feedStyles];

  static override properties = {
    group: { reflect: true },
    server: {},
    space: {},
    // A property only: as an attribute the bearer token would sit in the page's HTML for any script to read.
    token: { attribute: false },
    tokenProvider: { attribute: false },
    pageSize: { attribute: 'page-size', type: Number },
    _draft: { state: true },
    _announcement: { state: true },
    _replying: { state: true },
    _choosingReaction: { state: true },
    _reactionFailed: { state: true },
    _newPosts: { state: true },
    _settingsOpen: { state: true },
  };

  /** The group whose feed to show. */
  declare group: string;
  /** Standalone use only (outside `<mutual-space>`): the viewer's organisation's Mutual server. */
  declare server: string;
  /** Standalone use only: the space the group belongs to. */
  declare space: string;
  /** Standalone use only: a fixed embed token. Prefer `tokenProvider`. */
  declare token: string | undefined;
  /** Standalone use only: asks the host for a fresh embed token. */
  declare tokenProvider: TokenProvider | undefined;
  /** Posts per page, 1 to 100 (attribute `page-size`). */
  declare pageSize: number;

  declare private _draft: string;
  declare private _announcement: string;
  /** Posts whose reply composer is open, by post id. */
  declare private _replying: ReadonlySet<string>;
  /** The entry whose reaction choices are open. */
  declare private _choosingReaction: string | undefined;
  /**
   * What was typed in each open reply box, by post: a post that scrolls out of the rendered window
   * loses its elements, and its reply box comes back with this text rather than empty.
   */
  readonly #replyDrafts = new Map<string, string>();
  /** The entry whose last reaction was not saved, and why, until the next reaction. */
  declare private _reactionFailed: { entry: string; message: string } | undefined;
  /** Live posts that arrived above while the viewer was scrolled down. */
  declare private _newPosts: number;
  /** Whether the viewer's notification settings are open under the header. */
  declare private _settingsOpen: boolean;

  readonly #provided = new ProvidedConnectionController(this);
  readonly #own = new ConnectionController(this, {
    settings: () => {
      if (this.#provided.value || !this.server || !this.space) return undefined;
      if (!this.token && !this.tokenProvider) return undefined;
      return { server: this.server, space: this.space, token: this.token, tokenProvider: this.tokenProvider };
    },
    onError: (error) => this.#reportError('stream', error),
  });
  // Subscribe before the first page loads, so that nothing said meanwhile is missed.
  readonly #live = new LiveSubscriptionController(this, {
    connection: () => this.#connection,
    group: () => this.group,
    onMessage: (message) => this.#onLive(message),
    // Out of the page while posts came: read the feed again rather than show it without them.
    onMissed: () => void this.#firstPage.run(),
  });
  readonly #clock = new ClockController(this);
  readonly #locale = new LocaleController(this, feedCatalogs);
  readonly #model = new FeedModel();
  readonly #ahead = new PagePrefetch();
  readonly #virtual = new VirtualListController(this, {
    list: () => this.renderRoot?.querySelector<HTMLElement>('[part~="list"]'),
    keys: () => this.#model.posts.map((view) => view.key),
    estimate: (index) => estimateHeight(this.#model.posts[index]),
    onViewportChange: (reason) => this.#onViewportChange(reason),
  });
  readonly #mentions = new MentionController(this, {
    members: () => this.#memberList,
    locale: () => this.#strings.locale,
    isExternal: (member) => this.#isExternal(member),
  });
  #me: Me | undefined;
  #group: MyGroup | undefined;
  /** The group's members once loaded (Task's value is set only after its onComplete runs). */
  #memberList: readonly Member[] | undefined;
  /** Members by id, for mention chips. */
  #memberIndex: ReadonlyMap<string, Member> = new Map();
  /** Parsed text by entry: each entry's text is parsed once. */
  readonly #parsed = new WeakMap<FeedPost | FeedReply, Block[]>();
  #textOptions: RenderTextOptions = {};
  /** Older posts load on scroll only once the viewer has scrolled (else the button does it). */
  #userScrolled = false;
  #sentinel: Element | undefined;
  #sentinelObserver: IntersectionObserver | undefined;
  #sentinelVisible = false;
  /** The posts of the window, each an `<li>` of the list (see keyed-items.ts for why not `repeat`). */
  readonly #items = new KeyedItems<PostView>({
    host: this,
    key: (view) => view.key,
    create: (view) => {
      const item = document.createElement('li');
      item.setAttribute('part', 'item post');
      item.className = 'item post';
      // Focusable from script: "N new posts" takes the reader to the newest.
      item.tabIndex = -1;
      item.dataset.key = view.key;
      return item;
    },
    update: (item, view, index) => {
      item.setAttribute('aria-posinset', String(index + 1));
      item.setAttribute('aria-setsize', this.#setSize);
      item.dataset.id = view.post.id;
      item.dataset.author = view.post.author.id;
      item.dataset.delivery = view.delivery;
    },
    render: (view) => this.#renderPost(view),
  });
  /** `aria-setsize` of every post, set before each window render. */
  #setSize = '-1';

  /** The viewer's queued writes, watched in case the group's home server refuses them. */
  readonly #refusals = new RefusalWatches();
  /** The viewer's reactions queued for the home server, by the id each will have. */
  readonly #queuedReactions = new Map<string, { entry: string; emoji: string }>();

  get #home(): string | undefined {
    return this.#group?.home;
  }

  readonly #firstPage = new Task(this, {
    task: async ([connection, group, pageSize], { signal }): Promise<FirstPage | typeof initialState> => {
      this.#model.clear();
      this.#refusals.clear();
      this.#queuedReactions.clear();
      this.#group = undefined;
      this.#userScrolled = false;
      this._newPosts = 0;
      this.#olderPage.abort();
      this.#ahead.clear();
      if (!connection || !group) return initialState;
      const viewer = Promise.all([connection.me(), connection.mySpace().catch(() => undefined)]);
      const [page, [me, space], queued] = await Promise.all([
        // Read once the stream follows the space: a page read before it starts could miss a post.
        following(connection).then(() => connection.api.posts(group, { limit: pageSize, signal })),
        viewer,
        // Homed elsewhere: what the viewer wrote that has not reached the home yet shows as queued
        // (asked alongside the page; only of an API client that can: an older bundle's cannot).
        viewer.then(([me, space]) => {
          const home = space?.groups.find((candidate) => candidate.id === group)?.home;
          if (!home || home === me.organisation.domain || typeof connection.api.queuedEntries !== 'function') return [];
          return connection.api.queuedEntries(group, { signal }).then(
            (answer) => answer.queued,
            () => [],
          );
        }),
      ]);
      return { page, me, group: space?.groups.find((candidate) => candidate.id === group), queued };
    },
    args: () => [this.#connection, this.group, this.#pageSize] as const,
    // Not called for a run that returned initialState, nor for one that a newer run replaced.
    onComplete: (result) => {
      this.#me = result.me;
      this.#group = result.group;
      this.#model.load(result.page, result.me.person.id);
      for (const event of this.#model.restoreQueued(result.queued, result.me.person)) this.#watchEntry(event);
    },
    onError: (error) => this.#reportError('load', error),
  });

  readonly #olderPage = new Task(this, {
    autoRun: false,
    task: async ([connection, group, before, limit]: readonly [MutualConnection, string, string, number], { signal }) => {
      const fetchPage = async () => [await connection.api.posts(group, { before, limit, signal })];
      // A page asked for ahead that failed is asked for again, once, now that it is needed.
      const pages = await (this.#ahead.take(connection, group, before, limit)?.catch(fetchPage) ?? fetchPage());
      // The group may have changed meanwhile: then these pages belong to no one.
      if (connection !== this.#connection || group !== this.group) return initialState;
      const page: FeedPage = { posts: pages.flatMap((each) => each.posts), next: pages[pages.length - 1]!.next };
      // The viewer is paging down: have the next pages on their way while these render.
      if (page.next) this.#ahead.ensure(connection, group, page.next, limit);
      return page;
    },
    onComplete: (page) => {
      this.#model.loadOlder(page);
      // Observing again reports where the end of the list is now: still in view means load more.
      void this.updateComplete.then(() => this.#watchSentinel(this.#sentinel));
    },
    onError: (error) => this.#reportError('load-older', error),
  });

  /**
   * The group's members (both organisations), for mention suggestions and chips; shared through
   * the member directory. Without them the feed still works: mentions stay plain text.
   */
  readonly #members = new Task(this, {
    task: async ([connection, group]): Promise<Member[] | typeof initialState> => {
      this.#memberList = undefined;
      this.#memberIndex = new Map();
      if (!connection || !group) return initialState;
      return groupMembers(connection, group);
    },
    args: () => [this.#connection, this.group] as const,
    onComplete: (members) => {
      this.#memberList = members;
      this.#memberIndex = new Map(members.map((member) => [member.id, member]));
      this.#mentions.refresh();
    },
  });

  constructor() {
    super();
    this.group = '';
    this.server = '';
    this.space = '';
    this.pageSize = 30;
    this._draft = '';
    this._announcement = '';
    this._replying = new Set();
    this._newPosts = 0;
    this._settingsOpen = false;
  }

  /** The connection in use: the enclosing space's, or this feed's own. */
  get connection(): MutualConnection | undefined {
    return this.#connection;
  }

  get #connection(): MutualConnection | undefined {
    return this.#provided.value ?? this.#own.connection;
  }

  get #pageSize(): number {
    return Math.min(100, Math.max(1, Math.floor(this.pageSize) || 30));
  }

  get #strings(): FeedStrings {
    return this.#locale.strings;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#items.setConnected(true);
    // Back in the page: watch again what is still queued.
    for (const event of this.#model.queuedEvents()) this.#watchEntry(event);
    for (const [event, { entry, emoji }] of this.#queuedReactions) this.#watchReaction(event, entry, emoji);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#refusals.clear();
    this.#items.setConnected(false);
    this.#watchSentinel(undefined);
    this.#ahead.clear();
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    // Before the controllers' hostUpdated, so that the window measures the posts it rendered.
    this.#renderWindow();
  }

  protected override updated(): void {
    // Each render may bring the window to the end of what is loaded (a scroll, a page arriving).
    this.#maybeLoadOlder();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('group')) {
      this._replying = new Set();
      this._choosingReaction = undefined;
      // Words typed for one group are never sent to another by a host that reuses the element.
      if (changed.get('group') !== undefined) {
        this._draft = '';
        this.#replyDrafts.clear();
      }
    }
  }

  /** Resolves once rendered in the widget's language (a French catalog loads on first use). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    return (await this.#locale.loaded()) ? super.getUpdateComplete() : result;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.#locale.ready) return nothing;
    const strings = this.#strings;
    const status = this.#live.status;
    this.#textOptions = {
      mention: (id, text) => this.#renderMention(id, text),
      invisibleTitle: strings.invisibleCharacter,
      linkDestinationTitle: strings.linkGoesTo,
    };
    const title = this.#group ? groupDisplayName(this.#group, this.#locale.locale) : strings.defaultTitle;
    return html`
      <section part="base" class="base" aria-labelledby="title">
        <header part="header" class="header">
          <h2 part="title" id="title" class="title" tabindex="-1">${title}</h2>
          ${this.#connection
            ? html`<span part="live-status" class="live-status" data-status=${status}>
                <span class="dot" aria-hidden="true"></span>${strings.liveStatus[status]}
              </span>`
            : nothing}
          ${this.#connection
            ? html`<button
                part="notifications-button"
                class="quiet notifications-button"
                type="button"
                aria-expanded=${this._settingsOpen ? 'true' : 'false'}
                aria-controls="notifications"
                @click=${this.#toggleSettings}
              >
                ${strings.notifications}
              </button>`
            : nothing}
        </header>
        ${this._settingsOpen ? this.#renderSettings() : nothing}
        ${this.#renderComposer()}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this._announcement}</div>
        ${this.#firstPage.render({
          initial: () => html`<p part="state" class="state">${strings.connecting}</p>`,
          pending: () => html`<p part="state" class="state" aria-busy="true">${strings.loading}</p>`,
          error: (error) => loadError(strings, error, () => void this.#firstPage.run()),
          complete: () => this.#renderPosts(),
        })}
      </section>
    `;
  }

  /**
   * The viewer's notification settings, a widget of their own loaded on first open (most people
   * open it once, so the feed does not carry it). Inside a `<mutual-space>` it uses the space's
   * connection; a standalone feed hands it its own server and token.
   */
  #renderSettings(): TemplateResult {
    return html`<div id="notifications" part="notifications" class="notifications" @keydown=${this.#onSettingsKeydown}>
      <mutual-notification-settings
        .server=${this.server || undefined}
        .token=${this.token}
        .tokenProvider=${this.tokenProvider}
      ></mutual-notification-settings>
    </div>`;
  }

  #toggleSettings = (): void => {
    this._settingsOpen = !this._settingsOpen;
    if (this._settingsOpen) void import('../notifications/notification-settings.define.js').catch((error: unknown) => this.#reportError('settings', error));
  };

  #onSettingsKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this._settingsOpen = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="notifications-button"]')?.focus());
  };

  #renderComposer(): TemplateResult {
    const strings = this.#strings;
    const ready = this.#model.loaded;
    const mentions = this.#mentions;
    return html`
      <form part="composer" class="composer" @submit=${this.#onComposerSubmit}>
        <label class="visually-hidden" for="composer-input">${strings.composerLabel}</label>
        <textarea
          id="composer-input"
          part="composer-input"
          rows="2"
          maxlength=${MAX_TEXT_LENGTH}
          placeholder=${strings.composerPlaceholder}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded=${mentions.expanded(COMPOSER_MENTIONS) ? 'true' : 'false'}
          aria-controls=${COMPOSER_MENTIONS}
          aria-activedescendant=${mentions.activeDescendant(COMPOSER_MENTIONS) ?? nothing}
          aria-describedby="composer-hint"
          .value=${live(this._draft)}
          @input=${(event: InputEvent) => {
            this._draft = (event.target as HTMLTextAreaElement).value;
            mentions.onInput(event);
          }}
          @keydown=${this.#onTextKeydown}
          @keyup=${mentions.onKeyup}
          @click=${mentions.onInput}
          @blur=${mentions.close}
        ></textarea>
        ${mentions.renderListbox(COMPOSER_MENTIONS, strings)}
        <div class="composer-actions">
          <span id="composer-hint" part="composer-hint" class="hint">${strings.sendHint(onMac())} · ${strings.mentionHint}</span>
          <button part="send-button" class="primary" type="submit" ?disabled=${!ready || this._draft.trim() === ''}>
            ${strings.send}
          </button>
        </div>
      </form>
    `;
  }

  #renderPosts(): TemplateResult {
    const strings = this.#strings;
    const posts = this.#model.posts;
    const loadingOlder = this.#olderPage.status === TaskStatus.PENDING;
    return html`
      <div class="new-posts-bar">
        ${this._newPosts > 0
          ? html`<button part="new-posts" class="primary new-posts" type="button" @click=${this.#showNewPosts}>
              <span aria-hidden="true">↑</span> ${strings.newPosts(this._newPosts)}
            </button>`
          : nothing}
      </div>
      <div part="scroller" class="scroller">
        ${posts.length === 0
          ? html`<p part="state" class="state empty">${strings.empty}</p>`
          : // The window of posts goes into the list after this template (#renderWindow).
            html`<ol
              part="list"
              class="list"
              aria-label=${strings.postsLabel}
              aria-busy=${loadingOlder ? 'true' : 'false'}
              ${cssProps({ 'padding-top': `${this.#virtual.paddingTop}px`, 'padding-bottom': `${this.#virtual.paddingBottom}px` })}
            ></ol>`}
        <div class="sentinel" aria-hidden="true" ${ref(this.#watchSentinel)}></div>
        ${this.#olderPage.status === TaskStatus.ERROR
          ? html`<p part="state" class="state error" role="alert">
              ${strings.loadOlderFailed} ${strings.errorMessage(toApiError(this.#olderPage.error).code)}
            </p>`
          : nothing}
        ${this.#model.next
          ? html`<button part="load-more" class="secondary load-more" type="button" ?disabled=${loadingOlder} @click=${this.#loadOlder}>
              ${loadingOlder ? strings.loadingOlder : strings.loadOlder}
            </button>`
          : nothing}
      </div>
    `;
  }

  /** The posts of the window, rendered into the list after the element's own template. */
  #renderWindow(): void {
    const list = this.renderRoot.querySelector<HTMLOListElement>('[part~="list"]');
    const { start, end } = this.#virtual.range;
    // -1: "unknown" to assistive technology, while older posts remain to be loaded.
    this.#setSize = String(this.#model.next ? -1 : this.#model.posts.length);
    this.#items.sync(list, list ? this.#model.posts.slice(start, end) : [], start);
  }

  /** What a post's `<li>` holds (see {@link #items}). */
  #renderPost(view: PostView): TemplateResult {
    const strings = this.#strings;
    const { post } = view;
    const replying = this._replying.has(post.id);
    const sent = view.delivery === Delivery.sent;
    return html`
      ${this.#renderEntry(post, view)}
      ${sent
        ? html`<div class="actions">
            ${this.#renderReactions(post)}
            <button
              part="reply-button"
              class="quiet"
              type="button"
              aria-expanded=${replying ? 'true' : 'false'}
              @click=${() => this.#toggleReplying(post.id, !replying)}
            >
              ${strings.reply}
            </button>
          </div>`
        : nothing}
      ${view.replies.length > 0
        ? html`<ol part="replies" class="replies" aria-label=${strings.repliesLabel(post.author.name)}>
            ${repeat(view.replies, (reply) => reply.key, (reply) => this.#renderReply(reply))}
          </ol>`
        : nothing}
      ${replying && sent ? this.#renderReplyComposer(post) : nothing}
    `;
  }

  #renderReply(view: ReplyView): TemplateResult {
    const { reply } = view;
    return html`
      <li
        part="item reply"
        class="item reply"
        data-id=${reply.id}
        data-author=${reply.author.id}
        data-delivery=${view.delivery}
      >
        ${this.#renderEntry(reply, view)}
        ${view.delivery === Delivery.sent ? html`<div class="actions">${this.#renderReactions(reply)}</div>` : nothing}
      </li>
    `;
  }

  /** Byline, text and delivery state: what a post and a reply share. */
  #renderEntry(entry: FeedPost | FeedReply, view: PostView | ReplyView): TemplateResult {
    const strings = this.#strings;
    const { author } = entry;
    const external = this.#isExternal(author);
    return html`
      <div class="byline">
        <span part="avatar" class="avatar ${external ? 'external' : ''}" aria-hidden="true">${initials(author.name)}</span>
        <span class="who">
          <span part="author" class="author">${author.name}</span>
          <span part="organisation" class="organisation">${author.organisation}</span>
          ${external
            ? html`<span part="external-badge" class="badge" title=${strings.externalDescription(author.organisation)}
                >${strings.external}</span
              >`
            : nothing}
        </span>
        <time part="time" class="time" datetime=${entry.at} title=${formatFull(entry.at, strings.locale)}>
          ${formatRelative(entry.at, this.#clock.now, strings.locale)}
        </time>
      </div>
      <div part="text" class="text">${this.#renderText(entry)}</div>
      ${this.#renderDelivery(entry, view)}
    `;
  }

  /** Under an entry of the viewer's until it is stored: sending, queued elsewhere, or failed. */
  #renderDelivery(entry: FeedPost | FeedReply, view: PostView | ReplyView): TemplateResult | typeof nothing {
    const strings = this.#strings;
    switch (view.delivery) {
      case Delivery.pending:
        return html`<p part="delivery" class="delivery">${strings.sending}</p>`;
      case Delivery.queued:
        return html`<p part="delivery" class="delivery queued">${strings.queued(this.#home)}</p>`;
      case Delivery.failed:
        return html`<p part="delivery" class="delivery failed">
          <span>${view.refused ? strings.refusedBy(this.#home) : strings.notSent} ${view.error ? strings.errorMessage(view.error.code) : ''}</span>
          <button part="retry-button" class="secondary" type="button" @click=${() => this.#retry(entry.clientId)}>
            ${strings.retry}
          </button>
        </p>`;
      default:
        return nothing;
    }
  }

  #renderReactions(entry: FeedPost | FeedReply): TemplateResult {
    const strings = this.#strings;
    const choosing = this._choosingReaction === entry.id;
    const name = (emoji: string) => strings.emojiNames[emoji] ?? emoji;
    return html`
      <div part="reactions" class="reactions" role="group" aria-label=${strings.reactionsLabel}>
        ${entry.reactions.map(
          (reaction) => html`
            <button
              part="reaction"
              class="reaction ${reaction.mine ? 'mine' : ''}"
              type="button"
              aria-pressed=${reaction.mine ? 'true' : 'false'}
              aria-label=${strings.reactionButton(name(reaction.emoji), reaction.count, reaction.mine)}
              @click=${() => this.#react(entry.id, reaction.emoji, !reaction.mine)}
            >
              <span aria-hidden="true">${reaction.emoji}</span>
              <span aria-hidden="true" class="count">${formatNumber(reaction.count, strings.locale)}</span>
            </button>
          `,
        )}
        <button
          part="add-reaction"
          class="quiet add-reaction"
          type="button"
          data-entry=${entry.id}
          aria-label=${strings.addReaction}
          aria-expanded=${choosing ? 'true' : 'false'}
          @click=${() => (this._choosingReaction = choosing ? undefined : entry.id)}
        >
          <span aria-hidden="true">☺︎+</span>
        </button>
        ${choosing
          ? html`<span
              part="reaction-choices"
              class="reaction-choices"
              role="group"
              aria-label=${strings.addReaction}
              @keydown=${this.#onChoicesKeydown}
            >
              ${REACTION_CHOICES.map(
                (emoji) => html`<button
                  type="button"
                  class="choice"
                  aria-label=${strings.reactWith(name(emoji))}
                  @click=${() => this.#choose(entry, emoji)}
                >
                  <span aria-hidden="true">${emoji}</span>
                </button>`,
              )}
            </span>`
          : nothing}
        ${this._reactionFailed?.entry === entry.id
          ? html`<p part="reaction-error" class="delivery failed">${this._reactionFailed.message}</p>`
          : nothing}
      </div>
    `;
  }

  #renderReplyComposer(post: FeedPost): TemplateResult {
    const strings = this.#strings;
    const mentions = this.#mentions;
    const listbox = replyMentions(post.id);
    return html`
      <form
        part="reply-composer"
        class="reply-composer"
        data-post=${post.id}
        @submit=${(event: SubmitEvent) => this.#onReplySubmit(event, post)}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'Escape') this.#toggleReplying(post.id, false, true);
        }}
      >
        <textarea
          part="reply-input"
          rows="1"
          maxlength=${MAX_TEXT_LENGTH}
          aria-label=${strings.replyLabel(post.author.name)}
          placeholder=${strings.replyPlaceholder}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded=${mentions.expanded(listbox) ? 'true' : 'false'}
          aria-controls=${listbox}
          aria-activedescendant=${mentions.activeDescendant(listbox) ?? nothing}
          .value=${live(this.#replyDrafts.get(post.id) ?? '')}
          @input=${(event: Event) => {
            this.#replyDrafts.set(post.id, (event.target as HTMLTextAreaElement).value);
            mentions.onInput(event);
          }}
          @keydown=${this.#onTextKeydown}
          @keyup=${mentions.onKeyup}
          @click=${mentions.onInput}
          @blur=${mentions.close}
        ></textarea>
        ${mentions.renderListbox(listbox, strings)}
        <div class="reply-actions">
          <button class="quiet" type="button" @click=${() => this.#toggleReplying(post.id, false, true)}>
            ${strings.cancel}
          </button>
          <button class="primary" type="submit">${strings.sendReply}</button>
        </div>
      </form>
    `;
  }

  /** What an entry says, parsed once per entry and rendered as templates (never as HTML). */
  #renderText(entry: FeedPost | FeedReply): TemplateResult[] {
    let blocks = this.#parsed.get(entry);
    if (!blocks) this.#parsed.set(entry, (blocks = parseText(entry.text)));
    return renderBlocks(blocks, this.#textOptions);
  }

  /** A member's mention as a chip (name, organisation, External); anything else as typed. */
  #renderMention(id: string, text: string): TemplateResult | string {
    const member = this.#memberIndex.get(id);
    if (!member) return text;
    const strings = this.#strings;
    const external = this.#isExternal(member);
    const me = member.id === this.#me?.person.id;
    return html`<span
      part="mention"
      class="mention ${external ? 'external' : ''} ${me ? 'me' : ''}"
      data-person=${member.id}
      title=${strings.mentionTitle(member.id, member.organisation)}
      >@${revealToString(member.name, RevealScope.all)} <span class="mention-organisation">${member.organisation}</span>${external
        ? html` <span class="mention-badge">${strings.external}</span>`
        : nothing}</span
    >`;
  }

  // —— behaviour ——

  #isExternal(person: Person): boolean {
    return this.#me !== undefined && person.organisation !== this.#me.person.organisation;
  }

  #isCurrent(connection: MutualConnection, group: string): boolean {
    return connection === this.#connection && group === this.group;
  }

  /** The suggestions take the keys they need first; then Ctrl/⌘+Enter sends. */
  #onTextKeydown = (event: KeyboardEvent): void => {
    if (!this.#mentions.onKeydown(event)) this.#onSubmitShortcut(event);
  };

  #onSubmitShortcut = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.isComposing) {
      event.preventDefault();
      (event.target as HTMLTextAreaElement).form?.requestSubmit();
    }
  };

  #onComposerSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLTextAreaElement>('#composer-input');
    const text = input?.value.trim() ?? '';
    const me = this.#me;
    if (!text || !me || !this.#model.loaded) return;
    const clientId = newClientId();
    this.#mentions.close();
    this.#model.addPendingPost(text, clientId, me.person, new Date(this.#clock.now).toISOString());
    this._draft = '';
    this._newPosts = 0;
    // The viewer's own post goes on top: bring the top into view if they had scrolled away.
    if (!this.#virtual.atTop) void this.#virtual.scrollToIndex(0);
    this.requestUpdate();
    void this.#send(clientId);
  };

  #onReplySubmit(event: SubmitEvent, post: FeedPost): void {
    event.preventDefault();
    const textarea = (event.currentTarget as HTMLFormElement).querySelector('textarea');
    const text = textarea?.value.trim() ?? '';
    const me = this.#me;
    if (!textarea || !text || !me) return;
    this.#mentions.close();
    const clientId = newClientId();
    if (!this.#model.addPendingReply(post.id, text, clientId, me.person, new Date(this.#clock.now).toISOString())) return;
    textarea.value = '';
    this.#replyDrafts.delete(post.id);
    this.requestUpdate();
    void this.#send(clientId);
  }

  /** Sends (or sends again, with the same clientId) an entry of the viewer's. */
  async #send(clientId: string): Promise<void> {
    const connection = this.#connection;
    const group = this.group;
    const local = this.#model.findLocal(clientId);
    if (!connection || !local) return;
    const operation: MutualOperation = local.reply ? 'reply' : 'post';
    try {
      if (local.reply) {
        const { parent, text } = local.reply.reply;
        const reply = await connection.api.createReply(group, parent, { text, clientId });
        if (!this.#isCurrent(connection, group)) return;
        if (isQueued(reply)) return this.#queued(group, clientId, reply.event);
        this.#model.acknowledgeReply(reply);
        this.requestUpdate();
        this.dispatchEvent(new MutualPostEvent(group, 'reply', reply));
      } else {
        const post = await connection.api.createPost(group, { text: local.post.post.text, clientId });
        if (!this.#isCurrent(connection, group)) return;
        if (isQueued(post)) return this.#queued(group, clientId, post.event);
        this.#model.acknowledgePost(post);
        this.requestUpdate();
        this.dispatchEvent(new MutualPostEvent(group, 'post', post));
      }
    } catch (error) {
      if (!this.#isCurrent(connection, group)) return;
      const failure = toApiError(error);
      if (!this.#model.markFailed(clientId, failure)) {
        // Its live echo came first: it was stored after all, and nothing else will say so.
        this.#dispatchIfSent(group, clientId);
        return;
      }
      this.requestUpdate();
      this.#announce(this.#strings.announceSendFailed);
      this.#reportError(operation, failure);
    }
  }

  /**
   * The viewer's server queued the entry for the group's home server: it stays `queued` until its
   * live echo, which fires `mutual-post` (see #onLive). Should the echo have come first, fire it now.
   */
  #queued(group: string, clientId: string, event: string): void {
    const delivery = this.#model.markQueued(clientId, event);
    if (delivery === Delivery.sent) this.#dispatchIfSent(group, clientId);
    else if (delivery === Delivery.queued) this.#watchEntry(event);
    this.requestUpdate();
  }

  /** Should the home refuse a queued entry, it shows as failed, with the home's reason and a Retry. */
  #watchEntry(event: string): void {
    const connection = this.#connection;
    const group = this.group;
    if (!connection) return;
    this.#refusals.watch(connection, event, (refusal) => {
      if (!this.#isCurrent(connection, group) || !this.#model.markRefused(event, refusalError(refusal))) return;
      this.requestUpdate();
      this.#announce(this.#strings.announceSendFailed);
    });
  }

  /** Should the home refuse a queued reaction, it goes back to what the server last said. */
  #watchReaction(event: string, entry: string, emoji: string): void {
    const connection = this.#connection;
    const group = this.group;
    if (!connection) return;
    this.#queuedReactions.set(event, { entry, emoji });
    this.#refusals.watch(connection, event, (refusal) => {
      this.#queuedReactions.delete(event);
      if (!this.#isCurrent(connection, group)) return;
      this.#model.refuseReaction(entry, emoji);
      const strings = this.#strings;
      const message = `${strings.reactionFailed} ${strings.refusedBy(this.#home)} ${strings.errorMessage(refusalError(refusal).code)}`;
      this._reactionFailed = { entry, message };
      this.#announce(message);
      this.requestUpdate();
    });
  }

  #dispatchIfSent(group: string, clientId: string): void {
    const found = this.#model.findLocal(clientId);
    if (found?.reply?.delivery === Delivery.sent) this.dispatchEvent(new MutualPostEvent(group, 'reply', found.reply.reply));
    else if (found && !found.reply && found.post.delivery === Delivery.sent) {
      this.dispatchEvent(new MutualPostEvent(group, 'post', found.post.post));
    }
  }

  #retry(clientId: string | undefined): void {
    if (!clientId) return;
    this.#model.markPending(clientId);
    this.requestUpdate();
    void this.#send(clientId);
    // The Retry button goes away with the failure: focus the composer rather than lose it.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="composer-input"]')?.focus());
  }

  async #react(entryId: string, emoji: string, on: boolean): Promise<void> {
    const connection = this.#connection;
    const group = this.group;
    if (!connection || !this.#model.toggleReaction(entryId, emoji, on)) return;
    this._reactionFailed = undefined;
    this.requestUpdate();
    try {
      const answer = await connection.api.react(group, entryId, { emoji, on });
      if (!this.#isCurrent(connection, group)) return;
      // Queued for the group's home server: shown as the viewer's until its live echo confirms it.
      this.#model.settleReaction(entryId, emoji, isQueued(answer) ? 'queued' : answer.reactions);
      if (isQueued(answer)) this.#watchReaction(answer.event, entryId, emoji);
    } catch (error) {
      if (!this.#isCurrent(connection, group)) return;
      // Back to what the server last said: that has the reaction if its live echo came first.
      this.#model.settleReaction(entryId, emoji, 'failed');
      this.#reportError('react', error);
      // Said beside the reactions and to screen readers: the count going back alone says nothing.
      if (!isAbortError(error)) {
        const strings = this.#strings;
        const message = `${strings.reactionFailed} ${strings.errorMessage(toApiError(error).code)}`;
        this._reactionFailed = { entry: entryId, message };
        this.#announce(message);
      }
    }
    this.requestUpdate();
  }

  #choose(entry: FeedPost | FeedReply, emoji: string): void {
    const mine = entry.reactions.find((reaction) => reaction.emoji === emoji)?.mine ?? false;
    void this.#react(entry.id, emoji, !mine);
    this.#closeChoices(entry.id);
  }

  #onChoicesKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this._choosingReaction) return;
    event.stopPropagation();
    this.#closeChoices(this._choosingReaction);
  };

  /** Closes the reaction choices and gives focus back to the button that opened them. */
  #closeChoices(entryId: string): void {
    this._choosingReaction = undefined;
    void this.updateComplete.then(() => {
      const opener = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="add-reaction"]')].find(
        (button) => button.dataset.entry === entryId,
      );
      opener?.focus();
    });
  }

  #toggleReplying(postId: string, open: boolean, restoreFocus = false): void {
    const next = new Set(this._replying);
    if (open) next.add(postId);
    else {
      next.delete(postId);
      this.#replyDrafts.delete(postId);
    }
    this._replying = next;
    void this.updateComplete.then(() => {
      const item = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="post"]')].find(
        (element) => element.dataset.id === postId,
      );
      if (open) item?.querySelector<HTMLTextAreaElement>('[part~="reply-input"]')?.focus();
      else if (restoreFocus) item?.querySelector<HTMLButtonElement>('[part~="reply-button"]')?.focus();
    });
  }

  #loadOlder = (): void => {
    const connection = this.#connection;
    const before = this.#model.next;
    if (!connection || !before) return;
    void this.#olderPage.run([connection, this.group, before, this.#pageSize]);
  };

  /** Scrolled back to the top: the new posts are seen. Near the end: load older ones. */
  #onViewportChange(reason: 'scroll' | 'resize'): void {
    if (reason === 'scroll') this.#userScrolled = true;
    if (this._newPosts > 0 && this.#virtual.atTop) this._newPosts = 0;
    this.#maybeLoadOlder();
  }

  #showNewPosts = (): void => {
    this._newPosts = 0;
    void this.#virtual.scrollToIndex(0, { focus: true });
  };

  /** Follows the element after the list; `ref` calls this with it, and with undefined when it goes. */
  readonly #watchSentinel = (element: Element | undefined): void => {
    this.#sentinelObserver?.disconnect();
    this.#sentinelObserver = undefined;
    this.#sentinel = element;
    this.#sentinelVisible = false;
    if (!element) return;
    // The viewport as root: IntersectionObserver also clips by every scrolling ancestor, so this
    // works whether the list scrolls in its own box or with the page.
    this.#sentinelObserver = new IntersectionObserver(
      (entries) => {
        this.#sentinelVisible = entries[entries.length - 1]!.isIntersecting;
        this.#maybeLoadOlder();
      },
      { rootMargin: '0px 0px 600px 0px' },
    );
    this.#sentinelObserver.observe(element);
  };

  #maybeLoadOlder(): void {
    const status = this.#olderPage.status;
    // After a failure, the button (and its error) take over until the viewer asks again.
    if (!this.#userScrolled || status === TaskStatus.PENDING || status === TaskStatus.ERROR) return;
    // The window already holds the last posts loaded: no need to wait for the end to come into view.
    const windowAtEnd = this.#virtual.range.end >= this.#model.posts.length - NEAR_END;
    if (this.#sentinelVisible || windowAtEnd) this.#loadOlder();
  }

  #onLive(message: LiveMessage): void {
    const type = message.event.type;
    // One of the viewer's queued writes, placed by the home: no refusal will come.
    if (message.event.author === this.#me?.person.id) {
      this.#refusals.settled(message.event.id);
      this.#queuedReactions.delete(message.event.id);
    }
    const connection = this.#connection;
    if ((type === 'member.added' || type === 'member.removed') && connection) {
      forgetGroupMembers(connection, this.group);
      void this.#members.run();
      return;
    }
    // A reply or a reaction may belong to a post of the page asked for ahead: ask again later.
    if (type !== 'post') this.#ahead.clear();
    // Read before the post is added: was the viewer reading further down?
    const scrolledAway = !this.#virtual.atTop;
    const change = this.#model.applyLive(message);
    if (!change) return;
    this.requestUpdate();
    switch (change.kind) {
      case 'delivered-post':
        this.dispatchEvent(new MutualPostEvent(this.group, 'post', change.post));
        return;
      case 'delivered-reply':
        this.dispatchEvent(new MutualPostEvent(this.group, 'reply', change.reply));
        return;
      case 'reaction':
        return;
    }
    if (change.mine) return;
    if (change.kind === 'post' && scrolledAway) this._newPosts++;
    const strings = this.#strings;
    const { name, organisation } = change.author;
    this.#announce(
      change.kind === 'post' ? strings.announceNewPost(name, organisation) : strings.announceNewReply(name, organisation),
    );
  }

  #announce(text: string): void {
    // Clearing first makes a repeated message be announced again.
    this._announcement = '';
    void this.updateComplete.then(() => (this._announcement = text));
  }

  #reportError(operation: MutualOperation, error: unknown): void {
    if (isAbortError(error)) return;
    const failure: MutualApiError = toApiError(error);
    this.dispatchEvent(new MutualErrorEvent(operation, failure));
  }
}
