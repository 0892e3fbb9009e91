import { html, type ReactiveElement, type TemplateResult } from 'lit';
import { toApiError, type MutualApiErrorCode } from '../connection/api-error.js';

/** The strings a widget's load error needs, which every widget's catalog has. */
export interface LoadErrorStrings {
  loadFailed: string;
  tryAgain: string;
  errorMessage: (code: MutualApiErrorCode) => string;
}

/**
 * What a widget shows when its data could not be loaded: why, in words, and a Try again button.
 * An alert, so screen readers say it; the error's code is in `data-code` for hosts and tests.
 */
export function loadError(strings: LoadErrorStrings, error: unknown, retry: () => void): TemplateResult {
  const code = toApiError(error).code;
  return html`
    <div part="state" class="state error" role="alert" data-code=${code}>
      <p>${strings.loadFailed} ${strings.errorMessage(code)}</p>
      <button part="retry-button" class="secondary" type="button" @click=${retryKeepingFocus(retry)}>${strings.tryAgain}</button>
    </div>
  `;
}

/**
 * The button goes away with the error: once the widget has re-rendered, its title (focusable by
 * script only) takes the focus rather than the page, so a keyboard user stays in the widget.
 */
function retryKeepingFocus(retry: () => void): (event: Event) => void {
  return (event) => {
    const root = (event.currentTarget as Element).getRootNode();
    retry();
    if (!(root instanceof ShadowRoot)) return;
    void (root.host as ReactiveElement).updateComplete.then(() => {
      if (!root.activeElement) root.querySelector<HTMLElement>('[part~="title"]')?.focus();
    });
  };
}
