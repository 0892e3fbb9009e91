import { Task as AsyncTask, initialState } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type {
  Clock,
  GroupMembers,
  LiveMessage,
  Me,
  MyGroup,
  MySpace,
  Person,
  SpaceTasks,
  Task,
  TaskChanges,
  TaskStatus,
} from '@mutual/protocol';
import { isAbortError, toApiError } from '../connection/api-error.js';
import { EVERY_GROUP, type MutualConnection } from '../connection/connection.js';
import { following } from '../connection/following.js';
import { RefusalWatches, refusalError } from '../connection/refusal-watch.js';
import type { TokenProvider } from '../connection/token-source.js';
import { isQueued } from '../connection/write-result.js';
import { ClockController } from '../controllers/clock-controller.js';
import { ConnectionController } from '../controllers/connection-controller.js';
import { ProvidedConnectionController } from '../controllers/provided-connection-controller.js';
import { MutualErrorEvent, type MutualOperation } from '../events/error-event.js';
import { MutualRequestTaskMoveEvent } from '../events/request-task-move-event.js';
import { MutualTaskChangeEvent, type MutualTaskChangeKind } from '../events/task-change-event.js';
import { groupDisplayName, groupNameCatalogs } from '../i18n/group-names.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { themeTokens, visuallyHidden } from '../styles/theme.js';
import { controlStyles } from '../styles/controls.js';
import { loadError } from '../templates/load-error.js';
import { widgetFrameStyles } from '../styles/widget-frame.js';
import {
  BoardModel,
  compareTasks,
  hasFilters,
  isLongPlan,
  isOverdue,
  lanesOf,
  matchesFilters,
  openCount,
  organisationOf,
  PLAN_LANE,
  STANDARD_WORKSTREAMS,
  STATUSES,
  taskKey,
  timelineOf,
  type BoardChange,
  type BoardFilters,
  type Place,
} from './board-model.js';
import { boardStyles } from './board.styles.js';
import { CARD_BUTTON_SELECTOR, CARD_SELECTOR, renderCard, type CardView } from './card.js';
import { localDay } from './dates.js';
import { GroupsLiveController } from './groups-live-controller.js';
import { boardStrings, type BoardStrings } from './strings.js';
import { renderTaskForm, type DialogChoices, type DialogHandlers, type DialogState } from './task-dialog.js';
import { changesOf, draftOf, FIELD_ORDER, isValid, newTaskOf, validateDraft, type TaskDraft, type TaskField } from './task-form.js';
import { renderTimeline } from './timeline.js';

type Member = GroupMembers['members'][number];

/** What the board does when it fails; hosts switch on it (see the report on `MutualOperation`). */
type BoardOperation = 'load' | 'stream' | 'create-task' | 'update-task' | 'move-task';

interface LoadedPlan {
  me: Me;
  space: MySpace;
  plan: SpaceTasks;
  members: Map<string, Member[]>;
}

/** A card picked up with the keyboard: where it was, and where it would go now. */
interface Grab {
  key: string;
  from: Place;
  at: Place;
}

interface Notice {
  message: string;
  tone: 'error' | 'info';
}

const TASK_TYPE = 'application/x-mutual-task';

/** `filter-organisation=""` says nothing: an empty filter removes the attribute. */
const optionalText = {
  fromAttribute: (value: string | null) => value ?? '',
  toAttribute: (value: string) => (value ? value : null),
};

