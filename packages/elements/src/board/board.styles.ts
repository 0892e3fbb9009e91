import { css } from 'lit';

export const boardStyles = css`
  :host {
    --_column-min: var(--mutual-board-column-min-width, 13rem);
    --_max-height: var(--mutual-board-max-height, none);
  }

  .base {
    container-type: inline-size;
  }

  /* —— controls (buttons, focus and states are in styles/controls.ts) —— */

  .toggle {
    color: var(--_accent);
    background: var(--_surface);
    border: 1px solid var(--_border);
    font-weight: 600;
  }

  .toggle:hover {
    background: var(--_surface-alt);
  }

  /* Pressed is said by a check mark as well as by colour. */
  .toggle[aria-pressed='true'] {
    background: var(--_accent-soft);
    border-color: var(--_accent);
  }

  .toggle[aria-pressed='true']::before {
    content: '✓ ';
  }

  select,
  input,
  textarea {
    min-height: 2rem;
    padding: 0.3em 0.6em;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
  }


  /* —— toolbar, notices —— */

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-bottom: 1px solid var(--_border);
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  .select-filter {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    font-size: 0.875em;
    color: var(--_muted);
  }

  .select-filter select {
    color: var(--_text);
  }

  .count {
    margin-inline-start: auto;
    font-size: 0.8125em;
    color: var(--_muted);
  }

  .notice,
  .warning {
    display: flex;
    align-items: center;
    gap: 0.75em;
    margin: calc(var(--_space) * 0.75) var(--_space) 0;
    padding: 0.6em 0.9em;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    border-inline-start-width: 4px;
    border-radius: calc(var(--_radius) * 0.75);
  }

  .notice p {
    flex: 1;
    margin: 0;
  }

  .notice.error {
    color: var(--_danger);
    border-inline-start-color: var(--_danger);
  }

  .notice.info {
    border-inline-start-color: var(--_accent);
  }

  .warning {
    border-inline-start-color: var(--_warning);
  }

  .warning-icon {
    font-weight: 700;
    color: var(--_warning);
  }

  /* —— states —— */

  /* —— milestone strip —— */

  .timeline {
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-bottom: 1px solid var(--_border);
  }

  .timeline-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25em 1em;
  }

  .timeline-title {
    margin: 0;
    font-size: 0.9375em;
    font-weight: 600;
  }

  .decision,
  .timeline-empty {
    margin: 0;
    font-size: 0.875em;
  }

  .timeline-empty,
  .muted {
    color: var(--_muted);
  }

  .track {
    --_row-height: 2.9rem;
    position: relative;
    height: calc(2.4rem + var(--_rows) * var(--_row-height));
    margin: 0.5rem 1rem 0;
  }

  /* The line from today to the decision date. */
  .track::before {
    content: '';
    position: absolute;
    inset-inline: 0;
    top: 1.2rem;
    border-top: 2px solid var(--_border);
  }

  .track::after {
    content: '';
    position: absolute;
    inset-inline-end: 0;
    top: 0.8rem;
    height: 0.8rem;
    border-inline-end: 2px solid var(--_text);
  }

  /* Above today's mark, clear of it (line-height 1: no descender reaches the mark). */
  .track-start {
    position: absolute;
    inset-inline-start: 0;
    top: -0.2rem;
    font-size: 0.75em;
    line-height: 1;
    color: var(--_muted);
    transform: translateX(-0.55rem);
  }

  .milestones {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  /* A zero-width anchor at the milestone's date; its mark sits on the line, its label below. */
  .milestone {
    position: absolute;
    inset-inline-start: var(--_at);
    top: 0;
    width: 0;
    /* A milestone on the decision date covers the decision tick rather than being struck through. */
    z-index: 1;
  }

  .mark {
    position: absolute;
    top: 0.7rem;
    display: grid;
    place-items: center;
    width: 1.1rem;
    height: 1.1rem;
    font-size: 0.7rem;
    font-weight: 700;
    line-height: 1;
    color: var(--_muted);
    background: var(--_surface);
    border: 2px solid currentColor;
    border-radius: 50%;
    transform: translateX(-50%);
  }

  :host(:dir(rtl)) .mark {
    transform: translateX(50%);
  }

  .milestone[data-state='done'] .mark {
    color: var(--_on-accent);
    background: var(--_accent);
    border-color: var(--_accent);
  }

  .milestone[data-state='late'] .mark {
    color: var(--_danger);
  }

  .milestone-text {
    position: absolute;
    top: calc(2.1rem + var(--_row) * var(--_row-height));
    display: grid;
    width: max-content;
    /* Rows keep labels a fifth of the strip apart (timelineOf's minGap): no wider than that. */
    max-width: min(11rem, 18cqi);
    font-size: 0.8125em;
    line-height: 1.25;
    text-align: center;
    transform: translateX(-50%);
  }

  /* Labels at the ends stay inside the strip. */
  .milestone[data-edge='start'] .milestone-text {
    text-align: start;
    transform: translateX(-0.55rem);
  }

  .milestone[data-edge='end'] .milestone-text {
    text-align: end;
    transform: translateX(calc(-100% + 0.55rem));
  }

  :host(:dir(rtl)) .milestone-text {
    transform: translateX(50%);
  }

  .milestone-title {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .milestone-when {
    display: flex;
    flex-wrap: wrap;
    justify-content: inherit;
    gap: 0 0.4em;
  }

  .milestone[data-edge='start'] .milestone-when {
    justify-content: flex-start;
  }

  .milestone[data-edge='end'] .milestone-when {
    justify-content: flex-end;
  }

  .milestone:not([data-edge]) .milestone-when {
    justify-content: center;
  }

  .milestone time {
    color: var(--_muted);
  }

  .milestone-state {
    font-weight: 600;
  }

  .milestone[data-state='late'] .milestone-state {
    color: var(--_danger);
  }

  @container (max-width: 36rem) {
    .track {
      height: auto;
      margin: 0.5rem 0 0;
    }

    .track::before,
    .track::after,
    .track-start {
      display: none;
    }

    .milestones {
      display: grid;
      gap: 0.4rem;
    }

    .milestone {
      position: static;
      display: flex;
      align-items: flex-start;
      gap: 0.5rem;
      width: auto;
    }

    .mark,
    .milestone-text,
    .milestone[data-edge] .milestone-text,
    :host(:dir(rtl)) .mark,
    :host(:dir(rtl)) .milestone-text {
      position: static;
      transform: none;
      text-align: start;
      max-width: none;
    }

    .milestone-text {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.5em;
    }
  }

  /* —— the board —— */

  .board {
    display: grid;
    grid-template-columns: repeat(4, minmax(var(--_column-min), 1fr));
    column-gap: 0.5rem;
    row-gap: 0.25rem;
    padding: 0 var(--_space) var(--_space);
    max-height: var(--_max-height);
    overflow: auto;
  }

  .column {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5em;
    padding: 0.75rem 0.25rem 0.4rem;
    font-size: 0.875em;
    font-weight: 600;
    background: var(--_surface);
    border-bottom: 2px solid var(--_border);
  }

  .column-count {
    font-weight: 400;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .lane {
    grid-column: 1 / -1;
    display: grid;
    grid-template-columns: subgrid;
    row-gap: 0.35rem;
    padding-top: 0.5rem;
  }

  .lane-header {
    grid-column: 1 / -1;
    display: flex;
    align-items: center;
    gap: 0.5em;
  }

  .lane-title {
    margin: 0;
    font-size: 0.9375em;
    font-weight: 600;
  }

  .lane-count {
    font-weight: 400;
    font-size: 0.875em;
    color: var(--_muted);
  }

  .add {
    padding: 0.2em 0.5em;
    font-size: 1em;
    font-weight: 700;
  }

  .cell {
    display: flex;
    flex-direction: column;
    gap: 0.4rem;
    min-height: 4.5rem;
    margin: 0;
    padding: 0.4rem;
    list-style: none;
    background: var(--_surface-alt);
    border: 2px dashed transparent;
    border-radius: var(--_radius);
  }

  .cell[data-drop-target] {
    background: var(--_accent-soft);
    border-color: var(--_accent);
  }

  .slot {
    display: block;
  }

  /* —— cards —— */

  .card {
    display: grid;
    gap: 0.35rem;
    padding: 0.55rem 0.65rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    overflow-wrap: anywhere;
    /* A long plan: cards off screen skip layout and paint until scrolled near (they stay in the
       DOM, the accessibility tree and find-in-page); the size is a guess until first rendered. */
    content-visibility: auto;
    contain-intrinsic-size: auto 5.5rem;
  }

  .card[draggable='true'] {
    cursor: grab;
  }

  .card[draggable='true']:hover {
    border-color: var(--_accent);
  }

  /* The title is the card's button; the whole card shows its focus. */
  .card-button {
    display: block;
    width: 100%;
    min-height: 0;
    padding: 0;
    font-size: inherit;
    text-align: start;
    color: inherit;
    background: none;
    border: none;
    border-radius: 0;
    cursor: inherit;
  }

  .card:has(.card-button:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .card .card-button:focus-visible {
    outline: none;
  }

  @supports not selector(:has(*)) {
    .card .card-button:focus-visible {
      outline: 2px solid var(--_focus);
    }
  }

  /* Overdue: a thick edge, an icon and the word, not colour alone. */
  .card[data-overdue] {
    border-inline-start: 4px solid var(--_danger);
  }

  .card[data-grabbed] {
    cursor: grabbing;
    border: 2px dashed var(--_accent);
    box-shadow: 0 6px 16px rgb(16 24 40 / 0.22);
  }

  .card[data-sync] {
    border-style: dashed;
  }

  .card-title {
    font-weight: 600;
    line-height: 1.3;
  }

  .card-meta {
    display: grid;
    gap: 0.25rem;
    font-size: 0.8125em;
    color: var(--_muted);
  }

  .owner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.2em 0.4em;
  }

  .owner-name {
    color: var(--_text);
    font-weight: 600;
  }

  .owner.none {
    font-style: italic;
  }

  .avatar {
    display: inline-grid;
    place-items: center;
    width: 1.4rem;
    height: 1.4rem;
    border-radius: 50%;
    font-size: 0.625rem;
    font-weight: 700;
    color: var(--_accent);
    background: var(--_accent-soft);
  }

  .avatar.external {
    color: var(--_external);
    background: var(--_external-soft);
  }

  .badge,
  .group-badge,
  .overdue-badge {
    padding: 0.05em 0.5em;
    font-size: 0.9em;
    font-weight: 600;
    border-radius: 999px;
  }

  .badge {
    color: var(--_external);
    background: var(--_external-soft);
  }

  .group-badge {
    justify-self: start;
    color: var(--_text);
    border: 1px solid var(--_border);
    /* A long group name wraps: a pill of two lines looked pinched, this stays round on one. */
    border-radius: 0.75em;
  }

  .due {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.2em 0.35em;
  }

  .due time {
    color: var(--_text);
  }

  .due[data-overdue],
  .due[data-overdue] time {
    color: var(--_danger);
    font-weight: 600;
  }

  .overdue-badge {
    border: 1px solid currentColor;
  }

  .deliverable .label {
    font-weight: 600;
  }

  .sync {
    font-style: italic;
  }

  /* —— the dialog —— */

  .dialog {
    width: min(34rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: 0;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 12px 32px rgb(16 24 40 / 0.25);
  }

  .dialog::backdrop {
    background: rgb(16 24 40 / 0.45);
  }

  .form {
    display: grid;
    gap: 0.85rem;
    padding: 1.25rem;
  }

  .dialog-title {
    margin: 0;
    font-size: 1.0625em;
    font-weight: 600;
  }

  .field {
    display: grid;
    gap: 0.3rem;
  }

  .field label,
  .field .label {
    font-size: 0.875em;
    font-weight: 600;
  }

  .required {
    font-weight: 400;
    color: var(--_muted);
  }

  .field textarea {
    resize: vertical;
    min-height: 3.5em;
  }

  .field[data-invalid] :is(input, select, textarea) {
    border: 2px solid var(--_danger);
  }

  .hint,
  .problem {
    margin: 0;
    font-size: 0.8125em;
  }

  .hint {
    color: var(--_muted);
  }

  .problem,
  .form-error {
    color: var(--_danger);
    font-weight: 600;
  }

  .form-error {
    margin: 0;
  }

  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.75rem;
  }

  @media (prefers-reduced-motion: no-preference) {
    button,
    .card {
      transition:
        background-color 120ms ease,
        border-color 120ms ease,
        box-shadow 120ms ease;
    }
  }

  @media (forced-colors: active) {
    .badge,
    .group-badge,
    .overdue-badge,
    .mark {
      border: 1px solid CanvasText;
    }

    .card[data-grabbed],
    .cell[data-drop-target] {
      outline: 2px dashed Highlight;
    }
  }
`;
