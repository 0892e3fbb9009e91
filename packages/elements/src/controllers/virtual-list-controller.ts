import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Windowing for a long list: only the items near the visible part are in the DOM; padding on the
 * list stands in for the others, so the scrollbar and positions stay true. Works whether the list
 * scrolls in its own box, in an ancestor's, or with the page.
 *
 * How it works, per update of the host:
 * 1. `hostUpdate` (before render) notes the *anchor* — the first item visible on screen and where
 *    it is — unless the viewer is at the top of the list. Then it computes the range of items to
 *    render: those within the visible part plus an overscan each side, in *list coordinates*
 *    (offsets from each item's height: measured once rendered, estimated before).
 * 2. The host renders `range.start … range.end` with `paddingTop`/`paddingBottom` around them.
 * 3. `hostUpdated` measures the rendered items. Items inserted or resized above the anchor would
 *    push what the viewer reads down the screen: it scrolls by the difference so the anchor stays
 *    put (no jump when live posts arrive above, nor when an estimate was wrong). At the top there is
 *    no anchor: new items simply appear.
 * Scrolling and resizing re-check the range once per animation frame and re-render only when the
 * items needed (visible part ± half the overscan) are no longer all rendered.
 *
 * Keyboard and assistive technology: the host keeps list semantics and sets `aria-setsize` and
 * `aria-posinset`; items are keyed, so an item that stays in range keeps its DOM (and focus), and
 * the item holding focus stays rendered while it is scrolled out of view, unless it is very far.
 */

export interface VirtualListOptions {
  /** The list whose direct children are the rendered items, each with a `data-key` attribute. */
  list: () => HTMLElement | null | undefined;
  /** Every item's key, in order; read at each update. */
  keys: () => readonly string[];
  /** A first guess at the height of item `index` (px), used until it has been rendered. */
  estimate: (index: number) => number;
  /** After the visible part moved (scroll, resize), at most once per animation frame. */
  onViewportChange?: (reason: 'scroll' | 'resize') => void;
}

export interface VirtualRange {
  /** First rendered index. */
  start: number;
  /** One past the last rendered index. */
  end: number;
}

/** Within this many px of the list's top counts as "at the top". */
const TOP_SLACK = 24;
/** Rendered beyond each edge of the visible part, px. */
const OVERSCAN = 500;
/** Items rendered before anything could be measured. */
const INITIAL_COUNT = 6;
/** The focused item stays rendered when scrolled away, up to this many items from the range. */
const MAX_HELD_DISTANCE = 40;
/** Measure-and-re-render rounds in a row before waiting for the next frame. */
const MAX_CORRECTIONS = 4;

interface Anchor {
  key: string;
  /** Its top, in viewport coordinates. */
  top: number;
}

interface ScrollRequest {
  index: number;
  focus: boolean;
  resolve: (item: HTMLElement | undefined) => void;
}

export class VirtualListController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: VirtualListOptions;
  /** Measured heights by key; kept for items scrolled away, so coming back is exact. */
  readonly #heights = new Map<string, number>();
  /** Estimates by key, made once: an item's guess does not change while it waits to be measured. */
  readonly #estimates = new Map<string, number>();
  #keys: readonly string[] = [];
  readonly #indexOf = new Map<string, number>();
  /** `offsets[i]` is the top of item i in list coordinates; `offsets[n]` the total height. */
  #offsets = new Float64Array(1);
  #offsetsStale = true;
  #range: VirtualRange = { start: 0, end: 0 };
  #anchor: Anchor | undefined;
  #scrollRequest: ScrollRequest | undefined;
  /** Where the anchor was when last seen at rest: what a resize between updates is measured against. */
  #lastAnchor: Anchor | undefined;
  #frame = 0;
  #frameReason: 'scroll' | 'resize' = 'resize';
  #corrections = 0;
  #followUp = false;
  #inFollowUp = false;
  #resizeObserver: ResizeObserver | undefined;
  readonly #observed = new Set<Element>();

  constructor(host: ReactiveControllerHost & HTMLElement, options: VirtualListOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The items to render. */
  get range(): VirtualRange {
    return this.#range;
  }

  /** Space standing in for the items above the range, px. */
  get paddingTop(): number {
    return this.#layout()[this.#range.start] ?? 0;
  }

  /** Space standing in for the items below the range, px. */
  get paddingBottom(): number {
    const offsets = this.#layout();
    return Math.max(0, offsets[offsets.length - 1]! - (offsets[this.#range.end] ?? 0));
  }

  /** True when the top of the list is in view (the viewer has not scrolled into it). */
  get atTop(): boolean {
    const list = this.#options.list();
    if (!list?.isConnected) return true;
    return this.#clip(list).top - list.getBoundingClientRect().top <= TOP_SLACK;
  }

  /**
   * Renders item `index`, scrolls it into view and, with `focus`, focuses it (the item should be
   * focusable, e.g. `tabindex="-1"`). Resolves with the item, or undefined if there is none.
   */
  scrollToIndex(index: number, { focus = false }: { focus?: boolean } = {}): Promise<HTMLElement | undefined> {
    this.#scrollRequest?.resolve(undefined);
    return new Promise((resolve) => {
      this.#scrollRequest = { index, focus, resolve };
      this.#host.requestUpdate();
    });
  }

  hostConnected(): void {
    window.addEventListener('scroll', this.#onScroll, { capture: true, passive: true });
    window.addEventListener('resize', this.#onWindowResize, { passive: true });
    // Scroll events do not leave a shadow root: listen in the host's own tree as well.
    this.#host.shadowRoot?.addEventListener('scroll', this.#onScroll, { capture: true, passive: true });
    this.#resizeObserver = new ResizeObserver(() => this.#onResize());
  }

  hostDisconnected(): void {
    window.removeEventListener('scroll', this.#onScroll, { capture: true });
    window.removeEventListener('resize', this.#onWindowResize);
    this.#host.shadowRoot?.removeEventListener('scroll', this.#onScroll, { capture: true });
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#observed.clear();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  hostUpdate(): void {
    // A run of corrections is bounded; any other reason to render starts a new run.
    if (!this.#inFollowUp) this.#corrections = 0;
    this.#inFollowUp = false;
    const list = this.#options.list();
    this.#anchor = list?.isConnected && !this.#scrollRequest ? this.#captureAnchor(list) : undefined;
    this.#syncKeys();
    this.#range = this.#computeRange(list);
  }

  hostUpdated(): void {
    const list = this.#options.list();
    if (!list?.isConnected) {
      this.#scrollRequest?.resolve(undefined);
      this.#scrollRequest = undefined;
      return;
    }
    const resized = this.#measure(list);
    const request = this.#scrollRequest;
    if (request) {
      this.#scrollRequest = undefined;
      const item = this.#item(list, this.#keys[request.index]);
      item?.scrollIntoView({ block: 'nearest' });
      if (request.focus) item?.focus({ preventScroll: true });
      request.resolve(item);
    } else if (this.#anchor) {
      this.#keepAnchor(list, this.#anchor);
    }
    this.#anchor = undefined;
    this.#lastAnchor = this.#captureAnchor(list);
    // New heights change the padding and maybe the range: render again, a bounded number of times.
    if ((resized || this.#needsRender(list)) && this.#corrections++ < MAX_CORRECTIONS) this.#requestFollowUp();
  }

  // —— geometry ——

  #syncKeys(): void {
    const keys = this.#options.keys();
    const previous = this.#keys;
    if (keys.length === previous.length && keys.every((key, index) => key === previous[index])) return;
    this.#keys = [...keys];
    this.#indexOf.clear();
    this.#keys.forEach((key, index) => this.#indexOf.set(key, index));
    this.#offsetsStale = true;
  }

  /** The offsets, rebuilt when a key or a height changed: O(n), a fraction of a millisecond for 10,000. */
  #layout(): Float64Array {
    if (!this.#offsetsStale) return this.#offsets;
    const keys = this.#keys;
    const offsets = new Float64Array(keys.length + 1);
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      let height = this.#heights.get(key) ?? this.#estimates.get(key);
      if (height === undefined) this.#estimates.set(key, (height = this.#options.estimate(index)));
      offsets[index + 1] = offsets[index]! + height;
    }
    this.#offsets = offsets;
    this.#offsetsStale = false;
    return offsets;
  }

  /** The index of the item at `y` (list coordinates), clamped to the list. */
  #indexAt(y: number): number {
    const offsets = this.#layout();
    let low = 0;
    let high = offsets.length - 2;
    if (high < 0) return 0;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (offsets[middle]! <= y) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  #computeRange(list: HTMLElement | null | undefined): VirtualRange {
    const count = this.#keys.length;
    if (count === 0) return { start: 0, end: 0 };
    const offsets = this.#layout();
    const request = this.#scrollRequest;
    if (request) {
      const index = Math.min(Math.max(0, request.index), count - 1);
      const height = list ? this.#clip(list).bottom - this.#clip(list).top : window.innerHeight;
      return this.#withFocus({
        start: this.#indexAt(offsets[index]! - OVERSCAN),
        end: this.#indexAt(offsets[index]! + Math.max(height, 0) + OVERSCAN) + 1,
      });
    }
    if (!list?.isConnected) return { start: 0, end: Math.min(count, INITIAL_COUNT) };
    const visible = this.#visible(list, this.#anchor);
    return this.#withFocus({
      start: this.#indexAt(visible.top - OVERSCAN),
      end: this.#indexAt(visible.bottom + OVERSCAN) + 1,
    });
  }

  /** Keeps the item holding focus rendered, when it is not too far from the range. */
  #withFocus(range: VirtualRange): VirtualRange {
    const key = this.#focusedKey();
    const index = key === undefined ? undefined : this.#indexOf.get(key);
    if (index === undefined) return range;
    if (index < range.start && range.start - index <= MAX_HELD_DISTANCE) return { start: index, end: range.end };
    if (index >= range.end && index - range.end < MAX_HELD_DISTANCE) return { start: range.start, end: index + 1 };
    return range;
  }

  #focusedKey(): string | undefined {
    const list = this.#options.list();
    const active = this.#host.shadowRoot?.activeElement;
    if (!list || !active) return undefined;
    for (let node: Element | null = active; node && node !== list; node = node.parentElement) {
      if (node.parentElement === list) return (node as HTMLElement).dataset.key;
    }
    return undefined;
  }

  /**
   * The visible part of the list in list coordinates. Where list coordinate 0 is on screen comes
   * from the anchor when there is one (so the range is computed for where the anchor will be kept),
   * else from the first rendered item, else from the list's box.
   */
  #visible(list: HTMLElement, anchor: Anchor | undefined): { top: number; bottom: number } {
    const clip = this.#clip(list);
    const offsets = this.#layout();
    let origin: number;
    const anchorIndex = anchor ? this.#indexOf.get(anchor.key) : undefined;
    if (anchor && anchorIndex !== undefined) origin = anchor.top - offsets[anchorIndex]!;
    else {
      const first = this.#firstRendered(list);
      const firstIndex = first ? this.#indexOf.get(first.dataset.key!) : undefined;
      origin =
        first && firstIndex !== undefined
          ? first.getBoundingClientRect().top - offsets[firstIndex]!
          : list.getBoundingClientRect().top + list.clientTop;
    }
    const total = offsets[offsets.length - 1]!;
    const height = Math.max(clip.bottom - clip.top, 0) || window.innerHeight;
    // Off screen (above or below): render the end nearest to the screen.
    const top = Math.min(Math.max(clip.top - origin, 0), Math.max(total - height, 0));
    return { top, bottom: top + height };
  }

  /**
   * The part of the screen where the list can be seen: the viewport, cut by every ancestor that
   * clips its overflow (a scrolling box, `overflow: hidden`…), across shadow roots.
   */
  #clip(list: HTMLElement): { top: number; bottom: number } {
    let top = 0;
    let bottom = window.innerHeight;
    for (let node = composedParent(list); node; node = composedParent(node)) {
      if (node === document.documentElement || node === document.body) break;
      if (getComputedStyle(node).overflowY === 'visible') continue;
      const box = node.getBoundingClientRect();
      top = Math.max(top, box.top + node.clientTop);
      bottom = Math.min(bottom, box.top + node.clientTop + node.clientHeight);
    }
    return { top, bottom };
  }

  /** The box that scrolls the list: the nearest ancestor that can scroll, else the document. */
  #scroller(list: HTMLElement): Element {
    for (let node = composedParent(list); node; node = composedParent(node)) {
      if (node === document.documentElement || node === document.body) break;
      const overflow = getComputedStyle(node).overflowY;
      if ((overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay') && node.scrollHeight > node.clientHeight) {
        return node;
      }
    }
    return document.scrollingElement ?? document.documentElement;
  }

  #captureAnchor(list: HTMLElement): Anchor | undefined {
    const clip = this.#clip(list);
    if (clip.top - list.getBoundingClientRect().top <= TOP_SLACK) return undefined;
    for (const child of list.children) {
      const key = (child as HTMLElement).dataset.key;
      if (key === undefined) continue;
      const box = child.getBoundingClientRect();
      if (box.bottom > clip.top) return { key, top: box.top };
    }
    return undefined;
  }

  #keepAnchor(list: HTMLElement, anchor: Anchor): void {
    const item = this.#item(list, anchor.key);
    if (!item) return;
    const delta = item.getBoundingClientRect().top - anchor.top;
    if (Math.abs(delta) >= 0.5) this.#scroller(list).scrollTop += delta;
  }

  /** Reads the rendered items' heights; true when one changed. */
  #measure(list: HTMLElement): boolean {
    let changed = false;
    const seen = new Set<Element>();
    for (const child of list.children) {
      const key = (child as HTMLElement).dataset.key;
      if (key === undefined) continue;
      seen.add(child);
      if (!this.#observed.has(child)) {
        this.#observed.add(child);
        this.#resizeObserver?.observe(child);
      }
      const height = child.getBoundingClientRect().height;
      if (Math.abs((this.#heights.get(key) ?? -1) - height) >= 0.5) {
        this.#heights.set(key, height);
        changed = true;
      }
    }
    for (const element of this.#observed) {
      if (seen.has(element)) continue;
      this.#resizeObserver?.unobserve(element);
      this.#observed.delete(element);
    }
    if (changed) this.#offsetsStale = true;
    return changed;
  }

  /** True when the items needed now (visible part ± half the overscan) are not all rendered. */
  #needsRender(list: HTMLElement): boolean {
    const count = this.#keys.length;
    if (count === 0) return false;
    const visible = this.#visible(list, undefined);
    const start = this.#indexAt(visible.top - OVERSCAN / 2);
    const end = Math.min(count, this.#indexAt(visible.bottom + OVERSCAN / 2) + 1);
    return start < this.#range.start || end > this.#range.end;
  }

  #firstRendered(list: HTMLElement): HTMLElement | undefined {
    for (const child of list.children) if ((child as HTMLElement).dataset.key !== undefined) return child as HTMLElement;
    return undefined;
  }

  #item(list: HTMLElement, key: string | undefined): HTMLElement | undefined {
    if (key === undefined) return undefined;
    for (const child of list.children) if ((child as HTMLElement).dataset.key === key) return child as HTMLElement;
    return undefined;
  }

  // —— events ——

  readonly #onScroll = (): void => this.#schedule('scroll');
  readonly #onWindowResize = (): void => this.#schedule('resize');

  #schedule(reason: 'scroll' | 'resize'): void {
    if (reason === 'scroll') this.#frameReason = 'scroll';
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      const frameReason = this.#frameReason;
      this.#frameReason = 'resize';
      this.#options.onViewportChange?.(frameReason);
      const list = this.#options.list();
      if (!list?.isConnected) return;
      this.#lastAnchor = this.#captureAnchor(list);
      if (this.#needsRender(list)) this.#host.requestUpdate();
    });
  }

  /**
   * An item changed size between renders (a reply box opened, the width changed, a font loaded).
   * Re-measure, and put the anchor back where it was last seen. Resize observations arrive after
   * layout and before paint, so the correction is never seen.
   */
  #onResize(): void {
    const list = this.#options.list();
    if (!list?.isConnected || !this.#measure(list)) return;
    if (this.#lastAnchor) this.#keepAnchor(list, this.#lastAnchor);
    this.#lastAnchor = this.#captureAnchor(list);
    this.#requestFollowUp();
  }

  /** A render after this one. Not from inside the update itself (Lit warns about that, rightly). */
  #requestFollowUp(): void {
    if (this.#followUp) return;
    this.#followUp = true;
    queueMicrotask(() => {
      this.#followUp = false;
      this.#inFollowUp = true;
      this.#host.requestUpdate();
    });
  }
}

function composedParent(node: Element): Element | null {
  if (node.assignedSlot) return node.assignedSlot;
  if (node.parentElement) return node.parentElement;
  const root = node.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}
