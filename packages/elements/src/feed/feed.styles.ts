import { css } from 'lit';

export const feedStyles = css`
  :host {
    --_max-height: var(--mutual-feed-max-height, none);
  }

  .base {
    /* clip, not hidden: hidden would make this the scroll container of the sticky "new posts" bar. */
    overflow: clip;
  }

  /* —— header —— */

  .header .live-status {
    margin-inline-start: auto;
  }

  .notifications-button {
    font-size: 0.8125em;
    min-height: 1.75rem;
    padding-block: 0.25em;
  }

  .notifications-button[aria-expanded='true'] {
    color: var(--_accent);
    background: var(--_accent-soft);
  }

  .notifications {
    padding: var(--_space);
    border-bottom: 1px solid var(--_border);
    background: var(--_surface-alt);
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

  textarea:focus-visible {
    outline-offset: 0;
    border-color: var(--_focus);
  }

  /* —— posts —— */

  .list,
  .replies {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .scroller {
    max-height: var(--_max-height);
    overflow-y: auto;
    overscroll-behavior: contain;
  }

  /* The windowing keeps what the viewer reads in place itself; the browser's own anchoring would
     correct a second time. */
  .scroller,
  .list {
    overflow-anchor: none;
  }

  .sentinel {
    height: 1px;
  }

  /* Separators above posts, not below: the last one then needs no exception, which under
     windowing (the last rendered is rarely the last post) would change heights as it scrolls. */
  .post {
    padding: var(--_space);
    border-top: 1px solid var(--_border);
  }

  .post[aria-posinset='1'] {
    border-top-color: transparent;
  }

  .post:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  /* —— "N new posts": over the top of the list, without pushing it —— */

  .new-posts-bar {
    position: sticky;
    top: 0;
    z-index: 2;
    height: 0;
    display: flex;
    justify-content: center;
  }

  .new-posts {
    margin-top: calc(var(--_space) * 0.5);
    border-radius: 999px;
    box-shadow: 0 2px 8px rgb(16 24 40 / 0.2);
    white-space: nowrap;
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

  /* —— light formatting —— */

  .text > :is(p, ul, ol, pre) {
    margin: 0;
  }

  .text > * + * {
    margin-top: 0.5em;
  }

  .text :is(ul, ol) {
    padding-inline-start: 1.4em;
  }

  .text code,
  .text pre {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) * 0.5);
  }

  .text code {
    padding: 0.05em 0.3em;
  }

  .text pre {
    padding: 0.6em 0.8em;
    overflow-x: auto;
    white-space: pre;
    overflow-wrap: normal;
  }

  .text pre code {
    padding: 0;
    font-size: 1em;
    background: none;
  }

  /* Links and mentions are isolated: right-to-left text inside cannot reorder the text around. */
  .link,
  .mention,
  .link-destination {
    unicode-bidi: isolate;
  }

  .link {
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  .link:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
    border-radius: 2px;
  }

  .link-destination {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .mention {
    display: inline;
    padding: 0.05em 0.4em;
    border-radius: 999px;
    color: var(--_accent);
    background: var(--_accent-soft);
    font-weight: 600;
    white-space: nowrap;
  }

  .mention.external {
    color: var(--_external);
    background: var(--_external-soft);
  }

  .mention.me {
    outline: 1px solid currentColor;
  }

  .mention-organisation {
    font-weight: 400;
    font-size: 0.875em;
  }

  .mention-badge {
    font-size: 0.75em;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
  }

  .invisible-char {
    display: inline-block;
    margin: 0 0.1em;
    padding: 0 0.25em;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.75em;
    color: var(--_danger);
    border: 1px dashed currentColor;
    border-radius: 3px;
    white-space: nowrap;
  }

  /* —— mention suggestions —— */

  .mention-list {
    list-style: none;
    margin: 0;
    padding: 0.25em;
    max-height: 14em;
    overflow-y: auto;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    box-shadow: 0 4px 12px rgb(16 24 40 / 0.12);
  }

  .mention-list[hidden] {
    display: none;
  }

  .mention-option {
    display: flex;
    align-items: baseline;
    gap: 0.6em;
    padding: 0.35em 0.6em;
    border-radius: calc(var(--_radius) * 0.5);
    cursor: pointer;
  }

  .mention-option[aria-selected='true'] {
    color: var(--_on-accent);
    background: var(--_accent);
  }

  .mention-option-name {
    font-weight: 600;
  }

  .mention-option-id {
    font-size: 0.8125em;
  }

  .mention-option[aria-selected='true'] .badge {
    color: var(--_external);
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

  /* Not by colour alone: a doubled border and a bold count too. */
  .reaction.mine {
    color: var(--_accent);
    background: var(--_accent-soft);
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    font-weight: 600;
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
    .reaction.mine,
    .mention {
      border: 1px solid CanvasText;
    }

    .mention-option[aria-selected='true'] {
      forced-color-adjust: none;
      color: HighlightText;
      background: Highlight;
    }
  }
`;
