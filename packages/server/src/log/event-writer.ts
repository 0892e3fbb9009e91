import {
  eventId,
  MutualError,
  signEventProof,
  systemClock,
  type Clock,
  type EventBody,
  type EventDraft,
  type EventType,
  type Group,
  type PersonId,
  type Role,
} from '@mutual/protocol';
import type { ServerKeys } from '../federation/server-keys.js';
import type { LiveHub } from '../live/hub.js';
import type { RequestRecord } from '../store/request-record.js';
import type { Store, StoredEvent } from '../store/store.js';
import { submittedWriteOf } from '../store/submitted-write.js';

export interface WriteRequest<T extends EventType> {
  space: string;
  group: string;
  author: PersonId;
  type: T;
  body: EventBody<T>;
  /** Makes a retried write idempotent for this author in this group. */
  clientId?: string;
}

/** A write is either in the log now (this server is the group's home) or queued for the home. */
export type WriteResult = { status: 'stored'; stored: StoredEvent } | { status: 'queued'; id: string };

export interface EventWriterOptions {
  store: Store;
  hub: LiveHub;
  keys: ServerKeys;
  /** This organisation's domain. */
  domain: string;
  clock?: Clock;
  /** Called after something was put in the outbox, so the delivery worker wakes at once. */
  onOutbox?: () => void;
}

/**
 * The only way events enter the system. In a group homed here: durably appended with its proof
 * (the transaction has committed before this resolves), queued for every other member
 * organisation, announced to live streams. In a group homed elsewhere: queued durably for the
 * home server, which alone orders the group's log.
 */
export class EventWriter {
  readonly #options: EventWriterOptions;
  readonly #clock: Clock;

  constructor(options: EventWriterOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
  }

  get domain(): string {
    return this.#options.domain;
  }

  /**
   * `known` is the caller's access check (a route's): its group is not read again, and with a
   * `role` the author writes as a member, so the append asks again, at commit, that they still may
   * (a removal committed meanwhile refuses the write).
   */
  async write<T extends EventType>(request: WriteRequest<T>, known?: { group: Group; role?: Role }): Promise<WriteResult> {
    const { store, domain } = this.#options;
    const group = known?.group.id === request.group ? known.group : await store.getGroup(request.group);
    if (!group) throw new MutualError('not_found', 'no such group');
    const { clientId, ...rest } = request;
    const draft = { ...rest, at: new Date(this.#clock()).toISOString() };
    if (group.home === domain) {
      return { status: 'stored', stored: await this.appendDraft(draft, clientId, undefined, { asMember: known?.role !== undefined }) };
    }
    if (clientId) {
      const earlier = await store.findByClientId(request.group, request.author, clientId);
      if (earlier) return { status: 'stored', stored: earlier };
      // A retry of a write still waiting in the outbox is the same write: same id, queued once.
      for (const item of await store.outbox.pendingSubmits(request.group)) {
        const queued = submittedWriteOf(item);
        if (queued?.clientId === clientId && queued.draft.author === request.author) return { status: 'queued', id: queued.event };
      }
    }
    const id = await eventId(draft);
    await store.outbox.enqueue(
      { target: group.home, kind: 'submit', group: group.id, eventId: id, payload: JSON.stringify({ draft, clientId }) },
      draft.at,
    );
    this.#options.onOutbox?.();
    return { status: 'queued', id };
  }

  /**
   * Appends a draft written elsewhere (a remote person's, already dated) to a group homed here.
   * Idempotent: the same draft, or the same author's clientId, is placed once. `request` is the
   * server request that carries the draft: remembered (replay protection) with the append.
   */
  async appendDraft(draft: EventDraft, clientId?: string, request?: RequestRecord, options: { asMember?: boolean } = {}): Promise<StoredEvent> {
    const { store, hub, keys, domain } = this.#options;
    const key = await keys.signingKey();
    // The store finds an earlier write of the same draft or clientId inside the append itself, so
    // that a retry racing its first attempt is placed once too.
    const stored = await store.append(draft, {
      ...(clientId && { clientId }),
      ...(request && { request }),
      ...(options.asMember && { asMember: true as const }),
      seal: (event) => signEventProof(event, domain, key),
    });
    if (!stored.appended) return stored;
    hub.publish(stored);
    // The outbox worker wakes a turn later: the live streams' pass, started by the publish, reads
    // and sends first, so the people watching are not kept waiting behind a delivery to a peer.
    const onOutbox = this.#options.onOutbox;
    if (onOutbox) setImmediate(onOutbox);
    return stored;
  }

  /** Writes as {@link write} and insists the group is homed here (admin actions, seeds). */
  async writeHere<T extends EventType>(request: WriteRequest<T>): Promise<StoredEvent> {
    const result = await this.write(request);
    if (result.status !== 'stored') throw new MutualError('forbidden', 'this group is homed on another server');
    return result.stored;
  }
}
