import { html, nothing, type TemplateResult } from 'lit';
import type { Person, Task } from '@mutual/protocol';
import { Sync, type Place } from './board-model.js';
import { daysBetween, formatDay, formatLongDay } from './dates.js';
import type { BoardStrings } from './strings.js';

/** What a card shows, worked out by the board. */
export interface CardView {
  task: Task;
  key: string;
  /** Where it shows: where the keyboard holds it while picked up. */
  place: Place;
  today: string;
  overdue: boolean;
  /** The viewer may change it (not an observer of its group). */
  writable: boolean;
  grabbed: boolean;
  sync: Sync | undefined;
  owner: Person | undefined;
  ownerExternal: boolean;
  /** The name of a group only some people see (steering, internal), to say so on the card. */
  restrictedTo: string | undefined;
  /** The organisation whose server orders the task's group. */
  home: string | undefined;
}

export interface CardHandlers {
  click: (event: MouseEvent, key: string) => void;
  keydown: (event: KeyboardEvent, key: string) => void;
  keyup: (event: KeyboardEvent) => void;
  focusout: (event: FocusEvent, key: string) => void;
  dragstart: (event: DragEvent, key: string) => void;
  dragend: (event: DragEvent) => void;
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0]];
  return letters.map((word) => (word ? [...word][0]!.toUpperCase() : '')).join('');
}

function renderOwner(view: CardView, strings: BoardStrings): TemplateResult {
  const { owner, ownerExternal: external } = view;
  if (!owner) return html`<span part="owner" class="owner none">${strings.noOwner}</span>`;
  return html`
    <span part="owner" class="owner" data-owner=${owner.id}>
      <span part="avatar" class="avatar ${external ? 'external' : ''}" aria-hidden="true">${initials(owner.name)}</span>
      <span class="visually-hidden">${strings.owner}</span>
      <span class="owner-name">${owner.name}</span>
      <span part="organisation" class="organisation">${owner.organisation}</span>
      ${external
        ? html`<span part="external-badge" class="badge" title=${strings.externalDescription(owner.organisation)}>${strings.external}</span>`
        : nothing}
    </span>
  `;
}

/** Owner, due date (overdue said in words and with an icon, not by colour alone), deliverable, audience, sync. */
function renderMeta(view: CardView, strings: BoardStrings): TemplateResult {
  const { task, key, today, overdue, sync } = view;
  return html`
    <span class="card-meta" id="meta-${key}">
      ${renderOwner(view, strings)}
      ${task.due
        ? html`<span part="due" class="due" ?data-overdue=${overdue}>
            ${overdue ? html`<span class="overdue-icon" aria-hidden="true">⚠</span>` : nothing}
            <span>${strings.due}</span>
            <time datetime=${task.due} title=${formatLongDay(task.due, strings.locale)}>${formatDay(task.due, today, strings.locale)}</time>
            ${overdue
              ? html`<strong part="overdue-badge" class="overdue-badge">${strings.overdueBy(daysBetween(task.due, today))}</strong>`
              : nothing}
          </span>`
        : nothing}
      ${task.deliverable
        ? html`<span part="deliverable" class="deliverable"><span class="label">${strings.deliverable}</span> ${task.deliverable}</span>`
        : nothing}
      ${view.restrictedTo ? html`<span part="group-badge" class="group-badge">${strings.visibleTo(view.restrictedTo)}</span>` : nothing}
      ${sync
        ? html`<span part="sync" class="sync" data-sync=${sync}>${sync === Sync.queued ? strings.queued(view.home) : strings.saving}</span>`
        : nothing}
    </span>
  `;
}

/**
 * One task card. A card the viewer may change is draggable and holds a button named by the task's
 * title, described by the rest of the card and by the board's keyboard instructions: Enter (a
 * click) edits, Space picks it up.
 */
export function renderCard(view: CardView, handlers: CardHandlers, strings: BoardStrings): TemplateResult {
  const { task, key, place, overdue } = view;
  if (!view.writable) {
    return html`<div part="card" class="card" data-task=${key} data-status=${place.status} data-lane=${place.lane} ?data-overdue=${overdue}>
      <span part="card-title" class="card-title">${task.title}</span>
      ${renderMeta(view, strings)}
    </div>`;
  }
  return html`
    <div
      part="card"
      class="card"
      draggable="true"
      data-task=${key}
      data-status=${place.status}
      data-lane=${place.lane}
      ?data-overdue=${overdue}
      ?data-grabbed=${view.grabbed}
      data-sync=${view.sync ?? nothing}
      @click=${(event: MouseEvent) => handlers.click(event, key)}
      @dragstart=${(event: DragEvent) => handlers.dragstart(event, key)}
      @dragend=${handlers.dragend}
    >
      <button
        part="card-button"
        class="card-button"
        type="button"
        data-task=${key}
        aria-describedby="meta-${key} instructions"
        @keydown=${(event: KeyboardEvent) => handlers.keydown(event, key)}
        @keyup=${handlers.keyup}
        @focusout=${(event: FocusEvent) => handlers.focusout(event, key)}
      >
        <span part="card-title" class="card-title">${task.title}</span>
      </button>
      ${renderMeta(view, strings)}
    </div>
  `;
}
