import { css } from 'lit';

/**
 * What every widget's frame shares: typography on the host, the bordered box, and the title bar
 * with the live-stream status dot. One stylesheet, so the all-in-one bundle carries it once and
 * the widgets look like one family; each widget's own styles come after it and may add to it.
 */
export const widgetFrameStyles = css`
  :host {
    display: block;
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

  /* Focused by script after Try again; shown like any focus when the keyboard moved it there. */
  .title:focus {
    outline: none;
  }

  .title:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
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
    background: var(--_success);
  }

  .live-status[data-status='reconnecting'] .dot,
  .live-status[data-status='connecting'] .dot {
    background: var(--_warning);
  }
`;
