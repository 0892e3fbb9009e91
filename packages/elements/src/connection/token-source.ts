import type { Clock } from '@mutual/protocol';

/** Asks the host application for a fresh embed token for its signed-in user. */
export type TokenProvider = () => Promise<string>;

/** What a widget is given to authenticate: a fixed token, a provider, or both (token first). */
export interface Credentials {
  token?: string | undefined;
  tokenProvider?: TokenProvider | undefined;
}

export interface TokenSourceOptions {
  /** Ask for a new token this long before the current one expires (ms). Default 30 s. */
  refreshMarginMs?: number;
  clock?: Clock;
}

const DEFAULT_REFRESH_MARGIN_MS = 30_000;
/** setTimeout fires at once for anything longer (2^31 - 1 ms). */
const MAX_TIMER_MS = 2_147_483_647;

interface TokenTimes {
  /** ms since the epoch */
  expiresAt: number;
  issuedAt: number | undefined;
}

/**
 * Reads `exp` (and `iat`) from a compact JWT without verifying it: the server verifies, the
 * client only needs to know when to ask for the next one. Returns undefined when unreadable.
 */
export function readTokenTimes(token: string): TokenTimes | undefined {
  const payload = token.split('.')[1];
  if (!payload || !/^[A-Za-z0-9_-]+$/.test(payload)) return undefined;
  try {
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    const claims = JSON.parse(json) as { exp?: unknown; iat?: unknown };
    if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) return undefined;
    const issuedAt = typeof claims.iat === 'number' && Number.isFinite(claims.iat) ? claims.iat * 1000 : undefined;
    return { expiresAt: claims.exp * 1000, issuedAt };
  } catch {
    return undefined;
  }
}

/** Thrown when there is no token at all or the host's provider failed. */
export class TokenUnavailableError extends Error {
  readonly code = 'token_unavailable';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TokenUnavailableError';
  }
}

/**
 * Holds the embed token of one connection. With a provider it asks for the next token shortly
 * before the current one expires (so a reconnecting stream never waits on the host), and again
 * on demand when the server says the token has expired. Concurrent callers share one request.
 */
export class TokenSource {
  #token: string | undefined;
  #provider: TokenProvider | undefined;
  #inFlight: Promise<string> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;
  readonly #marginMs: number;
  readonly #clock: Clock;

  constructor(credentials: Credentials, options: TokenSourceOptions = {}) {
    this.#marginMs = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
    this.#clock = options.clock ?? (() => Date.now());
    this.setCredentials(credentials);
  }

  /** True when a provider can be asked for another token. */
  get canRefresh(): boolean {
    return this.#provider !== undefined;
  }

  /** Replaces the credentials; the next request uses them. */
  setCredentials({ token, tokenProvider }: Credentials): void {
    this.#provider = tokenProvider;
    this.#inFlight = undefined;
    this.#token = token || undefined;
    this.#schedule();
  }

  /** A token that is not about to expire, asking the provider when needed. */
  async getToken(): Promise<string> {
    const token = this.#token;
    if (token && !this.#isStale(token)) return token;
    if (this.#provider) return this.refresh();
    if (token) return token; // a fixed token: let the server judge it
    throw new TokenUnavailableError('no embed token was given');
  }

  /** Asks the provider for a new token now (one request however many callers). */
  refresh(): Promise<string> {
    const provider = this.#provider;
    if (!provider) return this.getToken();
    this.#inFlight ??= (async () => {
      try {
        let token: unknown;
        try {
          token = await provider();
        } catch (cause) {
          throw new TokenUnavailableError('the token provider failed', { cause });
        }
        if (typeof token !== 'string' || token.length === 0) {
          throw new TokenUnavailableError('the token provider returned no token');
        }
        // Ignore an answer that arrives after the credentials were replaced.
        if (this.#provider === provider && !this.#closed) {
          this.#token = token;
          this.#schedule();
        }
        return token;
      } finally {
        this.#inFlight = undefined;
      }
    })();
    return this.#inFlight;
  }

  /** Stops the refresh timer. */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** When to ask again: `margin` before expiry, but never past the middle of a short-lived token. */
  #refreshAt(token: string): number | undefined {
    const times = readTokenTimes(token);
    if (!times) return undefined;
    const lifetime = times.issuedAt === undefined ? Infinity : times.expiresAt - times.issuedAt;
    return times.expiresAt - Math.min(this.#marginMs, lifetime / 2);
  }

  #isStale(token: string): boolean {
    const refreshAt = this.#refreshAt(token);
    return refreshAt !== undefined && this.#clock() >= refreshAt;
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#closed || !this.#provider || !this.#token) return;
    const refreshAt = this.#refreshAt(this.#token);
    if (refreshAt === undefined) return;
    // Floor the delay so a provider that keeps returning stale tokens cannot spin.
    const delay = Math.min(MAX_TIMER_MS, Math.max(1_000, refreshAt - this.#clock()));
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      // A failure here is not fatal: the next getToken() asks again.
      this.refresh().catch(() => undefined);
    }, delay);
  }
}
