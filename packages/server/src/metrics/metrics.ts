import type { MiddlewareHandler } from 'hono';
import { Counter, Gauge, Registry } from 'prom-client';
import type { LiveHub } from '../live/hub.js';
import { RequestTally } from './request-tally.js';
import type { Store } from '../store/store.js';

/**
 * What an operator watches, in Prometheus' text format at `/metrics`: requests, live streams,
 * the outbox (depth and age of the oldest item per peer) and delivery failures per peer.
 * One registry per server, so several servers in one process (tests) do not mix.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly #answered = new RequestTally();
  readonly deliveryFailures: Counter<'peer'>;

  constructor(store: Store, hub: LiveHub) {
    const answered = this.#answered;
    new Counter({
      name: 'mutual_http_requests_total',
      help: 'HTTP requests answered, by route and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [this.registry],
      collect() {
        answered.flushInto(this);
      },
    });
    this.deliveryFailures = new Counter({
      name: 'mutual_delivery_failures_total',
      help: 'Failed attempts to send to a peer',
      labelNames: ['peer'] as const,
      registers: [this.registry],
    });
    new Gauge({
      name: 'mutual_sse_clients',
      help: 'Open live streams on this process',
      registers: [this.registry],
      collect() {
        this.set(hub.subscriberCount);
      },
    });
    new Gauge({
      name: 'mutual_outbox_depth',
      help: 'Items waiting to be sent, by peer (failed items excluded)',
      labelNames: ['peer'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const [peer, items] of groupByTarget(await store.outbox.pending())) this.set({ peer }, items.length);
      },
    });
    new Gauge({
      name: 'mutual_outbox_oldest_age_seconds',
      help: 'Age of the oldest item waiting for each peer',
      labelNames: ['peer'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const now = Date.now();
        for (const [peer, items] of groupByTarget(await store.outbox.pending())) {
          this.set({ peer }, Math.max(0, (now - Date.parse(items[0]!.createdAt)) / 1000));
        }
      },
    });
    new Gauge({
      name: 'mutual_outbox_refused',
      help: 'Items a peer refused for good, kept for an admin (mutual peer failures)',
      labelNames: ['peer'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const [peer, items] of groupByTarget(await store.outbox.failures())) this.set({ peer }, items.length);
      },
    });
  }

  /** Counts each answered request by its route pattern (never the concrete path: ids stay out). */
  middleware(): MiddlewareHandler {
    const answered = this.#answered;
    return async function countRequests(c, next) {
      await next();
      answered.count(c.req.method, c.req.routePath, c.res.status);
    };
  }
}

function groupByTarget<T extends { target: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.target, [...(groups.get(item.target) ?? []), item]);
  return groups;
}
