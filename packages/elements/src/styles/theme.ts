import { css } from 'lit';

/**
 * The global theme tokens every widget reads, turned into private `--_x` locals with their
 * defaults. Hosts set `--mutual-*` anywhere above a widget (`:root`, the `<mutual-space>`…);
 * the defaults are never declared on `:host` itself, or they would hide the host's values.
 * Default colours meet WCAG 2.2 AA contrast on the default surfaces.
 */
export const themeTokens = css`
  :host {
    --_font: var(
      --mutual-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    --_font-size: var(--mutual-font-size, 0.9375rem);
    --_line-height: var(--mutual-line-height, 1.5);
    --_text: var(--mutual-color-text, #1d2633);
    --_muted: var(--mutual-color-text-muted, #536070);
    --_surface: var(--mutual-color-surface, #ffffff);
    --_surface-alt: var(--mutual-color-surface-alt, #f4f6f9);
    --_border: var(--mutual-color-border, #d5dbe3);
    --_accent: var(--mutual-color-accent, #2456c9);
    --_on-accent: var(--mutual-color-on-accent, #ffffff);
    --_accent-soft: var(--mutual-color-accent-soft, #e8eefb);
    --_danger: var(--mutual-color-danger, #b3261e);
    --_external: var(--mutual-color-external, #8a4600);
    --_external-soft: var(--mutual-color-external-soft, #fff1dc);
    --_radius: var(--mutual-radius, 8px);
    --_space: var(--mutual-spacing, 1rem);
    --_focus: var(--mutual-focus-color, var(--_accent));
    --_shadow: var(--mutual-shadow, 0 1px 2px rgb(16 24 40 / 0.06));
  }
`;

/** Hides content visually but keeps it for assistive technology. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
