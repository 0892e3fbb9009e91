import { css, unsafeCSS, type CSSResultGroup } from 'lit';

/**
 * The global theme tokens every widget reads, turned into private `--_x` locals with their
 * defaults. Hosts set `--mutual-*` anywhere above a widget (`:root`, the `<mutual-space>`…);
 * the defaults are never declared on `:host` itself, or they would hide the host's values.
 * Default colours meet WCAG 2.2 AA contrast on the default surfaces.
 */
const lightTokens = css`
  :host {
    color-scheme: light;
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
    --_warning: var(--mutual-color-warning, #8a5a00);
    --_success: var(--mutual-color-success, #1e7a3c);
    --_external: var(--mutual-color-external, #8a4600);
    --_external-soft: var(--mutual-color-external-soft, #fff1dc);
    --_radius: var(--mutual-radius, 8px);
    --_space: var(--mutual-spacing, 1rem);
    --_focus: var(--mutual-focus-color, var(--_accent));
    --_shadow: var(--mutual-shadow, 0 1px 2px rgb(16 24 40 / 0.06));
  }
`;

/**
 * Dark defaults: used when the reader's system prefers dark, or when the host forces it with
 * `theme="dark"` on the widget. A host that sets `--mutual-*` tokens wins either way; `theme="light"`
 * keeps the light defaults whatever the system says. Contrast stays WCAG 2.2 AA.
 */
const darkDefaults = `
    color-scheme: dark;
    --_text: var(--mutual-color-text, #e6e9ef);
    --_muted: var(--mutual-color-text-muted, #a7b0be);
    --_surface: var(--mutual-color-surface, #161b22);
    --_surface-alt: var(--mutual-color-surface-alt, #1f2630);
    --_border: var(--mutual-color-border, #394350);
    --_accent: var(--mutual-color-accent, #8cb4ff);
    --_on-accent: var(--mutual-color-on-accent, #0b1526);
    --_accent-soft: var(--mutual-color-accent-soft, #1d2b45);
    --_danger: var(--mutual-color-danger, #ff9b93);
    --_warning: var(--mutual-color-warning, #f2c46b);
    --_success: var(--mutual-color-success, #7fd69a);
    --_external: var(--mutual-color-external, #ffb870);
    --_external-soft: var(--mutual-color-external-soft, #3a2a14);
    --_shadow: var(--mutual-shadow, 0 1px 2px rgb(0 0 0 / 0.4));
`;

/** The tokens every widget includes first in its styles: light defaults, then dark ones. */
export const themeTokens: CSSResultGroup = [
  lightTokens,
  // Our own constant text, not user input: unsafeCSS only turns it into a stylesheet.
  unsafeCSS(`@media (prefers-color-scheme: dark) { :host(:not([theme='light'])) {${darkDefaults}} }`),
  unsafeCSS(`:host([theme='dark']) {${darkDefaults}}`),
];

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
