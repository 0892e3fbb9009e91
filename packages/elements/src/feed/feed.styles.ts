import { css } from 'lit';

export const feedStyles = css`
  :host {
    display: block;
    --_max-height: var(--mutual-feed-max-height, none);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text);
  }

  :host([hidden]) {
    display: none;
  }

  * {
    box-sizing: border-box;
  }

  .base {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    overflow: hidden;
  }

  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-bottom: 1px solid var(--_border);
  }

  .title {
    margin: 0;
    font-size: 1.0625em;
    font-weight: 600;
    line-height: 1.3;
  }

  .live-status {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    font-size: 0.8125em;
    color: var(--_muted);
    white-space: nowrap;
  }

  .dot {
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: var(--_muted);
  }

  .live-status[data-status='open'] .dot {
    background: #1f8a4c;
  }

  .live-status[data-status='reconnecting'] .dot,
  .live-status[data-status='connecting'] .dot {
    background: #b7791f;
  }

  /* —— composer —— */

  .composer {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding: var(--_space);
    border-bottom: 1px solid var(--_border);
  }

  textarea {
    display: block;
    width: 100%;
    min-height: 2.75em;
    max-height: 16em;
    field-sizing: content;
    resize: vertical;
    padding: 0.5em 0.75em;
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
  }

  textarea::placeholder {
    color: var(--_muted);
    opacity: 1;
  }

  .composer-actions,
  .reply-actions {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: calc(var(--_space) * 0.75);
  }

  .hint {
    margin-inline-end: auto;
    font-size: 0.8125em;
    color: var(--_muted);
  }

  /* —— buttons —— */

  button {
    font: inherit;
    font-size: 0.875em;
    line-height: 1.2;
    cursor: pointer;
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.45em 0.9em;
    min-height: 2rem;
    min-width: 2rem;
  }

  button:disabled {
    cursor: not-allowed;
  }

  .primary {
    color: var(--_on-accent);
    background: var(--_accent);
    border: 1px solid var(--_accent);
    font-weight: 600;
  }

  .primary:disabled {
    color: var(--_muted);
    background: var(--_surface-alt);
    border-color: var(--_border);
  }

  .secondary {
    color: var(--_accent);
    background: var(--_surface);
    border: 1px solid var(--_border);
    font-weight: 600;
  }

  .quiet {
    color: var(--_muted);
    background: transparent;
    border: 1px solid transparent;
  }

  .quiet:hover,
  .secondary:hover {
    background: var(--_surface-alt);
  }

  :is(button, textarea):focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  textarea:focus-visible {
    outline-offset: 0;
    border-color: var(--_focus);
  }

  /* —— states —— */

  .state {
    margin: 0;
    padding: calc(var(--_space) * 1.5) var(--_space);
    color: var(--_muted);
    text-align: center;
  }

  .state.error {
    color: var(--_danger);
  }

  .state.error p {
    margin: 0 0 calc(var(--_space) * 0.75);
  }

  /* —— posts —— */

  .list,
  .replies {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .list {
    max-height: var(--_max-height);
    overflow-y: auto;
  }

  .post {
    padding: var(--_space);
    border-bottom: 1px solid var(--_border);
  }

  .post:last-child {
    border-bottom: none;
  }

  .item[data-delivery='pending'] > .text,
  .item[data-delivery='queued'] > .text,
  .item[data-delivery='failed'] > .text {
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: 0.6em;
  }

  /* Held by the viewer's server for another organisation's: neither sending nor failed. */
  .item[data-delivery='queued'] > .text {
    border-inline-start-style: dashed;
  }

  .item[data-delivery='failed'] > .text {
    border-inline-start-color: var(--_danger);
  }

  .byline {
    display: flex;
    align-items: center;
    gap: 0.6em;
    min-width: 0;
  }

  .avatar {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    border-radius: 50%;
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--_accent);
    background: var(--_accent-soft);
  }

  .avatar.external {
    color: var(--_external);
    background: var(--_external-soft);
  }

  .who {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 0.5em;
    min-width: 0;
  }

  .author {
    font-weight: 600;
  }

  .organisation,
  .time {
    font-size: 0.8125em;
    color: var(--_muted);
  }

  .time {
    margin-inline-start: auto;
    white-space: nowrap;
  }

  .badge {
    align-self: center;
    padding: 0.1em 0.5em;
    font-size: 0.75em;
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--_external);
    background: var(--_external-soft);
    border-radius: 999px;
  }

  .text {
    margin: 0.5em 0 0;
    padding-inline-start: calc(2rem + 0.6em);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .delivery {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 0.75em;
    margin: 0.35em 0 0;
    padding-inline-start: calc(2rem + 0.6em);
    font-size: 0.8125em;
    color: var(--_muted);
  }

  .delivery.failed {
    color: var(--_danger);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-top: 0.5em;
    padding-inline-start: calc(2rem + 0.6em);
  }

  .reactions {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35em;
  }

  .reaction {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.2em 0.6em;
    color: var(--_text);
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    border-radius: 999px;
  }

  .reaction.mine {
    color: var(--_accent);
    background: var(--_accent-soft);
    border-color: var(--_accent);
  }

  .reaction .count {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }

  .add-reaction {
    padding-inline: 0.5em;
  }

  .reaction-choices {
    display: inline-flex;
    gap: 0.15em;
    padding: 0.15em;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 999px;
  }

  .choice {
    padding: 0.2em 0.4em;
    background: transparent;
    border: none;
    border-radius: 999px;
    font-size: 1em;
  }

  .choice:hover {
    background: var(--_surface-alt);
  }

  /* —— threads —— */

  .replies {
    margin: 0.75em 0 0 calc(2rem + 0.6em);
    padding-inline-start: calc(var(--_space) * 0.75);
    border-inline-start: 2px solid var(--_border);
  }

  .reply {
    padding: 0.5em 0;
  }

  .reply .avatar {
    width: 1.6rem;
    height: 1.6rem;
    font-size: 0.6875rem;
  }

  .reply .text,
  .reply .delivery,
  .reply .actions {
    padding-inline-start: calc(1.6rem + 0.6em);
  }

  .reply-composer {
    display: grid;
    gap: 0.5em;
    margin: 0.75em 0 0 calc(2rem + 0.6em);
  }

  .load-more {
    display: block;
    margin: calc(var(--_space) * 0.75) auto;
  }

  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 120ms ease;
    }
  }

  @media (forced-colors: active) {
    .badge,
    .reaction.mine {
      border: 1px solid CanvasText;
    }
  }
`;
