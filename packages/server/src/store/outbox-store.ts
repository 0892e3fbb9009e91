export type OutboxKind = 'deliver' | 'submit' | 'keys';

export interface OutboxItem {
  id: number;
  target: string;
  kind: OutboxKind;
  group: string | null;
  eventId: string | null;
  payload: string | null;
  attempts: number;
  createdAt: string;
  lastError: string | null;
  failedAt: string | null;
}

export interface NewOutboxItem {
  target: string;
  kind: OutboxKind;
  group?: string;
  eventId?: string;
  payload?: string;
}

/**
 * The durable queue of what must reach other servers. Items for one target leave strictly in
 * order: a failing head holds back the rest, so a peer never sees a later write before an
 * earlier one.
 */
export interface OutboxStore {
  enqueue(item: NewOutboxItem, at: string): Promise<number>;
  /** Targets whose head item is due. */
  dueTargets(now: number): Promise<string[]>;
  /** The first pending (not failed) items of a target, oldest first. */
  head(target: string, limit: number): Promise<OutboxItem[]>;
  complete(ids: readonly number[]): Promise<void>;
  /** Counts an attempt on `ids` and holds the whole target back until `nextAttemptAt`. */
  retryLater(target: string, ids: readonly number[], nextAttemptAt: number, error: string): Promise<void>;
  /** The receiver refused for good: keep the items for an admin to see, stop retrying them. */
  fail(ids: readonly number[], error: string, at: string): Promise<void>;
  pending(): Promise<OutboxItem[]>;
  /**
   * Takes (or renews) the right to send to a target until `now + ttlMs`: one process at a time
   * drains a peer's queue, so per-peer order holds across processes. False if another holds it.
   */
  lease(target: string, holder: string, now: number, ttlMs: number): Promise<boolean>;
  release(target: string, holder: string): Promise<void>;
  /** Pending submissions to a group (to find a retried write before queuing it twice). */
  pendingSubmits(group: string): Promise<OutboxItem[]>;
  failures(): Promise<OutboxItem[]>;
  /** Those of these events' submissions that their home server refused for good (what their authors are told). */
  refusedSubmits(eventIds: readonly string[]): Promise<OutboxItem[]>;
}

/** How a refusal is kept as an item's `lastError`: `code: message` (told to authors, api/refused-writes.ts). */
export const refusalText = (code: string, message: string): string => `${code}: ${message}`;

/** A kept refusal's code and message; `refused` for one kept before refusals had a code. */
export function refusalParts(lastError: string | null): { code: string; message: string } {
  const error = lastError ?? '';
  const colon = error.indexOf(': ');
  const code = colon > 0 ? error.slice(0, colon) : '';
  return /^[a-z_]{1,40}$/.test(code) ? { code, message: error.slice(colon + 2) } : { code: 'refused', message: error };
}
