import { createLocalJWKSet, importJWK, type JSONWebKeySet, type JWK } from 'jose';
import { MAX_PINNED_KEYS, MutualError, newId, systemClock, type Clock, type SigningKey } from '@mutual/protocol';
import { generateKeys } from '../keys/generate-keys.js';
import type { PeerStore, ServerKeyRecord } from '../store/peer-store.js';

/**
 * This server's own signing keys, kept in its store. The newest signs; all stay published so that
 * what older keys signed still verifies. A server without a key makes one on first use.
 */
export class ServerKeys {
  readonly #peers: PeerStore;
  readonly #clock: Clock;
  #records: ServerKeyRecord[] | undefined;
  #loadedAt = 0;
  readonly #imported = new Map<string, SigningKey>();
  #keySet: { records: ServerKeyRecord[]; keys: ReturnType<typeof createLocalJWKSet> } | undefined;

  constructor(peers: PeerStore, clock: Clock = systemClock) {
    this.#peers = peers;
    this.#clock = clock;
  }

  async #load(): Promise<ServerKeyRecord[]> {
    // Re-read now and then: `mutual keys rotate` may have added a key from another process.
    if (!this.#records || Date.now() - this.#loadedAt > 5_000) {
      let records = await this.#peers.serverKeys();
      if (records.length === 0) {
        await this.rotate();
        records = await this.#peers.serverKeys();
      }
      this.#records = records;
      this.#loadedAt = Date.now();
    }
    return this.#records;
  }

  /** Forget the cached keys (after another process rotated them). */
  reload(): void {
    this.#records = undefined;
  }

  /** The key that signs, or a given one by id (to keep signing for a peer that knows only it). */
  async signingKey(kid?: string | null): Promise<SigningKey> {
    const records = await this.#load();
    const record = (kid && records.find((r) => r.kid === kid)) || records[0]!;
    let key = this.#imported.get(record.kid);
    if (!key) {
      key = { kid: record.kid, alg: record.alg, key: (await importJWK(record.privateJwk, record.alg)) as SigningKey['key'] };
      this.#imported.set(record.kid, key);
    }
    return key;
  }

  /**
   * Our public keys as a jose key set, to verify what this server signed (claims coming back with a
   * submission). Kept while the keys are: jose imports each key once per set, and a set made per
   * request paid a WebCrypto import every time.
   */
  async verificationKeys(): Promise<ReturnType<typeof createLocalJWKSet>> {
    const records = await this.#load();
    if (this.#keySet?.records !== records) {
      this.#keySet = { records, keys: createLocalJWKSet({ keys: records.map((record) => record.publicJwk as JWK) }) };
    }
    return this.#keySet.keys;
  }

  /** Every public key, newest first, as published at the well-known JWKS path; or the newest `count`. */
  async jwks(count?: number): Promise<JSONWebKeySet> {
    const records = await this.#load();
    return { keys: (count === undefined ? records : records.slice(0, count)).map((record) => record.publicJwk as JWK) };
  }

  /**
   * Makes a new key the signing one and, in the same transaction, queues its announcement to every
   * peer (signed with the key each peer knows), so a crash cannot leave a key unannounced.
   */
  async rotate(alg: 'EdDSA' | 'ES256' = 'EdDSA'): Promise<string> {
    // Peers pin every key, old ones included (what they signed must keep verifying), up to a bound.
    const held = await this.#peers.serverKeys();
    if (held.length >= MAX_PINNED_KEYS) {
      throw new MutualError('conflict', `this server already has ${held.length} keys, as many as a peer pins: see docs/federation.md §14`);
    }
    const createdAt = new Date(this.#clock()).toISOString();
    // The kid starts with the time, so that keys sort by age and the newest signs. A key made while
    // the clock ran ahead must not stay on top: the new one always sorts after the newest there is.
    let stamp = createdAt.replace(/[-:.TZ]/g, '');
    const newest = held[0]?.kid.match(/^\d{17}/)?.[0];
    if (newest && stamp <= newest) stamp = String(BigInt(newest) + 1n);
    const generated = await generateKeys(alg, `${stamp}-${newId().slice(0, 8)}`);
    const peers = await this.#peers.listPeers();
    await this.#peers.addServerKey(
      { kid: generated.kid, alg, privateJwk: generated.privateJwk, publicJwk: generated.publicJwks.keys[0]!, createdAt },
      peers.map((peer) => peer.domain),
    );
    this.#records = undefined;
    return generated.kid;
  }
}
