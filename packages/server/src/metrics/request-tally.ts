import type { Counter } from 'prom-client';

type RequestLabels = 'method' | 'route' | 'status';

/**
 * Answered requests counted in a plain Map and added to the Prometheus counter when it is read
 * (its `collect`), so a request pays one string key and one increment, not prom-client's label
 * validation and hashing. Entries stay (one per method, status and route pattern: a bounded set,
 * as in the counter itself), so the figures read at `/metrics` are the same.
 */
export class RequestTally {
  readonly #counts = new Map<string, { method: string; route: string; status: string; count: number }>();

  count(method: string, route: string, status: number): void {
    const key = `${method} ${status} ${route}`;
    const entry = this.#counts.get(key);
    if (entry) entry.count++;
    else this.#counts.set(key, { method, route, status: String(status), count: 1 });
  }

  /** Adds what was counted since the last call to `counter`. */
  flushInto(counter: Counter<RequestLabels>): void {
    for (const entry of this.#counts.values()) {
      if (entry.count === 0) continue;
      counter.inc({ method: entry.method, route: entry.route, status: entry.status }, entry.count);
      entry.count = 0;
    }
  }
}
