import { createLocalJWKSet, type JWTVerifyGetKey } from 'jose';
import type { PeerRecord, PeerStore } from '../store/peer-store.js';

/**
 * The peers this server trusts, by origin and by domain, with their pinned keys ready for
 * verification. Cached; refreshed when a peer is added, changed or removed (or after `maxAgeMs`,
 * to notice changes made by the CLI in another process).
 */
export class PeerDirectory {
  readonly #peers: PeerStore;
  readonly #maxAgeMs: number;
  #loadedAt = 0;
  #byOrigin = new Map<string, PeerRecord>();
  #byDomain = new Map<string, PeerRecord>();
  #keys = new Map<string, JWTVerifyGetKey>();

  constructor(peers: PeerStore, maxAgeMs = 2_000) {
    this.#peers = peers;
    this.#maxAgeMs = maxAgeMs;
  }

  invalidate(): void {
    this.#loadedAt = 0;
  }

  async #fresh(): Promise<void> {
    if (Date.now() - this.#loadedAt < this.#maxAgeMs) return;
    const peers = await this.#peers.listPeers();
    this.#byOrigin = new Map(peers.map((peer) => [peer.origin, peer]));
    this.#byDomain = new Map(peers.map((peer) => [peer.domain, peer]));
    this.#keys = new Map(peers.map((peer) => [peer.domain, createLocalJWKSet(peer.jwks)]));
    this.#loadedAt = Date.now();
  }

  async byOrigin(origin: string): Promise<PeerRecord | undefined> {
    await this.#fresh();
    return this.#byOrigin.get(origin);
  }

  async byDomain(domain: string): Promise<PeerRecord | undefined> {
    await this.#fresh();
    return this.#byDomain.get(domain);
  }

  /** A verification key source for one peer's pinned keys. */
  async keysOf(domain: string): Promise<JWTVerifyGetKey | undefined> {
    await this.#fresh();
    return this.#keys.get(domain);
  }

  /** Synchronous lookup for the request verifier, after {@link prepare}. */
  keysByOriginNow(origin: string): JWTVerifyGetKey | undefined {
    const peer = this.#byOrigin.get(origin);
    return peer && this.#keys.get(peer.domain);
  }

  async prepare(): Promise<void> {
    await this.#fresh();
  }
}
