import { css, type CSSResultGroup } from 'lit';

/**
 * Soft backgrounds of the status badges: the theme has the status colours (`--_success`,
 * `--_warning`, `--_danger`) but not these yet. Dark ones follow the theme's own rule: the system
 * preference unless `theme="light"`, or `theme="dark"`.
 */
const darkSoft = css`
  --_success-soft: var(--mutual-color-success-soft, #16352a);
  --_warning-soft: var(--mutual-color-warning-soft, #3b2e10);
  --_danger-soft: var(--mutual-color-danger-soft, #3d1f1d);
`;

const softTokens = css`
  :host {
    --_success-soft: var(--mutual-color-success-soft, #e8f6ed);
    --_warning-soft: var(--mutual-color-warning-soft, #fff3d6);
    --_danger-soft: var(--mutual-color-danger-soft, #fde8e6);
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkSoft}
    }
  }

  :host([theme='dark']) {
    ${darkSoft}
  }
`;

const layout = css`
  :host {
    --_progress-height: var(--mutual-cockpit-progress-height, 0.5rem);
    --_countdown-size: var(--mutual-cockpit-countdown-size, 2.5rem);
  }

  .base {
    container-type: inline-size;
    overflow: hidden;
  }

  .space-name {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }

  /* —— countdown —— */

  .countdown {
    padding: var(--_space);
    border-bottom: 1px solid var(--_border);
  }

  .countdown-text {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 0.4em;
    margin: 0;
    font-size: 1.125em;
    font-weight: 600;
  }

  .countdown-value {
    font-size: var(--_countdown-size);
    line-height: 1;
    font-variant-numeric: tabular-nums;
    color: var(--_accent);
  }

  .countdown[data-tense='past'] .countdown-value,
  .countdown[data-tense='today'] .countdown-label {
    color: var(--_danger);
  }

  .decision-date {
    margin: 0.35em 0 0;
    font-size: 0.875em;
    color: var(--_muted);
  }

  /* —— sections —— */

  .sections {
    display: grid;
    grid-template-columns: 1fr;
  }

  @container (min-width: 44rem) {
    .sections {
      grid-template-columns: 1fr 1fr;
    }

    .workstreams,
    .people {
      grid-column: 1 / -1;
    }

    .overdue,
    .milestones {
      border-inline-end: 1px solid var(--_border);
    }
  }

  .section {
    min-width: 0;
    padding: var(--_space);
    border-bottom: 1px solid var(--_border);
  }

  .section:last-child {
    border-bottom: none;
  }

  .section-heading,
  .sub-heading {
    display: flex;
    align-items: center;
    gap: 0.5em;
    margin: 0 0 0.75em;
    font-size: 0.9375em;
    font-weight: 600;
    line-height: 1.3;
  }

  .sub-heading {
    font-size: 0.875em;
    margin-bottom: 0.5em;
  }

  .heading-count {
    min-width: 1.6em;
    padding: 0 0.45em;
    font-size: 0.8125em;
    font-variant-numeric: tabular-nums;
    text-align: center;
    color: var(--_text);
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    border-radius: 999px;
  }

  .overdue .heading-count:not([data-count='0']) {
    color: var(--_danger);
    border-color: currentColor;
  }

  .blocked .heading-count:not([data-count='0']) {
    color: var(--_warning);
    border-color: currentColor;
  }

  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }

  .none,
  .muted {
    color: var(--_muted);
  }

  .none {
    margin: 0;
    font-size: 0.875em;
  }

  /* —— workstreams —— */

  .workstream-list {
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: var(--_space);
  }

  .workstream {
    display: grid;
    gap: 0.4em;
  }

  .workstream-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }

  .workstream-name {
    font-weight: 600;
  }

  .progress {
    position: relative;
    height: var(--_progress-height);
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    border-radius: 999px;
    overflow: hidden;
  }

  .progress-bar {
    height: 100%;
    inline-size: calc(var(--_ratio, 0) * 100%);
    background: var(--_accent);
    border-radius: inherit;
  }

  .workstream-figures {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.9em;
    margin: 0;
    font-size: 0.8125em;
    color: var(--_muted);
  }

  .progress-text {
    color: var(--_text);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .count[part~='blocked-count']:not([data-count='0']) {
    color: var(--_warning);
    font-weight: 600;
  }

  .count[part~='overdue-count']:not([data-count='0']) {
    color: var(--_danger);
    font-weight: 600;
  }

  /* —— badges —— */

  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.1em 0.55em;
    font-size: 0.75em;
    font-weight: 600;
    letter-spacing: 0.02em;
    white-space: nowrap;
    border-radius: 999px;
    border: 1px solid transparent;
  }

  .icon {
    flex: none;
    width: 1em;
    height: 1em;
  }

  .risk[data-risk='on-track'],
  .signed {
    color: var(--_success);
    background: var(--_success-soft);
    --_icon-mark: var(--_success-soft);
  }

  .risk[data-risk='at-risk'] {
    color: var(--_warning);
    background: var(--_warning-soft);
    --_icon-mark: var(--_warning-soft);
  }

  .risk[data-risk='off-track'] {
    color: var(--_danger);
    background: var(--_danger-soft);
    --_icon-mark: var(--_danger-soft);
  }

  .unsigned {
    color: var(--_muted);
    background: var(--_surface-alt);
    border-color: var(--_border);
  }

  .external {
    color: var(--_external);
    background: var(--_external-soft);
  }

  /* —— tasks, milestones, people, decisions —— */

  .task,
  .person,
  .decision {
    display: grid;
    gap: 0.15em;
  }

  .task-title,
  .milestone-title,
  .decision-title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .task-meta,
  .decision-meta,
  .who {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.6em;
    font-size: 0.8125em;
  }

  .organisation,
  .activity,
  .decision-kind,
  .decision-measure,
  .due {
    color: var(--_muted);
  }

  .activity,
  .decision-measure {
    font-size: 0.8125em;
  }

  .due.late {
    color: var(--_danger);
    font-weight: 600;
  }

  .who {
    font-size: 1em;
  }

  .person-name {
    font-weight: 600;
  }

  .who .organisation {
    font-size: 0.8125em;
  }

  .milestone {
    display: grid;
    gap: 0.4em;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_accent);
  }

  .milestone-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5em;
  }

  .milestone-date {
    font-size: 0.875em;
    font-weight: 600;
    white-space: nowrap;
  }

  .waiting-label {
    margin: 0;
    font-size: 0.75em;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_muted);
  }

  .waiting-on {
    gap: 0.5em;
  }

  .waiting-on .task-title {
    font-size: 0.9375em;
    font-weight: 500;
  }

  .note {
    margin: -0.4em 0 0.9em;
    font-size: 0.8125em;
    color: var(--_muted);
  }

  .people-columns {
    display: grid;
    gap: var(--_space);
  }

  @container (min-width: 32rem) {
    .people-columns {
      grid-template-columns: 3fr 2fr;
    }
  }

  .silent .person-name {
    font-weight: 400;
  }

  /* —— buttons and states —— */

  /* The cockpit's "show more" links read as links: accent, tight. */
  .quiet {
    justify-self: start;
    color: var(--_accent);
    padding-inline: 0.4em;
  }

  .state p {
    margin: 0 0 0.5em;
  }

  .state p:last-child {
    margin-bottom: 0;
  }

  .state.error button {
    margin-top: 0.25em;
  }

  .state.inline {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
    text-align: start;
    border-bottom: 1px solid var(--_border);
  }

  .state.inline p {
    margin: 0;
  }

  .state.empty {
    padding: calc(var(--_space) * 0.5) 0;
    text-align: start;
  }

  .notice {
    color: var(--_text);
  }

  .notice-title {
    font-weight: 600;
  }

  .notice p:not(.notice-title) {
    max-width: 36rem;
    margin-inline: auto;
    color: var(--_muted);
  }

  @media (prefers-reduced-motion: no-preference) {
    .progress-bar {
      transition: inline-size 240ms ease;
    }

    button {
      transition: background-color 120ms ease;
    }
  }

  @media (forced-colors: active) {
    .badge,
    .heading-count {
      border-color: CanvasText;
    }

    .progress-bar {
      background: Highlight;
    }

    .icon {
      forced-color-adjust: auto;
    }
  }
`;

/** After `themeTokens`, whose locals it reads. */
export const cockpitStyles: CSSResultGroup = [softTokens, layout];
