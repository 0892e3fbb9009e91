import { render, type RootPart, type TemplateResult } from 'lit';

export interface KeyedItemsOptions<T> {
  /** `this` of the event listeners in the templates (the element). */
  host: object;
  key: (item: T) => string;
  /** Creates the element for a new key (its tag and fixed attributes). */
  create: (item: T) => HTMLElement;
  /** Sets what changes on an item's own element (position, state attributes). */
  update: (element: HTMLElement, item: T, index: number) => void;
  /** What goes inside an item's element. */
  render: (item: T) => TemplateResult;
}

/**
 * Renders a window of keyed items into a container: one element per key, created once and kept
 * while the key stays (so focus and state inside survive), its contents rendered by Lit's
 * `render()`, removed when the key leaves.
 *
 * Why not `repeat()`: in lit-html 3.3.1–3.3.3, every part that `repeat` removes leaves its end-marker
 * comment in the DOM (lit/lit#5298, lit/lit#5010). A windowed list removes items on every scroll,
 * so the list would fill with thousands of comments. Here each item's markers live inside its own
 * element and leave with it.
 */
export class KeyedItems<T> {
  readonly #options: KeyedItemsOptions<T>;
  readonly #rendered = new Map<string, { element: HTMLElement; part: RootPart | undefined }>();

  constructor(options: KeyedItemsOptions<T>) {
    this.#options = options;
  }

  /**
   * Makes `container`'s children the elements of `items`, in order; `firstIndex` is the index of
   * `items[0]` in the whole list. A null container (not rendered) drops everything.
   */
  sync(container: HTMLElement | null, items: readonly T[], firstIndex: number): void {
    const { key, create, update, host } = this.#options;
    const wanted = new Set(container ? items.map(key) : []);
    for (const [itemKey, entry] of this.#rendered) {
      if (wanted.has(itemKey) && entry.element.parentNode === container) continue;
      entry.part?.setConnected(false);
      entry.element.remove();
      this.#rendered.delete(itemKey);
    }
    if (!container) return;
    // Elements that stay are never moved when items are only added or removed at either end:
    // moving an element would take focus away from whatever inside it has it.
    let cursor = container.firstElementChild;
    items.forEach((item, offset) => {
      const itemKey = key(item);
      let entry = this.#rendered.get(itemKey);
      if (!entry) {
        entry = { element: create(item), part: undefined };
        this.#rendered.set(itemKey, entry);
      }
      if (entry.element === cursor) cursor = cursor.nextElementSibling;
      else container.insertBefore(entry.element, cursor);
      update(entry.element, item, firstIndex + offset);
      entry.part = render(this.#options.render(item), entry.element, { host });
    });
  }

  /** Follows the host's connection, for directives that care (`AsyncDirective`s). */
  setConnected(connected: boolean): void {
    for (const entry of this.#rendered.values()) entry.part?.setConnected(connected);
  }
}
