import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The languages the widgets speak. */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** One catalog of strings per locale, each of the same type. */
export type Catalogs<T> = Record<Locale, T>;

/** `fr-CA` → `fr`; anything unknown → `en`. */
export function toLocale(lang: string | null | undefined): Locale {
  const base = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : 'en';
}

/** The nearest `lang`, crossing shadow roots: the element's own, an ancestor's, the document's. */
export function resolveLang(element: Element): string | null {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.getAttribute('lang');
}

/**
 * Follows the language that applies to a widget — its own `lang`, an ancestor's, or the
 * document's — and re-renders it when that changes. Each widget picks its own, so a French
 * portal can embed a French widget next to an English one.
 */
export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #locale: Locale = 'en';
  #observer: MutationObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  get locale(): Locale {
    return this.#locale;
  }

  /** The catalog for the current locale. */
  pick<T>(catalogs: Catalogs<T>): T {
    return catalogs[this.#locale];
  }

  hostConnected(): void {
    this.#update();
    // `lang` may change on the document or on any ancestor; watching `lang` attributes is cheap.
    this.#observer = new MutationObserver(() => this.#update());
    this.#observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #update(): void {
    const next = toLocale(resolveLang(this.#host));
    if (next !== this.#locale) {
      this.#locale = next;
      this.#host.requestUpdate();
    }
  }
}
