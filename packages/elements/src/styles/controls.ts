import { css } from 'lit';

/**
 * The controls and messages every widget shows the same way: buttons (`primary`, `secondary`,
 * `quiet`), the focus ring, and the loading / empty / error states (`state`, `state error`).
 * One stylesheet after `widgetFrameStyles`; a widget's own styles come after it and may adjust.
 */
export const controlStyles = css`
  button,
  select,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }

  button {
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

  :is(button, select, input, textarea):focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .state {
    margin: 0;
    padding: calc(var(--_space) * 1.5) var(--_space);
    color: var(--_muted);
    text-align: center;
  }

  .state p {
    margin: 0 0 calc(var(--_space) * 0.75);
  }

  .state.error {
    color: var(--_danger);
  }
`;
