import type { FeedPage } from '@mutual/protocol';
import type { MutualConnection } from '../connection/connection.js';

/** Older pages asked for ahead of the viewer, at most. */
export const PAGES_AHEAD = 3;

interface Ahead {
  before: string;
  page: Promise<FeedPage>;
  /** Set once it arrived. */
  value?: FeedPage;
}

/**
 * Older pages asked for ahead while the viewer pages down, so that reaching the end of the list
 * waits for a render, not for round trips: each page that arrives asks for the next, up to
 * {@link PAGES_AHEAD} pages ahead. Whoever then reaches the end takes the next page together with any
 * later ones already here, and renders them at once.
 *
 * It serves one connection, group and page size at a time. The owner clears it whenever those
 * pages could have changed on the server since they were asked for (a reply or a reaction came
 * live) and whenever the group or connection changes.
 */
export class PagePrefetch {
  #pages: Ahead[] = [];
  #connection: MutualConnection | undefined;
  #group = '';
  #limit = 0;
  #controller = new AbortController();

  /** Makes sure the page before `before` is on its way (and starts over if it is another chain). */
  ensure(connection: MutualConnection, group: string, before: string, limit: number): void {
    if (this.#serves(connection, group, limit) && this.#pages[0]?.before === before) return;
    this.clear();
    this.#connection = connection;
    this.#group = group;
    this.#limit = limit;
    this.#fetch(before);
  }

  /**
   * The page before `before`, followed by those after it that already arrived, if that page was
   * asked for ahead; they are handed out once.
   */
  take(connection: MutualConnection, group: string, before: string, limit: number): Promise<FeedPage[]> | undefined {
    if (!this.#serves(connection, group, limit) || this.#pages[0]?.before !== before) return undefined;
    let count = 1;
    while (count < this.#pages.length && this.#pages[count - 1]!.value && this.#pages[count]!.value) count++;
    const taken = this.#pages.splice(0, count);
    // Keep the chain going from the last page handed out.
    const last = taken[taken.length - 1]!.value;
    if (this.#pages.length === 0 && last?.next) this.#fetch(last.next);
    return Promise.all(taken.map((ahead) => ahead.page));
  }

  clear(): void {
    this.#controller.abort();
    this.#controller = new AbortController();
    this.#pages = [];
    this.#connection = undefined;
  }

  #serves(connection: MutualConnection, group: string, limit: number): boolean {
    return this.#connection === connection && this.#group === group && this.#limit === limit;
  }

  #fetch(before: string): void {
    const connection = this.#connection!;
    const signal = this.#controller.signal;
    const ahead: Ahead = { before, page: connection.api.posts(this.#group, { before, limit: this.#limit, signal }) };
    this.#pages.push(ahead);
    ahead.page.then(
      (page) => {
        ahead.value = page;
        // Still wanted (not cleared, not handed out as the last one) and room for one more: go on.
        const index = this.#pages.indexOf(ahead);
        if (index !== -1 && index === this.#pages.length - 1 && page.next && this.#pages.length < PAGES_AHEAD) this.#fetch(page.next);
      },
      // Nobody may ever take it: a failure then is no one's error. Whoever takes it sees it.
      () => undefined,
    );
  }
}
