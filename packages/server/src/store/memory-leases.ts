/**
 * Outbox leases held in this process's memory, for a database that one process owns (SQLite):
 * the lease only keeps two drains of one peer's queue from overlapping, and within one process
 * that needs no disk. Taking, renewing and releasing a lease in a table was a commit — an fsync —
 * each, on the path of every federated write. A lease that is lost (the process ends) simply
 * expires with the process. Same rules as the table (see OutboxStore.lease).
 */
export class MemoryLeases {
  readonly #held = new Map<string, { holder: string; until: number }>();

  lease(target: string, holder: string, now: number, ttlMs: number): boolean {
    const current = this.#held.get(target);
    if (current && current.holder !== holder && current.until >= now) return false;
    this.#held.set(target, { holder, until: now + ttlMs });
    return true;
  }

  release(target: string, holder: string): void {
    if (this.#held.get(target)?.holder === holder) this.#held.delete(target);
  }
}
