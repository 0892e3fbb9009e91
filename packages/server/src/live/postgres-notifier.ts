import pg from 'pg';
import { PROCESS_ID } from '../process-id.js';
import type { LiveHub, SpaceSignal } from './hub.js';

/** The PostgreSQL channel on which every process announces appended events. */
export const SIGNAL_CHANNEL = 'mutual_events';

/**
 * Lets several server processes on one PostgreSQL share live streams: it LISTENs for the signals
 * other processes' appends send on commit and passes them to this process's hub. Streams still
 * read from the store (and re-read now and then), so a notification lost while reconnecting
 * loses no event; on reconnecting it wakes every stream to catch up.
 */
export class PostgresNotifier {
  readonly #url: string;
  readonly #hub: LiveHub;
  readonly #onSignal: () => void;
  #client: pg.Client | undefined;
  #stopped = false;
  #retryMs = 250;

  constructor(url: string, hub: LiveHub, onSignal: () => void = () => {}) {
    this.#url = url;
    this.#hub = hub;
    this.#onSignal = onSignal;
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#url });
    client.on('notification', (message) => {
      if (message.channel !== SIGNAL_CHANNEL || !message.payload) return;
      try {
        const { from, ...signal } = JSON.parse(message.payload) as SpaceSignal & { from: string };
        if (from === PROCESS_ID || typeof signal.space !== 'string') return;
        this.#hub.signal(signal);
        this.#onSignal();
      } catch {
        // Not ours, or truncated: the periodic catch-up read covers it.
      }
    });
    const lost = () => {
      if (this.#client !== client) return;
      this.#client = undefined;
      this.#scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    await client.query(`listen ${SIGNAL_CHANNEL}`);
    this.#client = client;
    this.#retryMs = 250;
  }

  #scheduleReconnect(): void {
    if (this.#stopped) return;
    setTimeout(async () => {
      try {
        await this.start();
        this.#hub.wakeAll();
      } catch {
        this.#retryMs = Math.min(this.#retryMs * 2, 10_000);
        this.#scheduleReconnect();
      }
    }, this.#retryMs).unref();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }
}
