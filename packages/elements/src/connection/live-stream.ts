import type { LiveMessage } from '@mutual/protocol';
import type { MutualApiClient } from './api-client.js';
import { isAbortError, MutualApiError } from './api-error.js';
import { readEventStream, SseParser, type SseMessage } from './sse-reader.js';

/** Where a live stream stands. */
export const LiveStatus = {
  /** Opening for the first time. */
  connecting: 'connecting',
  /** The server said `ready`: every new event will arrive. */
  open: 'open',
  /** The stream ended or failed; waiting to open it again where it left off. */
  reconnecting: 'reconnecting',
  /** Closed for good: by its owner, or after an error that retrying cannot fix. */
  closed: 'closed',
} as const;
export type LiveStatus = (typeof LiveStatus)[keyof typeof LiveStatus];

/** The SSE event names of the space stream (docs/client-api.md). */
const GROUP_EVENT = 'group-event';
const READY_EVENT = 'ready';

export interface BackoffOptions {
  /** First delay, ms. */
  initialMs: number;
  /** Longest delay, ms. */
  maxMs: number;
}

export interface LiveStreamOptions {
  api: MutualApiClient;
  space: string;
  onMessage: (message: LiveMessage) => void;
  onStatus: (status: LiveStatus) => void;
  /** A failure worth telling the user about; the stream keeps retrying unless it is closed. */
  onError?: (error: MutualApiError) => void;
  backoff?: Partial<BackoffOptions>;
  /** Without a byte for this long (ms) the connection is presumed dead. The server comments every 15 s. */
  idleTimeoutMs?: number;
  /** For tests: [0, 1). */
  random?: () => number;
}

const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000 };
const DEFAULT_IDLE_TIMEOUT_MS = 45_000;

/** Answers that another attempt will not change: stop instead of hammering the server. */
function isFatal(error: unknown): boolean {
  return error instanceof MutualApiError && (error.status === 400 || error.status === 403 || error.status === 404);
}

/**
 * Keeps one space's live stream open: `GET /api/spaces/:space/stream` read with `fetch` and the
 * bearer token, resumed with `Last-Event-ID` after every end or failure, with capped exponential
 * backoff and jitter between attempts.
 */
export class LiveStream {
  readonly #options: LiveStreamOptions;
  readonly #backoff: BackoffOptions;
  readonly #random: () => number;
  #status: LiveStatus = LiveStatus.closed;
  #abort: AbortController | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;
  #lastEventId = '';
  #running = false;

  constructor(options: LiveStreamOptions) {
    this.#options = options;
    this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.#random = options.random ?? Math.random;
  }

  get status(): LiveStatus {
    return this.#status;
  }

  /** The resume cursor: the id of the last message received. */
  get lastEventId(): string {
    return this.#lastEventId;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#setStatus(LiveStatus.connecting);
    void this.#connect();
  }

  close(): void {
    this.#running = false;
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#idleTimer);
    this.#abort?.abort();
    this.#abort = undefined;
    this.#setStatus(LiveStatus.closed);
  }

  async #connect(): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const response = await this.#options.api.openStream(this.#options.space, {
        lastEventId: this.#lastEventId || undefined,
        signal: abort.signal,
      });
      if (!response.body) throw new MutualApiError({ status: response.status, code: 'invalid_response', title: 'The stream has no body' });
      const parser = new SseParser({
        onMessage: (message) => this.#receive(message),
        onRetry: (milliseconds) => {
          this.#backoff.initialMs = Math.max(100, Math.min(milliseconds, this.#backoff.maxMs));
        },
      });
      this.#armIdleTimer(abort);
      await readEventStream(response.body, parser, { onChunk: () => this.#armIdleTimer(abort) });
      // The server ended the stream (its token expired, or it is shutting down): resume at once.
    } catch (error) {
      if (abort.signal.aborted && !this.#running) return;
      if (!isAbortError(error)) {
        const failure =
          error instanceof MutualApiError
            ? error
            : new MutualApiError({ status: 0, code: 'network_error', title: 'The live stream failed', cause: error });
        this.#options.onError?.(failure);
        if (isFatal(failure)) {
          this.close();
          return;
        }
      }
    } finally {
      clearTimeout(this.#idleTimer);
    }
    if (!this.#running || this.#abort !== abort) return;
    this.#scheduleReconnect();
  }

  #receive(message: SseMessage): void {
    if (message.id) this.#lastEventId = message.id;
    if (message.event === READY_EVENT) {
      if (!message.id) {
        // `ready` carries the position the stream starts from: resume from it if nothing else came.
        const cursor = parseCursor(message.data);
        if (cursor && !this.#lastEventId) this.#lastEventId = cursor;
      }
      this.#opened();
      return;
    }
    if (message.event !== GROUP_EVENT) return;
    this.#opened();
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.data);
    } catch {
      return; // A message this client cannot read must not stop the others.
    }
    if (isLiveMessage(parsed)) this.#options.onMessage(parsed);
  }

  #opened(): void {
    this.#attempt = 0;
    this.#setStatus(LiveStatus.open);
  }

  #scheduleReconnect(): void {
    this.#setStatus(LiveStatus.reconnecting);
    // Exponential, capped, with "equal jitter": never less than half the step, so a crowd of
    // clients cut off together spreads out instead of returning in one wave.
    const step = Math.min(this.#backoff.maxMs, this.#backoff.initialMs * 2 ** this.#attempt);
    const delay = step / 2 + this.#random() * (step / 2);
    this.#attempt = Math.min(this.#attempt + 1, 16);
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => {
      if (this.#running) void this.#connect();
    }, delay);
  }

  #armIdleTimer(abort: AbortController): void {
    const timeout = this.#options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    clearTimeout(this.#idleTimer);
    // Aborting makes the read reject with an AbortError, which leads to a reconnect.
    this.#idleTimer = setTimeout(() => abort.abort(), timeout);
  }

  #setStatus(status: LiveStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    this.#options.onStatus(status);
  }
}

function parseCursor(data: string): string | undefined {
  try {
    const value: unknown = JSON.parse(data);
    const cursor = (value as { cursor?: unknown } | null)?.cursor;
    return typeof cursor === 'string' || typeof cursor === 'number' ? String(cursor) : undefined;
  } catch {
    return undefined;
  }
}

/** Just enough shape to route it; the server is trusted for the rest. */
function isLiveMessage(value: unknown): value is LiveMessage {
  const candidate = value as { event?: { group?: unknown; id?: unknown; type?: unknown }; author?: unknown } | null;
  return (
    typeof candidate?.event?.group === 'string' &&
    typeof candidate.event.id === 'string' &&
    typeof candidate.event.type === 'string' &&
    typeof candidate.author === 'object' &&
    candidate.author !== null
  );
}
