import { html, nothing, type TemplateResult } from 'lit';
import type { Person, Task } from '@mutual/protocol';
import { Sync, type Place } from './board-model.js';
import { daysBetween, formatDay, formatLongDay } from './dates.js';
import type { BoardStrings } from './strings.js';

/** A card the viewer may change, as the board finds it from an event inside it. */
export const CARD_SELECTOR = '.card[draggable="true"]';
/** The button of such a card: it holds the keyboard. */
export const CARD_BUTTON_SELECTOR = '.card-button';

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

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0]];
  return letters.map((word) => (word ? [...word][0]!.toUpperCase() : '')).join('');
}

// A plan of 500 steps is 500 cards, so their templates are kept lean: no blank text between tags
// but the one space that keeps words apart in the text a screen reader or a copy reads (layout
// shows none of it: a card is grid and flex boxes; blank text was half of a card's nodes), and
// plain text set through `.textContent`, which needs no marker comment and is never parsed.

function renderOwner(view: CardView, strings: BoardStrings): TemplateResult {
  const { owner, ownerExternal: external } = view;
  if (!owner) return html`<span part="owner" class="owner none" .textContent=${strings.noOwner}></span>`;
  return html`<span part="owner" class="owner" data-owner=${owner.id}
    ><span part="avatar" class="avatar ${external ? 'external' : ''}" aria-hidden="true" .textContent=${initials(owner.name)}></span>
    <span class="visually-hidden" .textContent=${strings.owner}></span> <span class="owner-name" .textContent=${owner.name}></span>
    <span part="organisation" class="organisation" .textContent=${owner.organisation}></span>${external
      ? html` <span part="external-badge" class="badge" title=${strings.externalDescription(owner.organisation)} .textContent=${strings.external}></span>`
      : nothing}</span
  >`;
}

/** "Due 12 Mar", and when overdue an icon and "3 days overdue" too: said in words, not by colour alone. */
function renderDue(due: string, view: CardView, strings: BoardStrings): TemplateResult {
  const { today, overdue } = view;
  return html` <span part="due" class="due" ?data-overdue=${overdue}
    >${overdue ? html`<span class="overdue-icon" aria-hidden="true">⚠</span> ` : nothing}<span .textContent=${strings.due}></span>
    <time datetime=${due} title=${formatLongDay(due, strings.locale)} .textContent=${formatDay(due, today, strings.locale)}></time>${overdue
      ? html` <strong part="overdue-badge" class="overdue-badge" .textContent=${strings.overdueBy(daysBetween(due, today))}></strong>`
      : nothing}</span
  >`;
}

/** What few cards show: a deliverable, a restricted audience, a change not yet confirmed. */
function renderExtras(view: CardView, strings: BoardStrings): TemplateResult | typeof nothing {
  const { task, sync } = view;
  if (!task.deliverable && !view.restrictedTo && !sync) return nothing;
  return html`${task.deliverable
    ? html` <span part="deliverable" class="deliverable"><span class="label">${strings.deliverable}</span> ${task.deliverable}</span>`
    : nothing}${view.restrictedTo
    ? html` <span part="group-badge" class="group-badge" .textContent=${strings.visibleTo(view.restrictedTo)}></span>`
    : nothing}${sync
    ? html` <span part="sync" class="sync" data-sync=${sync} .textContent=${sync === Sync.queued ? strings.queued(view.home) : strings.saving}></span>`
    : nothing}`;
}

/** Owner, due date, then what few cards show. */
function renderMeta(view: CardView, strings: BoardStrings): TemplateResult {
  const due = view.task.due;
  return html`<span class="card-meta" id="meta-${view.key}"
    >${renderOwner(view, strings)}${due ? renderDue(due, view, strings) : nothing}${renderExtras(view, strings)}</span
  >`;
}

/**
 * One task card, in its list item. A card the viewer may change is draggable and holds a button
 * named by the task's title, described by the rest of the card and by the board's keyboard
 * instructions: Enter (a click) edits, Space picks it up. Its events are handled once for all
 * cards, on the board (see `CARD_SELECTOR`): 500 cards would otherwise add 3,000 listeners on
 * every first render.
 */
export function renderCard(view: CardView, strings: BoardStrings): TemplateResult {
  const { task, key, place, overdue } = view;
  if (!view.writable) {
    return html`<li class="slot"
      ><div part="card" class="card" data-task=${key} data-status=${place.status} data-lane=${place.lane} ?data-overdue=${overdue}
        ><span part="card-title" class="card-title" .textContent=${task.title}></span
        >${renderMeta(view, strings)}</div
    ></li>`;
  }
  return html`<li class="slot"
    ><div
      part="card"
      class="card"
      draggable="true"
      data-task=${key}
      data-status=${place.status}
      data-lane=${place.lane}
      ?data-overdue=${overdue}
      ?data-grabbed=${view.grabbed}
      data-sync=${view.sync ?? nothing}
      ><button
        part="card-button"
        class="card-button"
        type="button"
        data-task=${key}
        aria-describedby="meta-${key} instructions"
      ><span part="card-title" class="card-title" .textContent=${task.title}></span></button
      >${renderMeta(view, strings)}</div
  ></li>`;
}
