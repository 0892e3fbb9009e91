import { Task, TaskStatus, initialState } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { cssProps } from '../styles/css-props.js';
import type { AgreementView, Cockpit, Me, Participation, Person, Task as PlanTask, WorkstreamProgress } from '@mutual/protocol';
import { isAbortError, toApiError, type MutualApiError } from '../connection/api-error.js';
import type { MutualConnection } from '../connection/connection.js';
import { following } from '../connection/following.js';
import type { TokenProvider } from '../connection/token-source.js';
import { ClockController } from '../controllers/clock-controller.js';
import { ConnectionController } from '../controllers/connection-controller.js';
import { ProvidedConnectionController } from '../controllers/provided-connection-controller.js';
import { MutualErrorEvent, type MutualOperation } from '../events/error-event.js';
import { formatRelative } from '../format/time.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { themeTokens, visuallyHidden } from '../styles/theme.js';
import { controlStyles } from '../styles/controls.js';
import { loadError } from '../templates/load-error.js';
import { widgetFrameStyles } from '../styles/widget-frame.js';
import { cockpitStyles } from './cockpit.styles.js';
import { formatCount, formatDay, organisationOf } from './format.js';
import { riskIcon, signedIcon } from './icons.js';
import { SpaceEventsController } from './space-events-controller.js';
import { cockpitCatalogs, workstreamName, type CockpitStrings } from './strings.js';

/** How far back "engaged" and "silent" look: `ENGAGEMENT_WINDOW_DAYS` in @mutual/protocol (not imported: it would pull zod into the bundle). */
const ENGAGEMENT_WINDOW_DAYS = 14;

/** Tasks a milestone waits on that show before "Show n more". */
const WAITING_SHOWN = 3;

/** The figures and what it takes to show them, for one connection. */
interface Loaded {
  connection: MutualConnection;
  cockpit: Cockpit;
  me: Me;
}

/** What the cockpit shows, in `data-state` on its base part. */
export type CockpitState = 'connecting' | 'loading' | 'error' | 'forbidden' | 'empty' | 'ready';

/** Codes that mean "not for you", shown as a polite notice rather than as a failure. */
const isRefusal = (code: string): boolean => code === 'forbidden' || code === 'not_a_member';

