import { BackfillSchema, MAX_EVENTS_PER_REQUEST } from '@mutual/protocol';
import type { PeerRecord } from '../store/peer-store.js';
import type { Store } from '../store/store.js';
import type { FederationClient } from './federation-client.js';
import type { ReplicaApplier } from './replica.js';

/**
 * Fills gaps in a replicated group by asking its home for the events after the last one applied
 * here, page by page. One run per group at a time; a request during a run makes it go once more.
 */
export class Backfiller {
  readonly #store: Store;
  readonly #client: FederationClient;
  readonly #applier: () => ReplicaApplier;
  readonly #running = new Map<string, Promise<void>>();
  readonly #again = new Set<string>();

  constructor(store: Store, client: FederationClient, applier: () => ReplicaApplier) {
    this.#store = store;
    this.#client = client;
    this.#applier = applier;
  }

  /** Starts (or re-arms) a backfill; resolves when the group has caught up or the home failed. */
  request(peer: PeerRecord, group: string): Promise<void> {
    const running = this.#running.get(group);
    if (running) {
      this.#again.add(group);
      return running;
    }
    const run = this.#run(peer, group).finally(() => {
      this.#running.delete(group);
      if (this.#again.delete(group)) void this.request(peer, group);
    });
    this.#running.set(group, run);
    return run;
  }

  /** Waits for every backfill under way (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running.size) await Promise.allSettled([...this.#running.values()]);
  }

  async #run(peer: PeerRecord, group: string): Promise<void> {
    try {
      for (let pages = 0; pages < 10_000; pages++) {
        const after = await this.#store.lastSeq(group);
        const path = `/federation/v1/groups/${encodeURIComponent(group)}/events?after=${after}&limit=${MAX_EVENTS_PER_REQUEST}`;
        const page = BackfillSchema.parse(await this.#client.request(peer, 'GET', path));
        await this.#applier().receive(peer, page, group, { fromBackfill: true });
        const now = await this.#store.lastSeq(group);
        if (page.events.length === 0 || now >= page.last || now === after) return;
      }
    } catch (error) {
      // The next delivery will ask again; nothing is lost while the gap stays held.
      console.error(`mutual: backfill of ${group} from ${peer.domain} failed: ${(error as Error).message}`);
    }
  }
}
