import {
  DeliveryReceiptSchema,
  domainOf,
  MAX_EVENTS_PER_REQUEST,
  MAX_FEDERATION_BODY_BYTES,
  SubmissionResultSchema,
  type Clock,
  type Delivery,
  type EventDraft,
  type Submission,
} from '@mutual/protocol';
import { PROCESS_ID } from '../process-id.js';
import { refusalText, type OutboxItem } from '../store/outbox-store.js';
import type { PeerRecord } from '../store/peer-store.js';
import type { Store } from '../store/store.js';
import { backoffDelay, type RetryPolicy } from './backoff.js';
import type { ClaimIssuer } from './claims.js';
import { FederationRequestError, type FederationClient } from './federation-client.js';
import type { ReplicaApplier } from './replica.js';
import type { ServerKeys } from './server-keys.js';

export interface OutboxWorkerOptions {
  store: Store;
  client: FederationClient;
  claims: ClaimIssuer;
  applier: ReplicaApplier;
  keys: ServerKeys;
  clock: Clock;
  retry: RetryPolicy;
  /** How often to look for work written by another process (the CLI) or falling due (ms). */
  pollMs: number;
  onError?: (target: string, error: Error) => void;
}

/** A claim is renewed from the home when it has less than this left (ms). */
const CLAIM_MARGIN_MS = 60_000;
/** How long a process may hold a peer's queue without renewing (a crashed process frees it then). */
const LEASE_MS = 30_000;
/** Stay well under the receiver's body limit (UTF-8 bytes): a batch is cut by size as well as by count. */
const BATCH_BYTES = MAX_FEDERATION_BODY_BYTES / 2;

/**
 * Sends what the outbox holds: deliveries of sequenced events to member servers, submissions of
 * our people's writes to home servers, and key announcements. Per peer strictly in order; at
 * least once (an item leaves the outbox only after the peer acknowledged it); failing peers are
 * retried with capped exponential backoff and jitter; refusals are kept for an admin to see.
 */
export class OutboxWorker {
  readonly #options: OutboxWorkerOptions;
  #running = false;
  #loop: Promise<void> | undefined;
  #wake: () => void = () => {};
  #pending = false;
  /** Targets being drained now: at most one drain per peer, each on its own. */
  readonly #draining = new Map<string, Promise<void>>();
  readonly #errorListeners: Array<(target: string, error: Error) => void> = [];

