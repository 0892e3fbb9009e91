import {
  domainOf,
  MutualError,
  verifyEventProof,
  verifyMembershipClaim,
  type Clock,
  type DeliveryReceipt,
  type Group,
  type Person,
  type SealedEvent,
  type Space,
} from '@mutual/protocol';
import type { LiveHub } from '../live/hub.js';
import type { PeerRecord } from '../store/peer-store.js';
import type { Store } from '../store/store.js';
import type { PeerDirectory } from './peer-directory.js';
import { upsertGroupIfChanged, upsertPersonIfChanged } from './profile-updates.js';
import type { RequestReplay } from './request-replay.js';

export interface ReplicaPayload {
  space: Space;
  group: Group;
  events: SealedEvent[];
  people: Person[];
  claims?: string[];
}

export interface ReplicaOptions {
  store: Store;
  hub: LiveHub;
  directory: PeerDirectory;
  /** This organisation's domain and origin. */
  domain: string;
  origin: string;
  clock: Clock;
  /** Asked to fetch what is missing when a gap remains after applying. */
  onGap: (peer: PeerRecord, group: string) => void;
}

/**
 * Applies what a group's home server sends — deliveries, backfill pages, submission answers — to
 * this server's copy: only from that home, only that group's events, each checked against the
 * home's proof, in sequence order, once. Events ahead of a gap are held until it is filled.
 */
export class ReplicaApplier {
  readonly #options: ReplicaOptions;

  constructor(options: ReplicaOptions) {
    this.#options = options;
  }

  /**
   * Applies one delivery or backfill page. A gap left by a delivery starts a backfill; one left by
   * a backfill page does not start another (`fromBackfill`), or a home that never sends the
   * missing event would be asked again and again without pause. The next delivery asks again.
   */
  async receive(
    peer: PeerRecord,
    payload: ReplicaPayload,
    groupInUrl: string,
    options: { fromBackfill?: boolean; replay?: RequestReplay } = {},
  ): Promise<DeliveryReceipt & { rejected: number }> {
    const { store, hub, domain, clock } = this.#options;
    const { space, group } = payload;
    if (group.id !== groupInUrl) throw new MutualError('invalid_request', 'the body is about another group than the URL');
    if (group.home !== peer.domain) throw new MutualError('not_home', 'only a group’s home server sends its events');
    if (group.kind === 'internal') throw new MutualError('forbidden', 'internal groups never leave their home server');
    if (group.space !== space.id) throw new MutualError('invalid_request', 'the group is not in that space');
    const existing = await store.getGroup(group.id);
    if (existing && existing.home !== peer.domain) throw new MutualError('not_home', 'that group has another home');
    // Ids are shared by every organisation: a peer may only introduce spaces and home groups in
    // evaluations it is a party to (as the space here records it, or as it introduces it).
    const knownSpace = await store.getSpace(space.id);
    const parties = knownSpace ? [knownSpace.seller, knownSpace.buyer] : [space.seller, space.buyer];
    if (!existing && !parties.includes(peer.domain)) throw new MutualError('not_home', 'only the seller or the buyer of a space homes its groups');

    const at = new Date(clock()).toISOString();
    if (!knownSpace) await store.upsertSpace(space, at);
    await upsertGroupIfChanged(store, group, existing, at);
    for (const person of payload.people) {
      // A peer never speaks for our own people; and a profile must be of the domain it claims.
      const of = domainOf(person.id);
      if (of === domain || person.organisation !== of) continue;
      // It speaks for its own people; for a third organisation's, it only fills in a person we
      // know nothing of yet (profiles are not signed by their organisation: no renaming others).
      if (of === peer.domain) await upsertPersonIfChanged(store, person);
      else if (!(await store.getPerson(person.id))) await store.upsertPerson(person);
    }

    const keys = await this.#options.directory.keysOf(peer.domain);
    if (!keys) throw new MutualError('forbidden', 'not a peer');
    let rejected = 0;
    const sorted = [...payload.events].sort((a, b) => a.event.seq - b.event.seq);
    const verified: SealedEvent[] = [];
    for (const sealed of sorted) {
      if (sealed.event.group !== group.id || sealed.event.space !== group.space) {
        rejected++;
        continue;
      }
      try {
        await verifyEventProof(sealed.event, sealed.proof, peer.domain, keys);
      } catch {
        rejected++;
        continue;
      }
      verified.push(sealed);
    }
    // In sequence order and in one write with the request's replay record: one commit per delivery.
    const outcomes = options.replay
      ? await options.replay.within((request) => store.applyReplicatedInOrder(verified, request))
      : await store.applyReplicatedInOrder(verified);
    for (const [i, result] of outcomes.entries()) {
      if (result.outcome === 'applied') hub.publish(result.stored);
      else if (result.outcome === 'gap') await store.hold(verified[i]!);
      else if (result.outcome === 'conflict') rejected++;
    }
    await this.#drainHeld(group.id);

    for (const claim of payload.claims ?? []) {
      try {
        const verified = await verifyMembershipClaim(claim, { issuer: peer.origin, audience: this.#options.origin, keys, clock });
        // The same claim comes with every delivery until it is renewed: save it once.
        if (verified.group === group.id && domainOf(verified.person) === domain && (await store.peers.getClaim(group.id, verified.person))?.token !== claim) {
          await store.peers.saveClaim(group.id, verified.person, claim, verified.expiresAt);
        }
      } catch {
        rejected++;
      }
    }

    const held = (await store.held(group.id)).length;
    if (held > 0 && !options.fromBackfill) this.#options.onGap(peer, group.id);
    return { applied: await store.lastSeq(group.id), held, rejected };
  }

  /** Applies held events that have become next in line; forgets those already applied. */
  async #drainHeld(group: string): Promise<void> {
    const { store, hub } = this.#options;
    for (;;) {
      // Nothing held (the usual case): no delete, which would be a write of its own.
      if ((await store.held(group)).length === 0) return;
      const last = await store.lastSeq(group);
      await store.dropHeld(group, last);
      const next = (await store.held(group))[0];
      if (!next || next.event.seq !== last + 1) return;
      const result = await store.applyReplicated(next);
      if (result.outcome === 'applied') hub.publish(result.stored);
      await store.dropHeld(group, next.event.seq);
    }
  }
}
