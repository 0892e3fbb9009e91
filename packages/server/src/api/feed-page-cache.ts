import type { PersonId } from '@mutual/protocol';
import { personalise, reactorsOf, type SharedFeedPage } from '../store/shared-feed-page.js';
import type { GroupAccess, Store } from '../store/store.js';

export interface FeedPageCacheOptions {
  /** How many first pages (a group and a page size each) to keep; least recently read leave first. */
  maxPages?: number;
  /** How many readers' own copies to keep per page (only readers who reacted on it need one). */
  maxPersonalCopies?: number;
}

/** A first page as it was when the group's log stood at `lastSeq`, and its JSON (UTF-8). */
interface CachedPage {
  lastSeq: number;
  sideVersion: string;
  bodies: Promise<PageBodies>;
}

interface PageBodies {
  page: SharedFeedPage;
  /** The JSON everyone gets who reacted to nothing on the page (`mine` false throughout). */
  common: Uint8Array<ArrayBuffer>;
  reactors: Set<PersonId>;
  personal: Map<PersonId, Uint8Array<ArrayBuffer>>;
}

/**
 * The first page of each group's feed, kept as JSON. A page is the same for every member but for
 * each reaction's `mine`, so one copy (and one string) serves them all; a reader who reacted on the
 * page gets their own copy, derived from the same page.
 *
 * Fresh by construction, never by timing: an entry is used only when the group's `lastSeq` (raised
 * by every applied event: local append, replicated apply, backfill) and the store's `sideVersion`
 * (people's names, other processes' writes) read for *this* request are the ones it was built at.
 * Both are read before the page, so a page is never older than its key. The store gives no
 * `sideVersion` on PostgreSQL (several processes share it): there every read goes to the store.
 * Membership is not cached: the caller checks it on every request (see feed.ts).
 */
export class FeedPageCache {
  readonly #store: Store;
  readonly #maxPages: number;
  readonly #maxPersonal: number;
  readonly #pages = new Map<string, CachedPage>();
  /** The most recently read page's key: reading it again leaves the order as it is. */
  #newest: string | undefined;

  constructor(store: Store, options: FeedPageCacheOptions = {}) {
    this.#store = store;
    this.#maxPages = options.maxPages ?? 256;
    this.#maxPersonal = options.maxPersonalCopies ?? 64;
  }

  /**
   * The JSON of a group's first page, encoded (kept encoded: the bytes are written as they are),
   * for a member who has just passed the membership check.
   */
  async firstPage(access: GroupAccess, viewer: PersonId, limit: number): Promise<Uint8Array<ArrayBuffer>> {
    const { sideVersion, lastSeq } = access;
    const group = access.group.id;
    // As of the membership check: nothing written after it (see FeedQuery.throughSeq).
    if (sideVersion === undefined) return encode(await this.#store.feedPage({ group, viewer, limit, throughSeq: lastSeq }));
    const key = `${group}\n${limit}`;
    let cached = this.#pages.get(key);
    if (cached && cached.lastSeq === lastSeq && cached.sideVersion === sideVersion) {
      // Least recently read leave first: a hit moves to the end of the insertion order.
      if (key !== this.#newest) {
        this.#pages.delete(key);
        this.#pages.set(key, cached);
        this.#newest = key;
      }
    } else {
      cached = { lastSeq, sideVersion, bodies: this.#build(group, limit, lastSeq) };
      this.#pages.delete(key);
      this.#pages.set(key, cached);
      this.#newest = key;
      if (this.#pages.size > this.#maxPages) this.#pages.delete(this.#pages.keys().next().value!);
      // A failed read is not kept: the next request tries again.
      cached.bodies.catch(() => {
        if (this.#pages.get(key) === cached) this.#pages.delete(key);
      });
    }
    const bodies = await cached.bodies;
    if (!bodies.reactors.has(viewer)) return bodies.common;
    let personal = bodies.personal.get(viewer);
    if (personal === undefined) {
      personal = encode(personalise(bodies.page, viewer));
      if (bodies.personal.size >= this.#maxPersonal) bodies.personal.clear();
      bodies.personal.set(viewer, personal);
    }
    return personal;
  }

  /** How many pages are kept (for tests). */
  get size(): number {
    return this.#pages.size;
  }

  async #build(group: string, limit: number, throughSeq: number): Promise<PageBodies> {
    const page = await this.#store.sharedFeedPage({ group, limit, throughSeq });
    return { page, common: encode(personalise(page, undefined)), reactors: reactorsOf(page), personal: new Map() };
  }
}

const encoder = new TextEncoder();
/** Exactly the bytes `c.json(value)` would send. */
const encode = (value: unknown): Uint8Array<ArrayBuffer> => encoder.encode(JSON.stringify(value)) as Uint8Array<ArrayBuffer>;