/**
 * @summary The decider's view of an evaluation: countdown to the decision date, progress and risk
 * per workstream, overdue and blocked tasks, next milestones and what they wait on, who took part
 * and who stayed silent, and recent decisions.
 *
 * @description For members of the space's steering group; anyone else sees a short notice. Every
 * figure is computed by the viewer's server from the groups the viewer is in: the cockpit only
 * shows them, and asks again (coalesced, ~300 ms) whenever a task, milestone, post, membership or
 * agreement event arrives on the live stream.
 *
 * Place it inside a `<mutual-space>`, which gives it the shared connection. On its own it needs
 * `server`, `space` and a `token` or `tokenProvider`, and opens its own connection. It speaks
 * English and French, following the nearest `lang` attribute (its own, an ancestor's, the
 * document's). Its default colours follow `prefers-color-scheme`, or `theme="light"` / `theme="dark"`
 * on the element; any `--mutual-*` value the host sets wins in both.
 *
 * @event mutual-error - {MutualErrorEvent} Loading the figures failed (`operation` is `load`), or
 * the cockpit's own live stream did (`stream`). The cockpit shows it too; a viewer outside the
 * steering group gives `code` `forbidden`.
 *
 * @csspart base - The outer container; `data-state` is `connecting`, `loading`, `error`, `forbidden`, `empty` or `ready`.
 * @csspart header - The title bar with the space name and the live status.
 * @csspart title - The cockpit's title.
 * @csspart space-name - The evaluation's name.
 * @csspart live-status - The live stream status indicator.
 * @csspart countdown - The countdown to the decision date; `data-days` holds the number of days.
 * @csspart countdown-value - The number of days.
 * @csspart decision-date - The decision date.
 * @csspart section - Each section (also named by its own part below).
 * @csspart heading - The heading of each section.
 * @csspart sub-heading - The "Engaged" and "Silent" headings.
 * @csspart workstreams - The progress-by-workstream section.
 * @csspart workstream - One workstream; `data-workstream` holds its slug and `data-risk` its risk.
 * @csspart workstream-name - A workstream's name.
 * @csspart progress - A workstream's progress bar (`role="progressbar"`).
 * @csspart progress-bar - The filled part of a progress bar.
 * @csspart progress-text - "3 of 5 done".
 * @csspart blocked-count - A workstream's blocked tasks count.
 * @csspart overdue-count - A workstream's overdue tasks count.
 * @csspart risk - A risk badge: text and a shape (circle on track, triangle at risk, octagon off track).
 * @csspart overdue - The overdue tasks section.
 * @csspart blocked - The blocked tasks section.
 * @csspart list - Each list of tasks, milestones, people or decisions.
 * @csspart task - A task in a list.
 * @csspart task-title - A task's title.
 * @csspart owner - A task's owner.
 * @csspart due - A task's due date.
 * @csspart milestones - The next milestones section.
 * @csspart milestone - One milestone.
 * @csspart milestone-title - A milestone's title.
 * @csspart milestone-date - A milestone's date.
 * @csspart waiting-on - The tasks a milestone waits on.
 * @csspart more-button - Shows all the tasks a milestone waits on, or fewer.
 * @csspart not-listed - "And N more on the plan": tasks counted but not listed (the first ten are).
 * @csspart people - The participation section.
 * @csspart note - The note saying what participation counts.
 * @csspart engaged - The people who took part.
 * @csspart silent - The people who did not.
 * @csspart person - A person in the engaged or silent list.
 * @csspart person-name - A person's name.
 * @csspart organisation - A person's organisation.
 * @csspart external-badge - The "External" mark of a person from another organisation.
 * @csspart activity - What an engaged person did, and when last.
 * @csspart decisions - The recent decisions section.
 * @csspart decision - One agreement; `data-committed` is `true` once both organisations signed.
 * @csspart decision-title - An agreement's title.
 * @csspart signed - The "Signed by both" mark.
 * @csspart unsigned - The "Not yet signed by both" mark.
 * @csspart state - A connecting, loading, empty, refused or error message.
 * @csspart retry-button - Loads the figures again after a failure.
 *
 * @cssproperty --mutual-font-family - Font of the widget.
 * @cssproperty --mutual-font-size - Base font size.
 * @cssproperty --mutual-line-height - Base line height.
 * @cssproperty --mutual-color-text - Text colour.
 * @cssproperty --mutual-color-text-muted - Secondary text colour.
 * @cssproperty --mutual-color-surface - Background.
 * @cssproperty --mutual-color-surface-alt - Background of progress tracks and cards.
 * @cssproperty --mutual-color-border - Borders and separators.
 * @cssproperty --mutual-color-accent - Progress bars, buttons, focus ring.
 * @cssproperty --mutual-color-on-accent - Text on the accent colour.
 * @cssproperty --mutual-color-accent-soft - Soft accent background.
 * @cssproperty --mutual-color-danger - Off track, overdue, failures.
 * @cssproperty --mutual-color-danger-soft - Background of the "Off track" badge.
 * @cssproperty --mutual-color-warning - At risk, blocked.
 * @cssproperty --mutual-color-warning-soft - Background of the "At risk" badge.
 * @cssproperty --mutual-color-success - On track, signed by both.
 * @cssproperty --mutual-color-success-soft - Background of the "On track" and "Signed by both" badges.
 * @cssproperty --mutual-color-external - Text of the "External" badge.
 * @cssproperty --mutual-color-external-soft - Background of the "External" badge.
 * @cssproperty --mutual-radius - Corner radius.
 * @cssproperty --mutual-spacing - Base spacing unit.
 * @cssproperty --mutual-focus-color - Focus ring colour (defaults to the accent).
 * @cssproperty --mutual-shadow - Shadow of the outer container.
 * @cssproperty --mutual-cockpit-progress-height - Height of the progress bars (default 0.5rem).
 * @cssproperty --mutual-cockpit-countdown-size - Font size of the countdown's number (default 2.5rem).
 */