  constructor(options: OutboxWorkerOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#wake();
    await this.#loop;
    await Promise.allSettled([...this.#draining.values()]);
  }

  /** Called on every failed attempt (metrics, logs). */
  onError(listener: (target: string, error: Error) => void): void {
    this.#errorListeners.push(listener);
  }

  /** Something was enqueued: look now rather than at the next poll. */
  wake(): void {
    this.#pending = true;
    this.#wake();
  }

  async #run(): Promise<void> {
    while (this.#running) {
      this.#pending = false;
      try {
        // Start what is due without waiting for it: a peer that hangs (up to the request timeout,
        // round after round) must not hold back the other peers' queues.
        await this.#startDue();
      } catch (error) {
        console.error(`mutual: outbox: ${(error as Error).message}`);
      }
      if (!this.#running) break;
      if (this.#pending) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#options.pollMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** One pass over every target that has something due, awaited. Targets proceed in parallel. */
  async runOnce(): Promise<void> {
    await Promise.all(await this.#startDue());
  }

  /** Starts draining every due target that is not being drained already; returns those drains. */
  async #startDue(): Promise<Array<Promise<void>>> {
    const targets = await this.#options.store.outbox.dueTargets(this.#options.clock());
    return targets.map((target) => {
      const running = this.#draining.get(target);
      if (running) return running;
      const drain = this.#drain(target).then(
        (sent) => {
          this.#draining.delete(target);
          // Items enqueued for it while it was busy were skipped by the passes meanwhile: look
          // again now. (Not after a failure or a lease held elsewhere: that would spin.)
          if (sent && this.#running) this.wake();
        },
        (error: unknown) => {
          // The store failed (busy, disk, connection): nothing was completed, so the items stay
          // queued for the next pass. Said here: the background loop does not await this drain,
          // and an unhandled rejection would end the process.
          this.#draining.delete(target);
          console.error(`mutual: outbox: draining ${target} failed: ${(error as Error).message}`);
        },
      );
      this.#draining.set(target, drain);
      return drain;
    });
  }

  /** Sends what a peer's queue holds; true if at least one batch went through. */
  async #drain(target: string): Promise<boolean> {
    const { store, clock } = this.#options;
    // Another process may be sending to this peer: then it is its turn, not ours.
    if (!(await store.outbox.lease(target, PROCESS_ID, clock(), LEASE_MS))) return false;
    try {
      return await this.#drainLeased(target);
    } finally {
      await store.outbox.release(target, PROCESS_ID);
    }
  }

  async #drainLeased(target: string): Promise<boolean> {
    const { store, clock } = this.#options;
    const peer = await store.peers.getPeer(target);
    let sent = false;
    for (let rounds = 0; rounds < 100 && this.#running; rounds++) {
      if (rounds > 0 && !(await store.outbox.lease(target, PROCESS_ID, clock(), LEASE_MS))) return sent;
      const head = await store.outbox.head(target, MAX_EVENTS_PER_REQUEST);
      if (head.length === 0) return sent;
      const batch = takeBatch(head);
      try {
        if (!peer) throw new FederationRequestError(0, 'not_a_peer', `${target} is not a peer (yet)`);
        if (batch[0]!.kind === 'deliver') await this.#deliver(peer, batch);
        else if (batch[0]!.kind === 'submit') await this.#submit(peer, batch);
        else await this.#announceKeys(peer, batch);
        sent = true;
      } catch (error) {
        // Another process holds the queue now: it sends the batch, nothing failed.
        if (error instanceof LeaseLost) return sent;
        await this.#failed(target, batch, error as Error);
        return sent;
      }
    }
    return sent;
  }

  async #failed(target: string, batch: OutboxItem[], error: Error): Promise<void> {
    const { store, clock, retry } = this.#options;
    const ids = batch.map((item) => item.id);
    this.#options.onError?.(target, error);
    for (const listener of this.#errorListeners) listener(target, error);
    if (error instanceof FederationRequestError && !error.retryable) {
      // Kept like a refusal of one write: what an author is told (api/refused-writes.ts).
      await store.outbox.fail(ids, refusalText(error.code, error.message), new Date(clock()).toISOString());
      return;
    }
    const attempts = Math.max(...batch.map((item) => item.attempts)) + 1;
    await store.outbox.retryLater(target, ids, clock() + backoffDelay(attempts, retry), error.message);
  }

  async #deliver(peer: PeerRecord, batch: OutboxItem[]): Promise<void> {
    const { store, client, claims } = this.#options;
    const groupId = batch[0]!.group!;
    const group = await store.getGroup(groupId);
    const space = group && (await store.getSpace(group.space));
    if (!group || !space) {
      await store.outbox.complete(batch.map((item) => item.id));
      return;
    }
    // Cut the batch by size: the items not sent now stay at the head of the queue for the next round.
    const found = await store.sealedByIds(batch.map((item) => item.eventId!));
    const sealed = [];
    let bytes = 0;
    for (const event of found) {
      bytes += Buffer.byteLength(JSON.stringify(event));
      if (sealed.length > 0 && bytes > BATCH_BYTES) break;
      sealed.push(event);
    }
    const held = new Set(found.slice(sealed.length).map(({ event }) => event.id));
    // What is sent now leaves the queue (and an item whose event is gone has nothing to send).
    const done = batch.filter((item) => !held.has(item.eventId!));
    const people = await store.getPeople([
      ...sealed.map(({ event }) => event.author),
      ...sealed.flatMap(({ event }) => ('person' in event.body && typeof event.body.person === 'string' ? [event.body.person] : [])),
    ]);
    const delivery: Delivery = {
      space,
      group,
      events: sealed,
      people: [...people.values()],
      claims: await claims.claimsFor(group, peer),
    };
    await this.#keepLease(peer.domain);
    const receipt = DeliveryReceiptSchema.parse(await client.request(peer, 'POST', `/federation/v1/groups/${encodeURIComponent(group.id)}/events`, delivery));
    if (receipt.rejected > 0) {
      // The peer refused part of what we sent (it says so but keeps the rest): say it loudly.
      const error = new Error(`${peer.domain} rejected ${receipt.rejected} item(s) of ${group.id}`);
      this.#options.onError?.(peer.domain, error);
      for (const listener of this.#errorListeners) listener(peer.domain, error);
      console.error(`mutual: ${peer.domain} rejected ${receipt.rejected} item(s) of a delivery of ${group.id}`);
    }
    await store.outbox.complete(done.map((item) => item.id));
  }

  async #submit(peer: PeerRecord, batch: OutboxItem[]): Promise<void> {
    const { store, client, applier } = this.#options;
    const groupId = batch[0]!.group!;
    const group = await store.getGroup(groupId);
    const space = group && (await store.getSpace(group.space));
    if (!group || !space) throw new FederationRequestError(404, 'not_found', `group ${groupId} is unknown here`);
    const writes: Submission['writes'] = [];
    for (const item of batch) {
      const { draft, clientId } = JSON.parse(item.payload!) as { draft: EventDraft; clientId?: string };
      const author = (await store.getPerson(draft.author)) ?? { id: draft.author, name: draft.author, organisation: domainOf(draft.author) };
      writes.push({ draft, claim: await this.#claim(peer, groupId, draft.author), author, ...(clientId && { clientId }) });
    }
    const path = `/federation/v1/groups/${encodeURIComponent(groupId)}/submit`;
    await this.#keepLease(peer.domain);
    const answer = SubmissionResultSchema.parse(await client.request(peer, 'POST', path, { writes }));
    const at = new Date(this.#options.clock()).toISOString();
    const byId = new Map(answer.results.map((result) => [result.id, result]));
    for (const item of batch) {
      const result = byId.get(item.eventId!);
      if (result?.error) await store.outbox.fail([item.id], refusalText(result.error.code, result.error.message), at);
      else await store.outbox.complete([item.id]);
    }
    // Apply what the home sequenced right away; the regular delivery will find it applied.
    if (answer.events.length) await applier.receive(peer, { space, group, events: answer.events, people: [] }, groupId);
  }

  /**
   * Renews the lease on a peer's queue right before a request: the claims and lookups of a round
   * can take longer than the lease, and another process must not take the queue and send the
   * same batch meanwhile.
   */
  async #keepLease(target: string): Promise<void> {
    const { store, clock } = this.#options;
    if (!(await store.outbox.lease(target, PROCESS_ID, clock(), LEASE_MS))) throw new LeaseLost(target);
  }

  /** The author's current claim, renewed from the home when missing or about to expire. */
  async #claim(peer: PeerRecord, group: string, person: string): Promise<string> {
    const { store, client, clock } = this.#options;
    const saved = await store.peers.getClaim(group, person);
    if (saved && saved.expiresAt - clock() > CLAIM_MARGIN_MS) return saved.token;
    const fresh = await client.request<{ claims: string[] }>(peer, 'GET', `/federation/v1/groups/${encodeURIComponent(group)}/claims`);
    const localGroup = await store.getGroup(group);
    const space = localGroup && (await store.getSpace(localGroup.space));
    if (localGroup && space) await this.#options.applier.receive(peer, { space, group: localGroup, events: [], people: [], claims: fresh.claims }, group);
    return (await store.peers.getClaim(group, person))?.token ?? '';
  }

  async #announceKeys(peer: PeerRecord, batch: OutboxItem[]): Promise<void> {
    const { store, client, keys } = this.#options;
    keys.reload();
    const jwks = await keys.jwks();
    await client.request(peer, 'POST', '/federation/v1/keys', { jwks });
    // From now on this peer knows our newest key: sign with it.
    await store.peers.setSigningKid(peer.domain, (await keys.signingKey()).kid);
    await store.outbox.complete(batch.map((item) => item.id));
  }
}

/** The head items that can travel in one request: same kind, same group, in order, within size. */
function takeBatch(head: OutboxItem[]): OutboxItem[] {
  const first = head[0]!;
  if (first.kind === 'keys') return [first];
  const batch: OutboxItem[] = [];
  let bytes = 0;
  for (const item of head) {
    if (item.kind !== first.kind || item.group !== first.group) break;
    // Bytes, as the receiver counts them: text in most scripts is 2 or 3 UTF-8 bytes a character.
    bytes += item.payload ? Buffer.byteLength(item.payload) : 0;
    if (batch.length > 0 && bytes > BATCH_BYTES) break;
    batch.push(item);
  }
  return batch;
}

/** The lease on a peer's queue ran out and another process took it. */
class LeaseLost extends Error {
  constructor(target: string) {
    super(`the lease on ${target}'s queue was taken over`);
  }
}
