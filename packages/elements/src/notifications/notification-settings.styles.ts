import { css } from 'lit';

export const notificationSettingsStyles = css`
  .body {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: grid;
    gap: calc(var(--_space) / 2);
  }

  legend,
  .label,
  h3 {
    font-weight: 600;
    margin: 0 0 calc(var(--_space) / 2);
    font-size: inherit;
  }

  .choice {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: calc(var(--_space) / 2);
    align-items: start;
    cursor: pointer;
  }

  .hint,
  .note {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0;
  }

  .choice .hint {
    grid-column: 2;
  }

  select,
  input[type='text'],
  button {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.25em 0.5em;
    min-height: 24px;
  }

  input[type='text'] {
    width: 100%;
  }

  button {
    cursor: pointer;
  }

  :is(button, select, input):focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }

  .error {
    color: var(--_danger);
  }
`;