/**
 * @summary The mutual action plan: every task of the viewer's groups on a board of status columns
 * and workstream lanes, with milestones toward the decision date. Tasks are created and edited in a
 * dialog and moved by drag and drop or with the keyboard alone.
 *
 * @description Place it inside a `<mutual-space>`, which gives it the shared connection. On its
 * own it needs `server`, `space` and a `token` or `tokenProvider`, and opens its own connection.
 * It shows the tasks and milestones of every group the viewer belongs to — the server sends no
 * others — and follows their changes live.
 *
 * Keyboard: Tab reaches each card; Enter opens it for editing; Space picks it up, the arrow keys
 * move it (left and right between status columns, up and down between workstream lanes), and
 * Space or Enter drops it where it is, Escape puts it back. Each step is announced. After a move,
 * focus stays on the moved card.
 *
 * Moves show at once and roll back with a message if the server refuses them. Before each move the
 * board fires a cancelable `mutual-request-task-move`: a host may veto it with `preventDefault()`.
 * In a group homed on another organisation's server, a change is queued (`202`) and the card says
 * so until the live stream brings it back.
 *
 * Its default colours follow `prefers-color-scheme`, or `theme="light"` / `theme="dark"` on the
 * element; `--mutual-*` tokens set by the host win either way.
 *
 * The filters are reflected to attributes (`filter-mine`, `filter-overdue`, `filter-organisation`,
 * `filter-workstream`), so a host can preset them or keep them in its URL.
 *
 * @event mutual-request-task-move - {MutualRequestTaskMoveEvent} Before a task moves (drag and drop or keyboard); cancelable: `preventDefault()` vetoes the move.
 * @event mutual-task-change - {MutualTaskChangeEvent} A task the viewer created, moved or edited is stored (for a queued write: when its live echo arrives).
 * @event mutual-error - {MutualErrorEvent} A request failed (`operation`: `load`, `stream`, `create-task`, `update-task`, `move-task`); the board shows it too.
 *
 * @csspart base - The outer container.
 * @csspart header - The title bar with the board's title and the live status.
 * @csspart title - The board's title.
 * @csspart live-status - The live stream status indicator.
 * @csspart toolbar - The filters, the task count and the New task button.
 * @csspart filter - Each filter control (also `filter-mine`, `filter-overdue`, `filter-organisation`, `filter-workstream`).
 * @csspart clear-filters - The button that clears every filter.
 * @csspart count - How many tasks are shown.
 * @csspart new-task-button - Opens the dialog to create a task.
 * @csspart notice - A failed move or a queued write, with a Dismiss button.
 * @csspart warning - The gentle warning shown when the plan has more than 30 open steps.
 * @csspart timeline - The milestone strip between today and the decision date.
 * @csspart decision - The decision date and how far away it is.
 * @csspart milestone - One milestone on the strip (also `milestone-done`, `milestone-late`, `milestone-upcoming`).
 * @csspart board - The grid of lanes and columns.
 * @csspart column - A status column heading (To do, Doing, Blocked, Done).
 * @csspart lane - A workstream lane (a row of the board).
 * @csspart lane-header - The name of a lane, its count and its add button.
 * @csspart add-button - The button that adds a task to a lane.
 * @csspart cell - The tasks of one lane in one status: a drop target.
 * @csspart card - A task card.
 * @csspart card-button - The button of a card: Enter edits the task, Space picks it up to move it.
 * @csspart card-title - The title of a task.
 * @csspart avatar - The initials of a task's owner.
 * @csspart owner - A task's owner: name and organisation.
 * @csspart organisation - The owner's organisation.
 * @csspart external-badge - The "External" mark of an owner from another organisation.
 * @csspart due - A task's due date.
 * @csspart overdue-badge - The "Overdue" mark of an open task past its due date.
 * @csspart deliverable - A task's deliverable.
 * @csspart group-badge - Marks a task that only the members of a restricted group (steering, internal) see.
 * @csspart sync - "Saving…" or "Queued for …" on a card not yet confirmed.
 * @csspart state - A loading, empty or error message.
 * @csspart retry-button - Loads the plan again after a failure.
 * @csspart dialog - The create and edit dialog (a native modal `<dialog>`).
 * @csspart dialog-title - The dialog's heading.
 * @csspart field - A labelled field of the dialog.
 * @csspart problem - A validation message under a field.
 * @csspart save-button - The dialog's submit button.
 * @csspart cancel-button - The dialog's cancel button.
 *
 * @cssproperty --mutual-font-family - Font of the widget.
 * @cssproperty --mutual-font-size - Base font size.
 * @cssproperty --mutual-line-height - Base line height.
 * @cssproperty --mutual-color-text - Text colour.
 * @cssproperty --mutual-color-text-muted - Secondary text colour.
 * @cssproperty --mutual-color-surface - Background of the board and its cards.
 * @cssproperty --mutual-color-surface-alt - Background of lanes, cells and inputs.
 * @cssproperty --mutual-color-border - Borders and separators.
 * @cssproperty --mutual-color-accent - Buttons, pressed filters, focus ring, drop targets.
 * @cssproperty --mutual-color-on-accent - Text on the accent colour.
 * @cssproperty --mutual-color-accent-soft - Background of pressed filters and drop targets.
 * @cssproperty --mutual-color-danger - Overdue tasks, late milestones, failures.
 * @cssproperty --mutual-color-warning - The edge and icon of the long-plan warning.
 * @cssproperty --mutual-color-external - Text of the "External" badge.
 * @cssproperty --mutual-color-external-soft - Background of the "External" badge.
 * @cssproperty --mutual-radius - Corner radius.
 * @cssproperty --mutual-spacing - Base spacing unit.
 * @cssproperty --mutual-focus-color - Focus ring colour (defaults to the accent).
 * @cssproperty --mutual-shadow - Shadow of the outer container and of a picked-up card.
 * @cssproperty --mutual-board-column-min-width - Narrowest a status column gets before the board scrolls sideways (default 13rem).
 * @cssproperty --mutual-board-max-height - Scroll the board beyond this height (default: none).
 */
export class MutualWorkstreamBoard extends LitElement {
  static override styles = [themeTokens, visuallyHidden, widgetFrameStyles, controlStyles, boardStyles];

  static override properties = {
    server: {},
    space: {},
    // A property only: as an attribute the bearer token would sit in the page's HTML for any script to read.
    token: { attribute: false },
    tokenProvider: { attribute: false },
    filterMine: { type: Boolean, attribute: 'filter-mine', reflect: true },
    filterOverdue: { type: Boolean, attribute: 'filter-overdue', reflect: true },
    filterOrganisation: { attribute: 'filter-organisation', reflect: true, converter: optionalText },
    filterWorkstream: { attribute: 'filter-workstream', reflect: true, converter: optionalText },
    clock: { attribute: false },
    _grab: { state: true },
    _dialog: { state: true },
    _notice: { state: true },
    _announcement: { state: true },
    _dropTarget: { state: true },
  };

  /** Standalone use only (outside `<mutual-space>`): the viewer's organisation's Mutual server. */
  declare server: string;
  /** Standalone use only: the space (evaluation) whose plan to show. */
  declare space: string;
  /** Standalone use only: a fixed embed token. Prefer `tokenProvider`. */
  declare token: string | undefined;
  /** Standalone use only: asks the host for a fresh embed token. */
  declare tokenProvider: TokenProvider | undefined;
  /** Only the viewer's tasks (attribute `filter-mine`). */
  declare filterMine: boolean;
  /** Only open tasks past their due date (attribute `filter-overdue`). */
  declare filterOverdue: boolean;
  /** Only tasks owned by people of this organisation, a domain such as `buyer.example`; empty for all (attribute `filter-organisation`). */
  declare filterOrganisation: string;
  /** Only this workstream lane (`proof`, …, or `plan` for the overall plan); empty for all (attribute `filter-workstream`). */
  declare filterWorkstream: string;
  /** Where "today" comes from (overdue tasks, the milestone strip): ms since the epoch. Defaults to the system clock. */
  declare clock: Clock | undefined;

  declare private _grab: Grab | undefined;
  declare private _dialog: DialogState | undefined;
  declare private _notice: Notice | undefined;
  declare private _announcement: string;
  /** The cell a dragged card is over, as `lane|status`. */
  declare private _dropTarget: string | undefined;