export class MutualDeciderCockpit extends LitElement {
  static override styles = [themeTokens, visuallyHidden, widgetFrameStyles, controlStyles, cockpitStyles];

  static override properties = {
    server: {},
    space: {},
    // A property only: as an attribute the bearer token would sit in the page's HTML for any script to read.
    token: { attribute: false },
    tokenProvider: { attribute: false },
    _expanded: { state: true },
  };

  /** Standalone use only (outside `<mutual-space>`): the viewer's organisation's Mutual server. */
  declare server: string;
  /** Standalone use only: the space (evaluation) whose figures to show. */
  declare space: string;
  /** Standalone use only: a fixed embed token. Prefer `tokenProvider`. */
  declare token: string | undefined;
  /** Standalone use only: asks the host for a fresh embed token. */
  declare tokenProvider: TokenProvider | undefined;

  /** Milestones whose full waiting-on list is open, by id. */
  declare private _expanded: ReadonlySet<string>;

  readonly #provided = new ProvidedConnectionController(this);
  readonly #own = new ConnectionController(this, {
    settings: () => {
      if (this.#provided.value || !this.server || !this.space) return undefined;
      if (!this.token && !this.tokenProvider) return undefined;
      return { server: this.server, space: this.space, token: this.token, tokenProvider: this.tokenProvider };
    },
    onError: (error) => this.#reportError('stream', error),
  });
  readonly #locale = new LocaleController(this, cockpitCatalogs);
  readonly #clock = new ClockController(this);
  readonly #events = new SpaceEventsController(this, {
    connection: () => this.#connection,
    onChange: () => this.#refresh(),
  });
  #figures: Loaded | undefined;

  readonly #load = new Task(this, {
    task: async ([connection], { signal }): Promise<Loaded | typeof initialState> => {
      if (!connection) return initialState;
      // Asked once the stream follows the space, so that no change made meanwhile is missed.
      const [mySpace, me] = await Promise.all([connection.mySpace(), connection.me(), following(connection)]);
      signal.throwIfAborted();
      // Follow every group of the viewer's before asking, so that no change made meanwhile is missed.
      this.#events.follow(
        connection,
        mySpace.groups.map((group) => group.id),
      );
      const cockpit = await connection.api.cockpit(connection.space, { signal });
      return { connection, cockpit, me };
    },
    args: () => [this.#connection] as const,
    // Not called for a run that returned initialState, nor for one that a newer run replaced.
    onComplete: (loaded) => {
      this.#figures = loaded;
    },
    onError: (error) => {
      // Taken out of the steering group meanwhile: the figures are no longer theirs to see.
      // Either way, nothing it could hear would change the answer: stop asking on every event.
      if (isRefusal(toApiError(error).code)) {
        this.#figures = undefined;
        this.#events.stop();
      }
      this.#reportError('load', error);
    },
  });

  constructor() {
    super();
    this.server = '';
    this.space = '';
    this._expanded = new Set();
  }

  /** The connection in use: the enclosing space's, or this cockpit's own. */
  get connection(): MutualConnection | undefined {
    return this.#connection;
  }

  /** The figures on show, as the server computed them; undefined until they loaded. */
  get cockpit(): Cockpit | undefined {
    return this.#current?.cockpit;
  }

  get #connection(): MutualConnection | undefined {
    return this.#provided.value ?? this.#own.connection;
  }

  /** The last figures, if they belong to the current connection. */
  get #current(): Loaded | undefined {
    const figures = this.#figures;
    return figures && figures.connection === this.#connection ? figures : undefined;
  }

  get #strings(): CockpitStrings {
    return this.#locale.strings;
  }

  get #state(): CockpitState {
    const current = this.#current;
    if (current) return current.cockpit.workstreams.length === 0 ? 'empty' : 'ready';
    switch (this.#load.status) {
      case TaskStatus.PENDING:
        return 'loading';
      case TaskStatus.ERROR:
        return isRefusal(toApiError(this.#load.error).code) ? 'forbidden' : 'error';
      default:
        return this.#connection ? 'loading' : 'connecting';
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
    const current = this.#current;
    const state = this.#state;
    const refreshing = current !== undefined && this.#load.status === TaskStatus.PENDING;
    return html`
      <section
        part="base"
        class="base"
        lang=${strings.locale}
        aria-labelledby="title"
        aria-busy=${state === 'loading' || refreshing ? 'true' : 'false'}
        data-state=${state}
      >
        <header part="header" class="header">
          <div class="heading-group">
            <h2 part="title" id="title" class="title" tabindex="-1">${strings.title}</h2>
            ${current ? html`<p part="space-name" class="space-name">${current.cockpit.space.name}</p>` : nothing}
          </div>
          ${current
            ? html`<span part="live-status" class="live-status" data-status=${this.#events.status}>
                <span class="dot" aria-hidden="true"></span>${strings.liveStatus[this.#events.status]}
              </span>`
            : nothing}
        </header>
        ${current ? this.#renderFigures(current) : this.#renderState(state)}
      </section>
    `;
  }

  #renderState(state: CockpitState): TemplateResult {
    const strings = this.#strings;
    switch (state) {
      case 'connecting':
        return html`<p part="state" class="state">${strings.connecting}</p>`;
      case 'forbidden': {
        const code = toApiError(this.#load.error).code;
        return html`
          <div part="state" class="state notice" data-code=${code}>
            ${code === 'forbidden'
              ? html`<p class="notice-title">${strings.forbiddenTitle}</p>
                  <p>${strings.forbiddenBody}</p>`
              : html`<p class="notice-title">${strings.notAMember}</p>`}
          </div>
        `;
      }
      case 'error':
        return loadError(strings, this.#load.error, this.#refresh);
      default:
        return html`<p part="state" class="state">${strings.loading}</p>`;
    }
  }

  #renderFigures({ cockpit, me }: Loaded): TemplateResult {
    const strings = this.#strings;
    const people = directory(cockpit, me);
    const year = Number(cockpit.today.slice(0, 4));
    const refreshFailed = this.#load.status === TaskStatus.ERROR;
    return html`
      ${this.#renderCountdown(cockpit)}
      ${refreshFailed
        ? html`<div part="state" class="state error inline" role="alert" data-code=${toApiError(this.#load.error).code}>
            <p>${strings.refreshFailed}</p>
            <button part="retry-button" class="secondary" type="button" @click=${this.#refresh}>${strings.tryAgain}</button>
          </div>`
        : nothing}
      <div class="sections">
        ${this.#renderWorkstreams(cockpit.workstreams)}
        ${this.#renderTaskSection('overdue', strings.overdueHeading, strings.noOverdue, cockpit.overdue, cockpit.overdueTotal, people, me, year, cockpit.today)}
        ${this.#renderTaskSection('blocked', strings.blockedHeading, strings.noBlocked, cockpit.blocked, cockpit.blockedTotal, people, me, year, cockpit.today)}
        ${this.#renderMilestones(cockpit, people, me, year)}
        ${this.#renderDecisions(cockpit.decisions, year)}
        ${this.#renderPeople(cockpit, me)}
      </div>
    `;
  }

  #renderCountdown(cockpit: Cockpit): TemplateResult {
    const strings = this.#strings;
    const days = cockpit.daysToDecision;
    const { value, label } = strings.countdown(days);
    const tense = days === undefined ? 'none' : days > 0 ? 'future' : days === 0 ? 'today' : 'past';
    const date = cockpit.space.decisionDate;
    return html`
      <div part="countdown" class="countdown" data-days=${days ?? ''} data-tense=${tense}>
        <p class="countdown-text">
          ${value !== undefined ? html`<span part="countdown-value" class="countdown-value">${value}</span> ` : nothing}<span
            class="countdown-label"
            >${label}</span
          >
        </p>
        ${date
          ? html`<p part="decision-date" class="decision-date">
              <time datetime=${date}>${strings.decisionDate(formatDay(date, strings.locale, 'long'))}</time>
            </p>`
          : nothing}
      </div>
    `;
  }

  #renderWorkstreams(workstreams: readonly WorkstreamProgress[]): TemplateResult {
    const strings = this.#strings;
    return html`
      <section part="section workstreams" class="section workstreams" aria-labelledby="workstreams-heading">
        <h3 part="heading" id="workstreams-heading" class="section-heading">${strings.workstreamsHeading}</h3>
        ${workstreams.length === 0
          ? html`<p part="state" class="state empty">${strings.empty}</p>`
          : html`<ul part="list" class="list workstream-list">
              ${workstreams.map((progress, index) => this.#renderWorkstream(progress, index))}
            </ul>`}
      </section>
    `;
  }

  #renderWorkstream(progress: WorkstreamProgress, index: number): TemplateResult {
    const strings = this.#strings;
    const { workstream, done, total, blocked, overdue, risk } = progress;
    const nameId = `workstream-${index}`;
    const text = strings.progressText(done, total);
    const ratio = total > 0 ? Math.min(1, done / total) : 0;
    return html`
      <li part="workstream" class="workstream" data-workstream=${workstream} data-risk=${risk}>
        <div class="workstream-head">
          <span part="workstream-name" id=${nameId} class="workstream-name">${workstreamName(strings, workstream)}</span>
          <span part="risk" class="badge risk" data-risk=${risk}>${riskIcon(risk)}<span>${strings.risk[risk] ?? risk}</span></span>
        </div>
        <div
          part="progress"
          class="progress"
          role="progressbar"
          aria-labelledby=${nameId}
          aria-valuemin="0"
          aria-valuemax=${Math.max(total, 1)}
          aria-valuenow=${done}
          aria-valuetext=${text}
        >
          <div part="progress-bar" class="progress-bar" ${cssProps({ '--_ratio': ratio })}></div>
        </div>
        <p class="workstream-figures">
          <span part="progress-text" class="progress-text">${text}</span>
          <span part="blocked-count" class="count" data-count=${blocked}>${strings.blockedCount(blocked)}</span>
          <span part="overdue-count" class="count" data-count=${overdue}>${strings.overdueCount(overdue)}</span>
        </p>
      </li>
    `;
  }

  #renderTaskSection(
    kind: 'overdue' | 'blocked',
    heading: string,
    none: string,
    tasks: readonly PlanTask[],
    /** How many there are in all: the server lists the first few. */
    total: number | undefined,
    people: ReadonlyMap<string, Person>,
    me: Me,
    year: number,
    today: string,
  ): TemplateResult {
    const count = Math.max(total ?? 0, tasks.length);
    return html`
      <section part="section ${kind}" class="section ${kind}" aria-labelledby="${kind}-heading">
        <h3 part="heading" id="${kind}-heading" class="section-heading">
          ${heading} <span class="heading-count" data-count=${count}>${formatCount(count, this.#strings.locale)}</span>
        </h3>
        ${tasks.length === 0
          ? html`<p class="none">${none}</p>`
          : html`<ul part="list" class="list task-list">
                ${tasks.map((task) => this.#renderTask(task, people, me, year, today, kind === 'overdue'))}
              </ul>
              ${this.#renderNotListed(count - tasks.length)}`}
      </section>
    `;
  }

  /** "And N more, on the plan": what the server counted but did not list. */
  #renderNotListed(count: number): TemplateResult | typeof nothing {
    return count > 0 ? html`<p part="not-listed" class="note not-listed">${this.#strings.notListed(count)}</p>` : nothing;
  }

  /** In the overdue list the heading says a task is late; elsewhere its due date says so itself. */
  #renderTask(task: PlanTask, people: ReadonlyMap<string, Person>, me: Me, year: number, today: string, inOverdueList = false): TemplateResult {
    const strings = this.#strings;
    const late = task.due !== undefined && task.due < today && task.status !== 'done';
    const due = task.due && formatDay(task.due, strings.locale, 'short', year);
    return html`
      <li part="task" class="task" data-id=${task.id} data-status=${task.status}>
        <span part="task-title" class="task-title">${task.title}</span>
        <span class="task-meta">
          <span part="owner" class="owner">
            <span class="visually-hidden">${strings.ownerLabel} </span>${task.owner
              ? this.#renderPerson(people.get(task.owner) ?? unknownPerson(task.owner), me)
              : html`<span class="muted">${strings.noOwner}</span>`}
          </span>
          ${task.due
            ? html`<time part="due" class="due ${late ? 'late' : ''}" datetime=${task.due}
                >${late && !inOverdueList ? strings.dueLate(due!) : strings.due(due!)}</time
              >`
            : html`<span part="due" class="due muted">${strings.noDue}</span>`}
        </span>
      </li>
    `;
  }

  /** Name, organisation, and "External" when the person is not of the viewer's organisation. */
  #renderPerson(person: Person, me: Me): TemplateResult {
    const strings = this.#strings;
    const external = person.organisation !== me.organisation.domain;
    return html`<span part="person-name" class="person-name">${person.name}</span>
      <span part="organisation" class="organisation">${person.organisation}</span>
      ${external
        ? html`<span part="external-badge" class="badge external" title=${strings.externalDescription(person.organisation)}
            >${strings.external}</span
          >`
        : nothing}`;
  }

  #renderMilestones(cockpit: Cockpit, people: ReadonlyMap<string, Person>, me: Me, year: number): TemplateResult {
    const strings = this.#strings;
    const milestones = cockpit.nextMilestones;
    return html`
      <section part="section milestones" class="section milestones" aria-labelledby="milestones-heading">
        <h3 part="heading" id="milestones-heading" class="section-heading">${strings.milestonesHeading}</h3>
        ${milestones.length === 0
          ? html`<p class="none">${strings.noMilestones}</p>`
          : html`<ol part="list" class="list milestone-list">
              ${milestones.map((milestone, index) => {
                const expanded = this._expanded.has(milestone.id);
                const waiting = milestone.waitingOn;
                const shown = expanded ? waiting : waiting.slice(0, WAITING_SHOWN);
                const hidden = waiting.length - WAITING_SHOWN;
                return html`
                  <li part="milestone" class="milestone" data-id=${milestone.id}>
                    <div class="milestone-head">
                      <span part="milestone-title" class="milestone-title">${milestone.title}</span>
                      <time part="milestone-date" class="milestone-date" datetime=${milestone.date}
                        >${formatDay(milestone.date, strings.locale, 'short', year)}</time
                      >
                    </div>
                    ${waiting.length === 0
                      ? html`<p class="none">${strings.nothingWaiting}</p>`
                      : html`
                          <p class="waiting-label" id="waiting-label-${index}">${strings.waitingOn}</p>
                          <ul part="list waiting-on" class="list waiting-on" id="waiting-${index}" aria-labelledby="waiting-label-${index}">
                            ${shown.map((task) => this.#renderTask(task, people, me, year, cockpit.today))}
                          </ul>
                          ${expanded || hidden <= 0 ? this.#renderNotListed((milestone.waitingOnTotal ?? 0) - waiting.length) : nothing}
                          ${hidden > 0
                            ? html`<button
                                part="more-button"
                                class="quiet more"
                                type="button"
                                aria-expanded=${expanded ? 'true' : 'false'}
                                aria-controls="waiting-${index}"
                                @click=${() => this.#toggleExpanded(milestone.id)}
                              >
                                ${expanded ? strings.showFewer : strings.showMore(hidden)}
                              </button>`
                            : nothing}
                        `}
                  </li>
                `;
              })}
            </ol>`}
      </section>
    `;
  }

  #renderPeople(cockpit: Cockpit, me: Me): TemplateResult {
    const strings = this.#strings;
    const { engaged, silent } = cockpit;
    return html`
      <section part="section people" class="section people" aria-labelledby="people-heading" aria-describedby="people-note">
        <h3 part="heading" id="people-heading" class="section-heading">${strings.peopleHeading(ENGAGEMENT_WINDOW_DAYS)}</h3>
        <p part="note" id="people-note" class="note">${strings.participationNote}</p>
        <div class="people-columns">
          <div part="engaged" class="engaged">
            <h4 part="sub-heading" id="engaged-heading" class="sub-heading">
              ${strings.engagedHeading} <span class="heading-count" data-count=${engaged.length}>${engaged.length}</span>
            </h4>
            ${engaged.length === 0
              ? html`<p class="none">${strings.noEngaged}</p>`
              : html`<ul part="list" class="list people-list" aria-labelledby="engaged-heading">
                  ${engaged.map((entry) => this.#renderEngaged(entry, me))}
                </ul>`}
          </div>
          <div part="silent" class="silent">
            <h4 part="sub-heading" id="silent-heading" class="sub-heading">
              ${strings.silentHeading} <span class="heading-count" data-count=${silent.length}>${silent.length}</span>
            </h4>
            ${silent.length === 0
              ? html`<p class="none">${strings.noSilent}</p>`
              : html`<ul part="list" class="list people-list" aria-labelledby="silent-heading">
                  ${silent.map(
                    (person) => html`<li part="person" class="person" data-person=${person.id}>
                      <span class="who">${this.#renderPerson(person, me)}</span>
                    </li>`,
                  )}
                </ul>`}
          </div>
        </div>
      </section>
    `;
  }

  #renderEngaged(entry: Participation, me: Me): TemplateResult {
    const strings = this.#strings;
    const activity = strings.activity(entry.posts, entry.taskChanges);
    const last = entry.lastActive ? formatRelative(entry.lastActive, this.#clock.now, strings.locale) : '';
    return html`
      <li part="person" class="person" data-person=${entry.person.id}>
        <span class="who">${this.#renderPerson(entry.person, me)}</span>
        <span part="activity" class="activity"
          >${activity}${last
            ? html` · <time datetime=${entry.lastActive!}>${strings.lastActive(last)}</time>`
            : nothing}</span
        >
      </li>
    `;
  }

  #renderDecisions(decisions: readonly AgreementView[], year: number): TemplateResult {
    const strings = this.#strings;
    return html`
      <section part="section decisions" class="section decisions" aria-labelledby="decisions-heading">
        <h3 part="heading" id="decisions-heading" class="section-heading">${strings.decisionsHeading}</h3>
        ${decisions.length === 0
          ? html`<p class="none">${strings.noDecisions}</p>`
          : html`<ul part="list" class="list decision-list">
              ${decisions.map(
                (decision) => html`
                  <li part="decision" class="decision" data-id=${decision.id} data-committed=${decision.committed ? 'true' : 'false'}>
                    <span part="decision-title" class="decision-title">${decision.title}</span>
                    <span class="decision-meta">
                      <span class="decision-kind">${strings.agreementKind[decision.kind] ?? decision.kind}</span>
                      ${decision.date
                        ? html`<time datetime=${decision.date}>${formatDay(decision.date, strings.locale, 'short', year)}</time>`
                        : nothing}
                      ${decision.committed
                        ? html`<span part="signed" class="badge signed">${signedIcon()}<span>${strings.signedByBoth}</span></span>`
                        : html`<span part="unsigned" class="badge unsigned">${strings.notYetSigned}</span>`}
                    </span>
                    ${decision.measure ? html`<span class="decision-measure">${decision.measure}</span>` : nothing}
                  </li>
                `,
              )}
            </ul>`}
      </section>
    `;
  }

  #toggleExpanded(milestoneId: string): void {
    const next = new Set(this._expanded);
    if (next.has(milestoneId)) next.delete(milestoneId);
    else next.add(milestoneId);
    this._expanded = next;
  }

  /** Asks the server for the figures again; the ones on show stay until the answer. */
  #refresh = (): void => {
    if (this.#connection && this.isConnected) void this.#load.run();
  };

  #reportError(operation: MutualOperation, error: unknown): void {
    if (isAbortError(error)) return;
    const failure: MutualApiError = toApiError(error);
    this.dispatchEvent(new MutualErrorEvent(operation, failure));
  }
}

/** Everyone the figures name, by id, to show a task owner's name and organisation. */
function directory(cockpit: Cockpit, me: Me): Map<string, Person> {
  const people = new Map<string, Person>([[me.person.id, me.person]]);
  for (const entry of cockpit.engaged) people.set(entry.person.id, entry.person);
  for (const person of cockpit.silent) people.set(person.id, person);
  return people;
}

/** An owner the figures do not name (no longer in the viewer's groups): their id and its domain. */
function unknownPerson(id: string): Person {
  return { id, name: id, organisation: organisationOf(id) };
}
