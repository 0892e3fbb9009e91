import { html, type TemplateResult } from 'lit';

/**
 * Shapes that tell the risks apart without colour: a circle with a tick (on track), a triangle
 * with an exclamation mark (at risk), an octagon with a cross (off track). Decorative: the badge's
 * text says the same.
 */
export function riskIcon(risk: string): TemplateResult {
  switch (risk) {
    case 'on-track':
      return html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="7" fill="currentColor"/>
        <path d="M4.5 8.2l2.3 2.3 4.7-4.9" fill="none" stroke="var(--_icon-mark)" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>
      </svg>`;
    case 'at-risk':
      return html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M8 1.2l7.2 13.2H.8z" fill="currentColor" stroke="currentColor" stroke-linejoin="round"/>
        <path d="M8 5.6v4.2" stroke="var(--_icon-mark)" stroke-width="1.8" stroke-linecap="round"/>
        <circle cx="8" cy="12" r="1" fill="var(--_icon-mark)"/>
      </svg>`;
    default:
      return html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1z" fill="currentColor"/>
        <path d="M5.5 5.5l5 5m0-5l-5 5" stroke="var(--_icon-mark)" stroke-width="1.8" stroke-linecap="round"/>
      </svg>`;
  }
}

/** Two overlapping ticks: both organisations signed. Decorative, like {@link riskIcon}. */
export function signedIcon(): TemplateResult {
  return html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d="M1.5 8.5l3 3 6-7M6.5 11.5l1 .5 6-7.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>
  </svg>`;
}
