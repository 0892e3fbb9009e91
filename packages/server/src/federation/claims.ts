import { domainOf, signMembershipClaim, systemClock, type Clock, type Group } from '@mutual/protocol';
import type { PeerRecord } from '../store/peer-store.js';
import type { Store } from '../store/store.js';
import type { ServerKeys } from './server-keys.js';

/**
 * Issues membership claims for a peer's people in a group homed here. A claim is re-used until
 * half its life has passed, so deliveries do not sign anew for every batch.
 */
export class ClaimIssuer {
  readonly #store: Store;
  readonly #keys: ServerKeys;
  readonly #origin: string;
  readonly #clock: Clock;
  readonly #cache = new Map<string, { token: string; renewAt: number }>();

  constructor(store: Store, keys: ServerKeys, origin: string, clock: Clock = systemClock) {
    this.#store = store;
    this.#keys = keys;
    this.#origin = origin;
    this.#clock = clock;
  }

  /** Claims for every current member of `group` who belongs to `peer`'s organisation. */
  async claimsFor(group: Group, peer: PeerRecord): Promise<string[]> {
    const members = (await this.#store.listMembers(group.id)).filter((member) => domainOf(member.id) === peer.domain);
    const claims: string[] = [];
    for (const member of members) {
      const cacheKey = `${group.id}\n${member.id}\n${member.role}\n${peer.origin}`;
      const cached = this.#cache.get(cacheKey);
      if (cached && cached.renewAt > this.#clock()) {
        claims.push(cached.token);
        continue;
      }
      const key = await this.#keys.signingKey(peer.signingKid);
      const ttlSeconds = 10 * 60;
      const token = await signMembershipClaim(
        { issuer: this.#origin, audience: peer.origin, person: member.id, group: group.id, space: group.space, role: member.role },
        key,
        { clock: this.#clock, ttlSeconds },
      );
      if (this.#cache.size > 10_000) this.#cache.clear();
      this.#cache.set(cacheKey, { token, renewAt: this.#clock() + (ttlSeconds * 1000) / 2 });
      claims.push(token);
    }
    return claims;
  }
}