  readonly #locale = new LocaleController(this, boardStrings);
  readonly #provided = new ProvidedConnectionController(this);
  readonly #own = new ConnectionController(this, {
    settings: () => {
      if (this.#provided.value || !this.server || !this.space) return undefined;
      if (!this.token && !this.tokenProvider) return undefined;
      return { server: this.server, space: this.space, token: this.token, tokenProvider: this.tokenProvider };
    },
    onError: (error) => this.#reportError('stream', error),
  });
  readonly #live = new GroupsLiveController(
    this,
    (message) => this.#onLive(message),
    () => void this.#load.run(),
  );
  readonly #clock = new ClockController(this, { intervalMs: 60_000, clock: () => (this.clock ?? Date.now)() });
  readonly #model = new BoardModel();
  #me: Me | undefined;
  #space: MySpace | undefined;
  #members = new Map<string, Member[]>();
  #people = new Map<string, Person>();
  /** Writes queued for another organisation's server, by the id their event will have. */
  readonly #queued = new Map<string, { kind: MutualTaskChangeKind; title: string; group: string }>();
  /** The same writes, watched in case the group's home server refuses them. */
  readonly #refusals = new RefusalWatches();
  /** The card to focus after the next render (it may be a new element in another cell). */
  #focusKey: string | undefined;
  /** The element to give focus back to when the dialog closes without a card to focus. */
  #opener: HTMLElement | undefined;
  /** A card that just moved stays shown even if it no longer matches the filters, until focus leaves it. */
  #sticky: string | undefined;
  #dragKey: string | undefined;
  #sessions = 0;

  readonly #load = new AsyncTask(this, {
    task: async ([connection], { signal }): Promise<LoadedPlan | typeof initialState> => {
      this.#model.clear();
      // What was queued is read again with the plan: placed by now, or not there.
      this.#queued.clear();
      this.#refusals.clear();
      this.#live.stop();
      if (!connection) return initialState;
      // Follow every group before reading the plan, and read it once the stream follows the space,
      // so that no change made meanwhile is missed; the plan (with its groups' members) is read
      // along with the viewer and their groups.
      this.#live.follow(connection, [EVERY_GROUP]);
      const [me, space, plan] = await Promise.all([
        connection.me(),
        connection.mySpace(),
        following(connection).then(() => connection.api.spaceTasks(connection.space, { signal })),
      ]);
      const members = new Map(space.groups.map((group) => [group.id, plan.members[group.id] ?? []]));
      return { me, space, plan, members };
    },
    args: () => [this.#connection] as const,
    onComplete: ({ me, space, plan, members }) => {
      this._grab = undefined;
      this.#me = me;
      this.#space = space;
      this.#members = members;
      this.#people = new Map([[me.person.id, me.person]]);
      for (const list of members.values()) for (const person of list) this.#people.set(person.id, person);
      this.#model.load(plan, space.groups);
    },
    onError: (error) => this.#reportError('load', error),
  });

  constructor() {
    super();
    this.server = '';
    this.space = '';
    this.filterMine = false;
    this.filterOverdue = false;
    this.filterOrganisation = '';
    this.filterWorkstream = '';
    this._announcement = '';
  }

  /** The connection in use: the enclosing space's, or this board's own. */
  get connection(): MutualConnection | undefined {
    return this.#connection;
  }

  get #connection(): MutualConnection | undefined {
    return this.#provided.value ?? this.#own.connection;
  }

  get #strings(): BoardStrings {
    return this.#locale.strings;
  }

  get #today(): string {
    return localDay(this.#clock.now);
  }

  get #filters(): BoardFilters {
    return {
      mine: this.filterMine,
      overdue: this.filterOverdue,
      organisation: this.filterOrganisation,
      workstream: this.filterWorkstream,
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const filters = ['filterMine', 'filterOverdue', 'filterOrganisation', 'filterWorkstream'] as const;
    if (filters.some((name) => changed.has(name))) {
      this.#sticky = undefined;
    }
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog');
    if (dialog && this._dialog && !dialog.open) dialog.showModal();
    else if (dialog && !this._dialog && dialog.open) dialog.close();
    const key = this.#focusKey;
    if (key !== undefined && !this._dialog) {
      this.#focusKey = undefined;
      const card = this.#card(key);
      if (card && this.shadowRoot?.activeElement !== card) card.focus();
    }
  }

  // —— rendering ——

  /** Resolves once rendered in the widget's language (a French catalog loads on first use). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    return (await this.#locale.loaded()) ? super.getUpdateComplete() : result;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.#locale.ready) return nothing;
    const strings = this.#strings;
    const status = this.#live.status;
    return html`
      <section part="base" class="base" aria-labelledby="title">
        <header part="header" class="header">
          <h2 part="title" id="title" class="title" tabindex="-1">${strings.title}</h2>
          ${this.#connection
            ? html`<span part="live-status" class="live-status" data-status=${status}>
                <span class="dot" aria-hidden="true"></span>${strings.liveStatus[status]}
              </span>`
            : nothing}
        </header>
        ${this.#load.render({
          initial: () => html`<p part="state" class="state">${strings.connecting}</p>`,
          pending: () => html`<p part="state" class="state" aria-busy="true">${strings.loading}</p>`,
          error: (error) => loadError({ ...strings, errorMessage: strings.loadErrorMessage }, error, () => void this.#load.run()),
          complete: () => this.#renderPlan(),
        })}
        <p id="instructions" class="visually-hidden">${strings.instructions}</p>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this._announcement}</div>
        ${this.#renderDialog()}
      </section>
    `;
  }

  #renderPlan(): TemplateResult {
    const strings = this.#strings;
    const today = this.#today;
    const all = this.#model.tasks;
    const shown = all.filter((task) => this.#isShown(task));
    const lanes = this.#lanes();
    const visibleLanes = this.filterWorkstream ? lanes.filter((lane) => lane === this.filterWorkstream) : lanes;
    return html`
      ${this.#renderToolbar(shown.length, all.length, lanes)}
      ${this._notice
        ? html`<div part="notice" class="notice ${this._notice.tone}" role=${this._notice.tone === 'error' ? 'alert' : 'status'}>
            <p>${this._notice.message}</p>
            <button class="quiet" type="button" @click=${this.#dismissNotice}>${strings.dismiss}</button>
          </div>`
        : nothing}
      ${isLongPlan(all)
        ? html`<p part="warning" class="warning" role="note">
            <span class="warning-icon" aria-hidden="true">ℹ︎</span>${strings.longPlan(openCount(all))}
          </p>`
        : nothing}
      ${renderTimeline(timelineOf(this.#model.milestones, today, this.#space?.decisionDate), this.#space?.decisionDate, strings)}
      ${all.length === 0
        ? html`<p part="state" class="state empty">${strings.empty}</p>`
        : shown.length === 0
          ? html`<div part="state" class="state empty">
              <p>${strings.noMatch}</p>
              <button part="clear-filters" class="secondary" type="button" @click=${this.#clearFilters}>
                ${strings.clearFilters}
              </button>
            </div>`
          : nothing}
      ${all.length === 0 && !this.#writableGroups().length ? nothing : this.#renderBoard(visibleLanes, shown)}
    `;
  }

  #renderToolbar(shown: number, total: number, lanes: string[]): TemplateResult {
    const strings = this.#strings;
    const mine = this.#me?.person.organisation;
    const writable = this.#writableGroups().length > 0;
    return html`
      <div part="toolbar" class="toolbar">
        <div class="filters" role="group" aria-label=${strings.filtersLabel}>
          <button
            part="filter filter-mine"
            class="toggle"
            type="button"
            aria-pressed=${this.filterMine ? 'true' : 'false'}
            @click=${() => this.#setFilter({ filterMine: !this.filterMine })}
          >
            ${strings.filterMine}
          </button>
          <button
            part="filter filter-overdue"
            class="toggle"
            type="button"
            aria-pressed=${this.filterOverdue ? 'true' : 'false'}
            @click=${() => this.#setFilter({ filterOverdue: !this.filterOverdue })}
          >
            ${strings.filterOverdue}
          </button>
          <label class="select-filter">
            <span>${strings.filterOrganisation}</span>
            <select
              part="filter filter-organisation"
              .value=${live(this.filterOrganisation)}
              @change=${(event: Event) => this.#setFilter({ filterOrganisation: (event.target as HTMLSelectElement).value })}
            >
              <option value="" ?selected=${!this.filterOrganisation}>${strings.allOrganisations}</option>
              ${this.#organisations().map(
                (domain) =>
                  html`<option value=${domain} ?selected=${domain === this.filterOrganisation}>
                    ${strings.organisationOption(domain, domain === mine)}
                  </option>`,
              )}
            </select>
          </label>
          <label class="select-filter">
            <span>${strings.filterWorkstream}</span>
            <select
              part="filter filter-workstream"
              .value=${live(this.filterWorkstream)}
              @change=${(event: Event) => this.#setFilter({ filterWorkstream: (event.target as HTMLSelectElement).value })}
            >
              <option value="" ?selected=${!this.filterWorkstream}>${strings.allWorkstreams}</option>
              ${lanes.map(
                (lane) =>
                  html`<option value=${lane} ?selected=${lane === this.filterWorkstream}>${this.#laneName(lane)}</option>`,
              )}
            </select>
          </label>
          ${hasFilters(this.#filters)
            ? html`<button part="clear-filters" class="quiet" type="button" @click=${this.#clearFilters}>
                ${strings.clearFilters}
              </button>`
            : nothing}
        </div>
        <span part="count" class="count">${strings.shown(shown, total)}</span>
        ${writable
          ? html`<button
              part="new-task-button"
              class="primary"
              type="button"
              @click=${(event: Event) => this.#openCreate(this.filterWorkstream || PLAN_LANE, event.currentTarget as HTMLElement)}
            >
              ${strings.newTask}
            </button>`
          : nothing}
      </div>
    `;
  }

  #renderBoard(lanes: string[], shown: Task[]): TemplateResult {
    const strings = this.#strings;
    const byCell = new Map<string, Task[]>();
    for (const task of shown) {
      const place = this.#placeOf(task);
      const cell = `${place.lane}|${place.status}`;
      const list = byCell.get(cell);
      if (list) list.push(task);
      else byCell.set(cell, [task]);
    }
    for (const list of byCell.values()) list.sort(compareTasks);
    const columnCount = (status: TaskStatus) =>
      lanes.reduce((sum, lane) => sum + (byCell.get(`${lane}|${status}`)?.length ?? 0), 0);
    return html`
      <div
        part="board"
        class="board"
        role="group"
        aria-label=${strings.boardLabel}
        @click=${this.#onBoardClick}
        @keydown=${this.#onBoardKeydown}
        @keyup=${this.#onBoardKeyup}
        @focusout=${this.#onBoardFocusOut}
        @dragstart=${this.#onBoardDragStart}
        @dragend=${this.#onBoardDragEnd}
      >
        ${STATUSES.map(
          (status) => html`<div part="column" class="column" data-status=${status} aria-hidden="true">
            <span>${strings.status[status]}</span><span class="column-count">${columnCount(status)}</span>
          </div>`,
        )}
        ${repeat(
          lanes,
          (lane) => lane,
          (lane, index) => this.#renderLane(lane, index, byCell),
        )}
      </div>
    `;
  }

  #renderLane(lane: string, index: number, byCell: Map<string, Task[]>): TemplateResult {
    const strings = this.#strings;
    const name = this.#laneName(lane);
    const count = STATUSES.reduce((sum, status) => sum + (byCell.get(`${lane}|${status}`)?.length ?? 0), 0);
    const canAdd = this.#writableGroups().length > 0;
    return html`
      <section part="lane" class="lane" data-lane=${lane} aria-labelledby="lane-${index}">
        <div part="lane-header" class="lane-header">
          <h3 id="lane-${index}" class="lane-title">
            <span class="lane-name">${name}</span> <span class="lane-count">(${strings.taskCount(count)})</span>
          </h3>
          ${canAdd
            ? html`<button
                part="add-button"
                class="quiet add"
                type="button"
                aria-label=${strings.addTaskTo(name)}
                title=${strings.addTaskTo(name)}
                @click=${(event: Event) => this.#openCreate(lane, event.currentTarget as HTMLElement)}
              >
                <span aria-hidden="true">+</span>
              </button>`
            : nothing}
        </div>
        ${STATUSES.map((status) => {
          const tasks = byCell.get(`${lane}|${status}`) ?? [];
          const cell = `${lane}|${status}`;
          return html`
            <ul
              part="cell"
              class="cell"
              data-lane=${lane}
              data-status=${status}
              ?data-drop-target=${this._dropTarget === cell}
              aria-label=${strings.cellLabel(name, strings.status[status], tasks.length)}
              @dragenter=${(event: DragEvent) => this.#onDragOver(event, cell)}
              @dragover=${(event: DragEvent) => this.#onDragOver(event, cell)}
              @dragleave=${(event: DragEvent) => this.#onDragLeave(event, cell)}
              @drop=${(event: DragEvent) => this.#onDrop(event, { lane, status })}
            >
              ${repeat(
                tasks,
                (task) => taskKey(task),
                (task) => this.#renderCard(task),
              )}
            </ul>
          `;
        })}
      </section>
    `;
  }

  #renderCard(task: Task): TemplateResult {
    const key = taskKey(task);
    const today = this.#today;
    const group = this.#model.group(task.group);
    const owner = task.owner ? this.#person(task.owner) : undefined;
    const view: CardView = {
      task,
      key,
      place: this.#placeOf(task),
      today,
      overdue: isOverdue(task, today),
      writable: this.#model.canWrite(task.group),
      grabbed: this._grab?.key === key,
      sync: this.#model.sync(key),
      owner,
      ownerExternal: owner !== undefined && this.#isExternal(owner.organisation),
      restrictedTo: group && (group.kind === 'internal' || group.kind === 'steering') ? this.#groupName(group) : undefined,
      home: group?.home,
    };
    return renderCard(view, this.#strings);
  }

  // Cards' events, handled once on the board for all of them (see card.ts).

  /** The writable card an event happened in, with its task's key. */
  #cardAt(event: Event, selector = CARD_SELECTOR): { element: HTMLElement; key: string } | undefined {
    const element = (event.target as Element).closest<HTMLElement>(selector);
    const key = element?.dataset.task;
    return element && key !== undefined && element.closest(CARD_SELECTOR) ? { element, key } : undefined;
  }

  #onBoardClick(event: MouseEvent): void {
    const card = this.#cardAt(event);
    if (card) this.#onCardClick(card.element, card.key);
  }

  #onBoardKeydown(event: KeyboardEvent): void {
    const button = this.#cardAt(event, CARD_BUTTON_SELECTOR);
    if (button) this.#onCardKeydown(event, button.key);
  }

  #onBoardKeyup(event: KeyboardEvent): void {
    // A button clicks on Space's keyup: the board uses Space itself.
    if (event.key === ' ' && this.#cardAt(event, CARD_BUTTON_SELECTOR)) event.preventDefault();
  }

  #onBoardFocusOut(event: FocusEvent): void {
    const button = this.#cardAt(event, CARD_BUTTON_SELECTOR);
    if (button) this.#onCardFocusOut(event, button.element, button.key);
  }

  #onBoardDragStart(event: DragEvent): void {
    const card = this.#cardAt(event);
    if (card) this.#onDragStart(event, card.key);
  }

  #onBoardDragEnd(event: DragEvent): void {
    if (this.#cardAt(event)) this.#onDragEnd();
  }

  #renderDialog(): TemplateResult {
    const dialog = this._dialog;
    return html`
      <dialog part="dialog" class="dialog" aria-labelledby="dialog-title" @close=${this.#onDialogClose}>
        ${dialog ? renderTaskForm(dialog, this.#dialogChoices(dialog), this.#dialogHandlers, this.#strings) : nothing}
      </dialog>
    `;
  }

  readonly #dialogHandlers: DialogHandlers = {
    submit: (event) => this.#onSubmit(event),
    input: (event) => this.#onFieldInput(event),
    cancel: () => (this._dialog = undefined),
  };

  #dialogChoices(dialog: DialogState): DialogChoices {
    const strings = this.#strings;
    const original = dialog.key ? this.#model.stored(dialog.key) : undefined;
    const workstreams = lanesOf(this.#model.groups, [...this.#model.tasks.map((task) => this.#model.laneOf(task)), ...STANDARD_WORKSTREAMS]);
    return {
      groups: this.#writableGroups().map((group) => ({ value: group.id, label: this.#groupName(group) })),
      groupName: this.#groupName(this.#model.group(dialog.draft.group)),
      workstreams: workstreams.map((lane) => ({ value: lane, label: this.#laneName(lane) })),
      owners: this.#membersOf(dialog.draft.group, original?.owner).map((person) => ({
        value: person.id,
        label: strings.ownerOption(person.name, person.organisation, this.#isExternal(person.organisation)),
      })),
      statuses: STATUSES,
    };
  }

  // —— derived data ——

  #isShown(task: Task): boolean {
    const key = taskKey(task);
    if (this._grab?.key === key || this.#sticky === key) return true;
    return matchesFilters(task, this.#filters, {
      viewer: this.#me?.person.id ?? '',
      today: this.#today,
      laneOf: (candidate) => this.#model.laneOf(candidate),
    });
  }

  /** Where a card shows: where the keyboard holds it while picked up, else where the task is. */
  #placeOf(task: Task): Place {
    const grab = this._grab;
    if (grab && grab.key === taskKey(task)) return grab.at;
    return { status: task.status, lane: this.#model.laneOf(task) };
  }

  #lanes(): string[] {
    return lanesOf(
      this.#model.groups,
      this.#model.tasks.map((task) => this.#model.laneOf(task)),
    );
  }

  /** The overall plan and the standard workstreams by their names in the widget's language; a custom one by its group's name. */
  #laneName(lane: string): string {
    const names = this.#locale.pick(groupNameCatalogs);
    if (lane === PLAN_LANE) return names.plan;
    const group = this.#model.groups.find((candidate) => candidate.kind === 'workstream' && candidate.workstream === lane);
    return names.workstreams[lane] ?? (group ? this.#groupName(group) : lane);
  }

  #groupName(group: MyGroup | undefined): string {
    return group ? groupDisplayName(group, this.#locale.locale) : '';
  }

  #writableGroups(): MyGroup[] {
    return this.#model.groups.filter((group) => this.#model.canWrite(group.id));
  }

  /** The group a new task in `lane` goes to by default: the lane's own group, else the overall plan. */
  #groupForLane(lane: string): MyGroup | undefined {
    const groups = this.#writableGroups();
    return (
      groups.find((group) => group.kind === 'workstream' && group.workstream === lane) ??
      groups.find((group) => group.kind === 'plan') ??
      groups.find((group) => group.kind !== 'internal') ??
      groups[0]
    );
  }

  /** People who may own a task of `group`: its members (both organisations), and its current owner. */
  #membersOf(group: string, current: string | undefined): Person[] {
    const list: Person[] = [...(this.#members.get(group) ?? [])];
    if (current && !list.some((person) => person.id === current)) list.push(this.#person(current));
    const mine = this.#me?.person.organisation;
    return list.sort(
      (a, b) =>
        Number(a.organisation !== mine) - Number(b.organisation !== mine) ||
        a.organisation.localeCompare(b.organisation) ||
        a.name.localeCompare(b.name),
    );
  }

  #organisations(): string[] {
    const domains = new Set<string>();
    if (this.#space) {
      domains.add(this.#space.seller);
      domains.add(this.#space.buyer);
    }
    for (const task of this.#model.tasks) if (task.owner) domains.add(organisationOf(task.owner));
    if (this.filterOrganisation) domains.add(this.filterOrganisation);
    return [...domains].sort();
  }

  #person(id: string): Person {
    return this.#people.get(id) ?? { id, name: id.slice(0, id.indexOf('@')) || id, organisation: organisationOf(id) };
  }

  #isExternal(organisation: string): boolean {
    return this.#me !== undefined && organisation !== this.#me.person.organisation;
  }

  /** The focusable button of a task's card. */
  #card(key: string): HTMLElement | undefined {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="card-button"]')].find((button) => button.dataset.task === key);
  }

  // —— filters ——

  #setFilter(changes: Partial<Pick<MutualWorkstreamBoard, 'filterMine' | 'filterOverdue' | 'filterOrganisation' | 'filterWorkstream'>>): void {
    Object.assign(this, changes);
    void this.updateComplete.then(() => {
      const all = this.#model.tasks;
      this.#announce(this.#strings.shown(all.filter((task) => this.#isShown(task)).length, all.length));
    });
  }

  #clearFilters = (): void => {
    this.#setFilter({ filterMine: false, filterOverdue: false, filterOrganisation: '', filterWorkstream: '' });
    this.#keepFocusInToolbar();
  };

  #dismissNotice = (): void => {
    this._notice = undefined;
    this.#keepFocusInToolbar();
  };

  /** The button just pressed goes away with what it did: give focus to the first filter rather than lose it. */
  #keepFocusInToolbar(): void {
    void this.updateComplete.then(() => {
      if (this.shadowRoot?.activeElement) return;
      this.renderRoot.querySelector<HTMLElement>('[part~="filter-mine"]')?.focus();
    });
  }

  // —— keyboard moves ——

  /** A click anywhere on the card (or Enter on its button) opens it for editing. */
  #onCardClick(card: HTMLElement, key: string): void {
    if (this._grab) return;
    this.#openEdit(key, this.#card(key) ?? card);
  }

  #onCardKeydown(event: KeyboardEvent, key: string): void {
    if (event.isComposing) return;
    const grab = this._grab;
    if (!grab || grab.key !== key) {
      // Enter keeps its native meaning (a click: edit); Space picks the card up instead.
      if (event.key === ' ') {
        event.preventDefault();
        this.#pickUp(key);
      }
      return;
    }
    const rtl = getComputedStyle(this).direction === 'rtl';
    switch (event.key) {
      case 'ArrowLeft':
        this.#step(0, rtl ? 1 : -1);
        break;
      case 'ArrowRight':
        this.#step(0, rtl ? -1 : 1);
        break;
      case 'ArrowUp':
        this.#step(-1, 0);
        break;
      case 'ArrowDown':
        this.#step(1, 0);
        break;
      case ' ':
      case 'Enter':
        this.#drop();
        break;
      case 'Escape':
        // Keep a surrounding dialog or host handler from closing too.
        event.stopPropagation();
        this.#cancelGrab();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  #pickUp(key: string): void {
    const task = this.#model.get(key);
    if (!task || !this.#model.canWrite(task.group)) return;
    const from = { status: task.status, lane: this.#model.laneOf(task) };
    this._grab = { key, from, at: from };
    this.#focusKey = key;
    this.#announce(this.#strings.pickedUp(task.title, this.#laneName(from.lane), this.#strings.status[from.status]));
  }

  /** Moves the picked-up card by `lanes` rows and `columns` columns, within the board. */
  #step(lanes: number, columns: number): void {
    const grab = this._grab;
    if (!grab) return;
    const visible = this.filterWorkstream ? [this.filterWorkstream] : this.#lanes();
    const laneIndex = Math.max(0, visible.indexOf(grab.at.lane));
    const lane = visible[Math.min(visible.length - 1, Math.max(0, laneIndex + lanes))] ?? grab.at.lane;
    const statusIndex = STATUSES.indexOf(grab.at.status);
    const status = STATUSES[Math.min(STATUSES.length - 1, Math.max(0, statusIndex + columns))] ?? grab.at.status;
    this._grab = { ...grab, at: { lane, status } };
    this.#focusKey = grab.key;
    this.#announce(this.#strings.over(this.#laneName(lane), this.#strings.status[status]));
  }

  #drop(): void {
    const grab = this._grab;
    if (!grab) return;
    this._grab = undefined;
    void this.#move(grab.key, grab.at);
  }

  #cancelGrab(announce = true): void {
    const grab = this._grab;
    if (!grab) return;
    this._grab = undefined;
    this.#focusKey = grab.key;
    const task = this.#model.get(grab.key);
    if (announce && task) {
      this.#announce(this.#strings.cancelled(task.title, this.#laneName(grab.from.lane), this.#strings.status[grab.from.status]));
    }
  }

  #onCardFocusOut(event: FocusEvent, button: HTMLElement, key: string): void {
    // A re-render replaces the card (relatedTarget null); focus moving somewhere else ends the move.
    const next = event.relatedTarget as HTMLElement | null;
    if (next && next !== button) {
      if (this._grab?.key === key) this.#cancelGrab();
      if (this.#sticky === key) {
        this.#sticky = undefined;
        // Focus moves during an update too (see updated): re-render after it, not within it.
        queueMicrotask(() => this.requestUpdate());
      }
    }
  }

  // —— drag and drop ——

  #onDragStart(event: DragEvent, key: string): void {
    const task = this.#model.get(key);
    if (!task || !event.dataTransfer) return;
    if (this._grab) this.#cancelGrab(false);
    this.#dragKey = key;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData(TASK_TYPE, key);
    event.dataTransfer.setData('text/plain', task.title);
  }

  #onDragEnd(): void {
    this.#dragKey = undefined;
    this._dropTarget = undefined;
  }

  #isTaskDrag(event: DragEvent): boolean {
    return this.#dragKey !== undefined || (event.dataTransfer?.types.includes(TASK_TYPE) ?? false);
  }

  #onDragOver(event: DragEvent, cell: string): void {
    if (!this.#isTaskDrag(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    if (this._dropTarget !== cell) this._dropTarget = cell;
  }

  #onDragLeave(event: DragEvent, cell: string): void {
    const into = event.relatedTarget as Node | null;
    if (into && (event.currentTarget as Node).contains(into)) return;
    if (this._dropTarget === cell) this._dropTarget = undefined;
  }

  #onDrop(event: DragEvent, place: Place): void {
    if (!this.#isTaskDrag(event)) return;
    event.preventDefault();
    const key = event.dataTransfer?.getData(TASK_TYPE) || this.#dragKey;
    this.#dragKey = undefined;
    this._dropTarget = undefined;
    // Only a card of this board: the data of a drag may come from anywhere.
    if (key && this.#model.get(key)) void this.#move(key, place);
  }

  // —— writes ——

  /** Moves a task to another cell: asks the host, shows it at once, rolls back if the server refuses. */
  async #move(key: string, to: Place): Promise<void> {
    const strings = this.#strings;
    const task = this.#model.get(key);
    const connection = this.#connection;
    if (!task || !connection || !this.#model.canWrite(task.group)) return;
    const from = { status: task.status, lane: this.#model.laneOf(task) };
    this.#focusKey = key;
    if (from.status === to.status && from.lane === to.lane) {
      this.#announce(strings.unchanged(task.title));
      this.requestUpdate();
      return;
    }
    const request = new MutualRequestTaskMoveEvent(
      task,
      { status: from.status, workstream: from.lane },
      { status: to.status, workstream: to.lane },
    );
    this.dispatchEvent(request);
    if (request.defaultPrevented) {
      this.#announce(strings.vetoed(task.title));
      this.requestUpdate();
      return;
    }
    const changes: TaskChanges = {};
    if (to.status !== from.status) changes.status = to.status;
    if (to.lane !== from.lane) changes.workstream = to.lane;
    const token = this.#model.change(key, changes);
    this.#sticky = key;
    this.requestUpdate();
    this.#announce(strings.moved(task.title, this.#laneName(to.lane), strings.status[to.status]));
    try {
      const result = await connection.api.updateTask(task.group, task.id, changes);
      if (connection !== this.#connection) return;
      if (isQueued(result)) {
        this.#model.queue(key, token, result.event);
        this.#whenQueued(result.event, { kind: 'updated', title: task.title, group: task.group });
      } else {
        this.#model.settle(key, token, result);
        this.dispatchEvent(new MutualTaskChangeEvent('updated', result));
      }
    } catch (error) {
      if (connection !== this.#connection || isAbortError(error)) return;
      if (this.#model.rollBack(key, token)) {
        const hadFocus = this.shadowRoot?.activeElement === this.#card(key);
        if (hadFocus) this.#focusKey = key;
        this._notice = { tone: 'error', message: `${strings.moveFailed(task.title)} ${strings.errorMessage(toApiError(error).code)}` };
      }
      this.#reportError('move-task', error);
    }
    this.requestUpdate();
  }

  #openCreate(lane: string, opener: HTMLElement): void {
    const group = this.#groupForLane(lane);
    if (!group) return;
    this.#opener = opener;
    const draft: TaskDraft = { title: '', group: group.id, workstream: lane, owner: '', due: '', status: 'todo', deliverable: '' };
    this._dialog = { session: ++this.#sessions, draft, problems: validateDraft(draft), showProblems: false, saving: false };
  }

  #openEdit(key: string, opener: HTMLElement): void {
    const task = this.#model.get(key);
    if (!task || !this.#model.canWrite(task.group)) return;
    this.#opener = opener;
    const draft = draftOf(task, this.#model.laneOf(task));
    this._dialog = { session: ++this.#sessions, key, draft, problems: {}, showProblems: false, saving: false };
  }

  #onFieldInput(event: Event): void {
    const dialog = this._dialog;
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (!dialog || !target.name || !FIELD_ORDER.includes(target.name as TaskField)) return;
    const name = target.name as TaskField;
    const draft = { ...dialog.draft, [name]: target.value } as TaskDraft;
    if (name === 'group') {
      const before = this.#model.group(dialog.draft.group);
      const after = this.#model.group(target.value);
      // Follow the group's lane unless the person chose another one.
      if (before && after && dialog.draft.workstream === this.#model.laneOf({ group: before.id })) {
        draft.workstream = this.#model.laneOf({ group: after.id });
      }
      if (draft.owner && !(this.#members.get(target.value) ?? []).some((person) => person.id === draft.owner)) draft.owner = '';
    }
    this._dialog = { ...dialog, draft, problems: validateDraft(draft) };
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const dialog = this._dialog;
    if (!dialog || dialog.saving) return;
    const original = dialog.key ? this.#model.stored(dialog.key) : undefined;
    const problems = validateDraft(dialog.draft);
    if (!isValid(problems)) {
      this._dialog = { ...dialog, problems, showProblems: true };
      void this.updateComplete.then(() => {
        const first = FIELD_ORDER.find((field) => problems[field]);
        this.renderRoot.querySelector<HTMLElement>(`#field-${first}`)?.focus();
      });
      return;
    }
    void (dialog.key && original ? this.#saveEdit(dialog, dialog.key, original) : this.#saveNew(dialog));
  }

  async #saveNew(dialog: DialogState): Promise<void> {
    const connection = this.#connection;
    const group = this.#model.group(dialog.draft.group);
    if (!connection || !group) return;
    const strings = this.#strings;
    this._dialog = { ...dialog, saving: true, error: undefined };
    try {
      const result = await connection.api.createTask(group.id, newTaskOf(dialog.draft, this.#model.laneOf({ group: group.id })));
      if (connection !== this.#connection) return;
      if (isQueued(result)) {
        this.#whenQueued(result.event, { kind: 'created', title: dialog.draft.title, group: group.id });
        this._notice = { tone: 'info', message: strings.queued(group.home) };
        this.#finishDialog(dialog.session, undefined, strings.queued(group.home));
      } else {
        this.#model.upsert(result);
        this.dispatchEvent(new MutualTaskChangeEvent('created', result));
        this.#finishDialog(dialog.session, taskKey(result), strings.created(result.title));
      }
    } catch (error) {
      this.#dialogFailed(dialog.session, error, 'create-task');
    }
  }

  async #saveEdit(dialog: DialogState, key: string, original: Task): Promise<void> {
    const connection = this.#connection;
    if (!connection) return;
    const strings = this.#strings;
    const changes = changesOf(dialog.draft, original, this.#model.laneOf(original));
    if (Object.keys(changes).length === 0) {
      this.#finishDialog(dialog.session, key, undefined);
      return;
    }
    this._dialog = { ...dialog, saving: true, error: undefined };
    try {
      const result = await connection.api.updateTask(original.group, original.id, changes);
      if (connection !== this.#connection) return;
      if (isQueued(result)) {
        const token = this.#model.change(key, changes);
        this.#model.queue(key, token, result.event);
        this.#whenQueued(result.event, { kind: 'updated', title: original.title, group: original.group });
        this.#finishDialog(dialog.session, key, strings.queued(this.#model.group(original.group)?.home));
      } else {
        this.#model.upsert(result);
        this.dispatchEvent(new MutualTaskChangeEvent('updated', result));
        this.#finishDialog(dialog.session, key, strings.updated(result.title));
      }
    } catch (error) {
      this.#dialogFailed(dialog.session, error, 'update-task');
    }
  }

  /** Closes the dialog of `session` (if still open) and focuses the card it was about. */
  #finishDialog(session: number, key: string | undefined, announcement: string | undefined): void {
    this.requestUpdate();
    if (announcement) this.#announce(announcement);
    if (this._dialog?.session !== session) return;
    this.#focusKey = key;
    // The card gets focus (see updated), not the button that opened the dialog, and stays shown
    // until focus leaves it even when it no longer matches the filters (as after a move).
    if (key !== undefined) {
      this.#opener = undefined;
      this.#sticky = key;
    }
    this._dialog = undefined;
  }

  #dialogFailed(session: number, error: unknown, operation: BoardOperation): void {
    if (isAbortError(error)) return;
    const dialog = this._dialog;
    const strings = this.#strings;
    const message = `${strings.saveFailed} ${strings.errorMessage(toApiError(error).code)}`;
    if (dialog?.session === session) this._dialog = { ...dialog, saving: false, error: message };
    // Closed while saving: say it on the board instead.
    else this._notice = { tone: 'error', message };
    this.#reportError(operation, error);
  }

  #onDialogClose = (): void => {
    // Escape closes the native dialog by itself: forget its state too.
    if (this._dialog) this._dialog = undefined;
    void this.updateComplete.then(() => {
      const opener = this.#opener;
      this.#opener = undefined;
      if (!opener) return;
      // A card may have been rendered again meanwhile: find it by its task.
      if (opener.isConnected) opener.focus();
      else if (opener.dataset.task) this.#card(opener.dataset.task)?.focus();
    });
  };

  /** A write the viewer's server queued for the group's home: confirmed by its echo, or refused. */
  #whenQueued(event: string, write: { kind: MutualTaskChangeKind; title: string; group: string }): void {
    this.#queued.set(event, write);
    this.#watchRefusal(event);
  }

  /** Should the home refuse it, the task goes back to what the server last said, and a notice says why. */
  #watchRefusal(event: string): void {
    const connection = this.#connection;
    if (!connection) return;
    this.#refusals.watch(connection, event, (refusal) => {
      const write = this.#queued.get(event);
      if (connection !== this.#connection || !write) return;
      this.#queued.delete(event);
      const takenBack = this.#model.refuse(event) !== undefined;
      const strings = this.#strings;
      const home = this.#model.group(write.group)?.home;
      const said =
        write.kind === 'created'
          ? strings.newTaskRefused(write.title, home)
          : takenBack
            ? strings.changeRefused(write.title, home)
            : strings.earlierChangeRefused(write.title, home);
      this._notice = { tone: 'error', message: `${said} ${strings.errorMessage(refusalError(refusal).code)}` };
      this.requestUpdate();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page: watch again what is still queued.
    for (const event of this.#queued.keys()) this.#watchRefusal(event);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#refusals.clear();
  }

  // —— live ——

  #onLive(message: LiveMessage): void {
    if (!this.#people.has(message.author.id)) this.#people.set(message.author.id, message.author);
    // One of the viewer's writes, placed: no refusal will come, even for a 202 not answered yet.
    if (message.event.author === this.#me?.person.id) this.#refusals.settled(message.event.id);
    const change = this.#model.applyLive(message);
    if (!change) return;
    this.requestUpdate();
    const queued = this.#queued.get(change.event);
    if (queued && change.kind !== 'milestone') {
      this.#queued.delete(change.event);
      this.dispatchEvent(new MutualTaskChangeEvent(queued.kind, change.task));
      return;
    }
    if (message.author.id !== this.#me?.person.id) this.#announceLive(change);
  }

  #announceLive(change: BoardChange): void {
    const strings = this.#strings;
    const { name, organisation } = change.author;
    switch (change.kind) {
      case 'task-created':
        this.#announce(strings.liveCreated(name, organisation, change.task.title));
        return;
      case 'task-updated':
        this.#announce(
          change.changes.status
            ? strings.liveMoved(name, organisation, change.task.title, strings.status[change.changes.status])
            : strings.liveUpdated(name, organisation, change.task.title),
        );
        return;
      case 'milestone':
        return;
    }
  }

  #announce(text: string): void {
    // Clearing first makes a repeated message be announced again.
    this._announcement = '';
    void this.updateComplete.then(() => (this._announcement = text));
  }

  #reportError(operation: BoardOperation, error: unknown): void {
    if (isAbortError(error)) return;
    this.dispatchEvent(new MutualErrorEvent(operation, toApiError(error)));
  }
}
