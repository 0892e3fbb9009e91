import { setMaxListeners } from 'node:events';
import type { Clock } from '@mutual/protocol';
import { backoffDelay, type RetryPolicy } from '../federation/backoff.js';
import { signedHeaders } from './sign.js';
import type { DueDelivery, WebhookStore } from './webhook-store.js';

export interface WebhookWorkerOptions {
  store: WebhookStore;
  /** This organisation: a subscription of any other is never served (defence in depth). */
  domain: string;
  clock: Clock;
  retry: RetryPolicy;
  /** After this many failed attempts a delivery is marked failed and kept in the log. */
  maxAttempts: number;
  /** One attempt may take this long (ms). */
  timeoutMs: number;
  /** How often to look for due deliveries (ms). */
  pollMs: number;
}

/** How many attempts may be in flight at once, over all subscriptions. */
const IN_FLIGHT = 20;
/** …and for one subscription: a receiver that hangs holds at most these, never the others' turn. */
const PER_SUBSCRIPTION = 4;

/**
 * Sends queued webhook deliveries: each signed afresh per attempt, a 2xx answer within the timeout
 * counts as delivered, anything else is retried with capped exponential backoff and jitter until
 * `maxAttempts`. Every attempt is logged. Deliveries are independent: attempts run on their own
 * (a pass does not wait for the slowest), at most {@link PER_SUBSCRIPTION} per subscription, so a
 * receiver that is down or hangs delays only its own.
 */
export class WebhookWorker {
  readonly #options: WebhookWorkerOptions;
  #running = false;
  #loop: Promise<void> | undefined;
  #wake: () => void = () => {};
  #pending = false;
  /** Aborts the attempts in flight when the worker stops: they stay claimed and are retried later. */
  #stopping = new AbortController();
  /** Attempts in flight, and how many of them each subscription has. */
  readonly #inFlight = new Set<Promise<void>>();
  readonly #busy = new Map<string, number>();

  constructor(options: WebhookWorkerOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#stopping = new AbortController();
    // One listener per attempt in flight.
    setMaxListeners(IN_FLIGHT + 1, this.#stopping.signal);
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#stopping.abort();
    this.#wake();
    await this.#loop;
    await Promise.all(this.#inFlight);
  }

  /** Look now rather than at the next poll. */
  wake(): void {
    this.#pending = true;
    this.#wake();
  }

  async #run(): Promise<void> {
    while (this.#running) {
      this.#pending = false;
      let more = false;
      try {
        // A pass that filled every free place may have left more due: look again once one frees.
        more = (await this.#startDue()).length > 0 && this.#inFlight.size < IN_FLIGHT;
      } catch (error) {
        console.error(`mutual: webhooks: ${(error as Error).message}`);
      }
      if (!this.#running) break;
      if (this.#pending || more) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#options.pollMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** One pass over what is due, waiting for the attempts it started; returns how many it started. */
  async runOnce(): Promise<number> {
    const started = await this.#startDue();
    await Promise.all(started);
    return started.length;
  }

  /**
   * Starts an attempt for each due delivery there is room for, oldest first, leaving out
   * subscriptions that already have {@link PER_SUBSCRIPTION} in flight. Each attempt wakes the
   * loop when it ends, so its place is taken at once.
   */
  async #startDue(): Promise<Promise<void>[]> {
    const { store, clock, timeoutMs } = this.#options;
    const room = IN_FLIGHT - this.#inFlight.size;
    if (room <= 0) return [];
    const now = clock();
    const full = [...this.#busy].filter(([, count]) => count >= PER_SUBSCRIPTION).map(([subscription]) => subscription);
    const due = await store.due(now, room, { perSubscription: PER_SUBSCRIPTION, except: full });
    // Stopped while asking: start nothing that stop() would no longer wait for or cancel.
    if (this.#stopping.signal.aborted) return [];
    const started: Promise<void>[] = [];
    for (const delivery of due) {
      const subscription = delivery.subscription.id;
      const busy = this.#busy.get(subscription) ?? 0;
      if (busy >= PER_SUBSCRIPTION) continue;
      this.#busy.set(subscription, busy + 1);
      const attempt = (async () => {
        // Past the attempt's deadline another process may take it again, not before.
        if (await store.claim(delivery, now + timeoutMs * 2)) await this.#attempt(delivery);
      })()
        .catch((error: unknown) => console.error(`mutual: webhooks: ${(error as Error).message}`))
        .finally(() => {
          this.#inFlight.delete(attempt);
          const left = (this.#busy.get(subscription) ?? 1) - 1;
          if (left > 0) this.#busy.set(subscription, left);
          else this.#busy.delete(subscription);
          this.wake();
        });
      this.#inFlight.add(attempt);
      started.push(attempt);
    }
    return started;
  }

  async #attempt(delivery: DueDelivery): Promise<void> {
    const { store, clock, retry, maxAttempts, timeoutMs, domain } = this.#options;
    const attempt = delivery.attempts + 1;
    const started = clock();
    const at = new Date(started).toISOString();
    if (delivery.subscription.organisation !== domain) {
      await store.recordAttempt(delivery.id, { attempt, at, error: 'subscription of another organisation', durationMs: 0 }, { status: 'failed', at });
      return;
    }
    let status: number | undefined;
    let error: string | undefined;
    // One signal per attempt, aborted by its deadline or by stop().
    const controller = new AbortController();
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onStop = () => controller.abort();
    this.#stopping.signal.addEventListener('abort', onStop, { once: true });
    // Stopped between the claim and here: the listener above would never hear it.
    if (this.#stopping.signal.aborted) controller.abort();
    try {
      const response = await fetch(delivery.subscription.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Mutual-Webhooks/0.1',
          ...signedHeaders(delivery.subscription.secret, delivery.eventId, new Date(started), delivery.payload),
        },
        body: delivery.payload,
        // A redirect is an answer, not an invitation to send the event elsewhere.
        redirect: 'manual',
        signal: controller.signal,
      });
      status = response.status;
      await response.body?.cancel();
      if (status < 200 || status > 299) error = `HTTP ${status}`;
    } catch (failure) {
      // Stopped mid-attempt: not the receiver's failure. The claim runs out and the attempt is made again.
      if (this.#stopping.signal.aborted) return;
      const cause = (failure as Error & { cause?: { code?: string } }).cause;
      error = timedOut ? `no answer within ${timeoutMs} ms` : `${(failure as Error).message}${cause?.code ? ` (${cause.code})` : ''}`;
    } finally {
      clearTimeout(deadline);
      this.#stopping.signal.removeEventListener('abort', onStop);
    }
    const finished = clock();
    const record = { attempt, at, ...(status !== undefined && { status }), ...(error !== undefined && { error }), durationMs: finished - started };
    const end = new Date(finished).toISOString();
    if (error === undefined) await store.recordAttempt(delivery.id, record, { status: 'delivered', at: end });
    else if (attempt >= maxAttempts) await store.recordAttempt(delivery.id, record, { status: 'failed', at: end });
    else await store.recordAttempt(delivery.id, record, { status: 'pending', nextAttemptAt: finished + backoffDelay(attempt, retry) });
  }
}
