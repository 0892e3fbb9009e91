import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The languages the widgets speak. */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** One catalog of strings per locale, each of the same type, all built in. */
export type Catalogs<T> = Record<Locale, T>;

/**
 * English built in, every other language loaded on first use, so a page pays only for the
 * language it shows (as @lit/localize's runtime mode does with its source locale).
 */
export type LazyCatalogs<T> = { en: T } & { [L in Exclude<Locale, 'en'>]: () => Promise<T> };

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

// Loaded catalogs, shared by every element using the same `LazyCatalogs`.
/**
 * The tag `Intl` formats with: the page's own (`en-GB`, `fr-CA`) when it is of the language shown,
 * so a British page gets British dates; otherwise the language shown (an English fallback on a
 * German page formats in English, like the words around it).
 */
export function formatsFor(lang: string | null | undefined, shown: Locale): string {
  const tag = (lang ?? '').trim().replace(/_/g, '-');
  if (tag.split('-')[0]!.toLowerCase() !== shown) return shown;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? shown;
  } catch {
    return shown;
  }
}

/** Each catalog with `locale` set to another formatting tag, made once per catalog and tag. */
const withTags = new WeakMap<object, Map<string, unknown>>();

function withFormats<T>(strings: T, tag: string): T {
  const catalog = strings as T & { locale?: unknown };
  if (typeof catalog !== 'object' || catalog === null || !('locale' in catalog) || catalog.locale === tag) return strings;
  let byTag = withTags.get(catalog);
  if (!byTag) withTags.set(catalog, (byTag = new Map()));
  if (!byTag.has(tag)) byTag.set(tag, { ...catalog, locale: tag });
  return byTag.get(tag) as T;
}

const loadedCatalogs = new WeakMap<object, Partial<Record<Locale, unknown>>>();
const pendingLoads = new WeakMap<object, Partial<Record<Locale, Promise<void>>>>();

function loaded<T>(catalogs: LazyCatalogs<T>, locale: Locale): T | undefined {
  if (locale === 'en') return catalogs.en;
  return loadedCatalogs.get(catalogs)?.[locale] as T | undefined;
}

function load<T>(catalogs: LazyCatalogs<T>, locale: Exclude<Locale, 'en'>): Promise<void> {
  const pending = pendingLoads.get(catalogs) ?? {};
  pendingLoads.set(catalogs, pending);
  return (pending[locale] ??= catalogs[locale]().then(
    (strings) => {
      loadedCatalogs.set(catalogs, { ...loadedCatalogs.get(catalogs), [locale]: strings });
    },
    // A catalog that cannot be fetched (offline, blocked) leaves the widget in English rather than blank.
    () => {
      loadedCatalogs.set(catalogs, { ...loadedCatalogs.get(catalogs), [locale]: catalogs.en });
    },
  ));
}

/**
 * Follows the language that applies to a widget — its own `lang`, an ancestor's, or the
 * document's — and re-renders it when that changes. Each widget picks its own, so a French
 * portal can embed a French widget next to an English one.
 *
 * Given `LazyCatalogs`, it also loads the catalog of that language on first use. Until the first
 * catalog is there, `ready` is false (the widget renders nothing rather than flash English on a
 * French page); on a later change of language the previous one stays on screen until the next loads.
 */
export class LocaleController<T = never> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #catalogs: LazyCatalogs<T> | undefined;
  /** The language asked for by `lang`. */
  #wanted: Locale = 'en';
  /** The `lang` that applies, as written. */
  #lang: string | null = null;
  /** The language on screen: `#wanted` once its catalog is loaded. */
  #shown: Locale | undefined;
  #loading: Promise<void> | undefined;
  #observer: MutationObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, catalogs?: LazyCatalogs<T>) {
    this.#host = host;
    this.#catalogs = catalogs;
    host.addController(this);
  }

  /** The language the widget shows (for `Intl` and built-in catalogs). */
  get locale(): Locale {
    return this.#shown ?? 'en';
  }

  /** The tag dates and numbers are formatted with (see {@link formatsFor}). */
  get formats(): string {
    // Asked for on every render, often many times: worked out once per lang and language shown.
    const key = `${this.locale} ${this.#lang ?? ''}`;
    if (key !== this.#formatsKey) {
      this.#formatsKey = key;
      this.#formats = formatsFor(this.#lang, this.locale);
    }
    return this.#formats;
  }
  #formatsKey = '';
  #formats = 'en';

  /** Whether the strings of some language are there to render with. */
  get ready(): boolean {
    return this.#shown !== undefined;
  }

  /** The lazy catalog's strings in the language on screen; their `locale` is the tag to format with. */
  get strings(): T {
    if (!this.#catalogs) throw new TypeError('LocaleController: no catalogs given');
    return withFormats(loaded(this.#catalogs, this.locale) ?? this.#catalogs.en, this.formats);
  }

  /** A built-in catalog for the current locale. */
  pick<U>(catalogs: Catalogs<U>): U {
    return catalogs[this.locale];
  }

  /**
   * Waits for a catalog being loaded; true if there was one (the host then has an update
   * pending). Widgets await it in `getUpdateComplete` so `updateComplete` means "in its language".
   */
  async loaded(): Promise<boolean> {
    if (!this.#loading) return false;
    await this.#loading;
    return true;
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
    const lang = resolveLang(this.#host);
    const wanted = toLocale(lang);
    if (lang !== this.#lang) {
      // Same language, another region (en-US → en-GB): dates change, the catalog does not.
      this.#lang = lang;
      if (wanted === this.#wanted && this.#shown !== undefined) this.#host.requestUpdate();
    }
    if (wanted === this.#wanted && this.#shown !== undefined) return;
    this.#wanted = wanted;
    const catalogs = this.#catalogs;
    if (!catalogs || wanted === 'en' || loaded(catalogs, wanted)) {
      this.#show(wanted);
      return;
    }
    const loading = load(catalogs, wanted).then(() => {
      if (this.#loading === loading) this.#loading = undefined;
      if (this.#wanted === wanted) this.#show(wanted);
    });
    this.#loading = loading;
  }

  #show(locale: Locale): void {
    if (this.#shown === locale) return;
    this.#shown = locale;
    this.#host.requestUpdate();
  }
}
