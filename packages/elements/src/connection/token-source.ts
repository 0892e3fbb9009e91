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
  /** Give up on a provider that has not answered after this long (ms). Default 20 s. */
  providerTimeoutMs?: number;
  clock?: Clock;
  /** A token arrived for another person than the one before (another user signed in). */
  onSubjectChange?: () => void;
}

const DEFAULT_REFRESH_MARGIN_MS = 30_000;
const DEFAULT_PROVIDER_TIMEOUT_MS = 20_000;
/** setTimeout fires at once for anything longer (2^31 - 1 ms). */
const MAX_TIMER_MS = 2_147_483_647;

interface TokenTimes {
  /** ms since the epoch */
  expiresAt: number;
  issuedAt: number | undefined;
}

/** The claims of a compact JWT, read without verifying it (the server verifies); undefined when unreadable. */
function readClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload || !/^[A-Za-z0-9_-]+$/.test(payload)) return undefined;
  try {
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** `exp` (and `iat`) in milliseconds: the client only needs to know when to ask for the next token. */
export function readTokenTimes(token: string): TokenTimes | undefined {
  const claims = readClaims(token);
  if (!claims || !finite(claims.exp)) return undefined;
  return { expiresAt: claims.exp * 1000, issuedAt: finite(claims.iat) ? claims.iat * 1000 : undefined };
}

/** Whose token it is (`sub`). */
export function readTokenSubject(token: string): string | undefined {
  const subject = readClaims(token)?.sub;
  return typeof subject === 'string' ? subject : undefined;
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
  /** Whose tokens these are (`sub`), once one was seen. */
  #subject: string | undefined;
  readonly #marginMs: number;
  readonly #providerTimeoutMs: number;
  readonly #clock: Clock;
  readonly #onSubjectChange: (() => void) | undefined;

  constructor(credentials: Credentials, options: TokenSourceOptions = {}) {
    this.#marginMs = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
    this.#providerTimeoutMs = options.providerTimeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS;
    this.#clock = options.clock ?? (() => Date.now());
    this.#onSubjectChange = options.onSubjectChange;
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
    if (this.#token) this.#noteSubject(this.#token);
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
    if (this.#inFlight) return this.#inFlight;
    let request: Promise<string> | undefined;
    request = (async () => {
      try {
        let token: unknown;
        try {
          token = await this.#ask(provider);
        } catch (cause) {
          throw cause instanceof TokenUnavailableError ? cause : new TokenUnavailableError('the token provider failed', { cause });
        }
        if (typeof token !== 'string' || token.length === 0) {
          throw new TokenUnavailableError('the token provider returned no token');
        }
        // An answer that arrives after the credentials were replaced is not theirs: use the new ones.
        if (this.#closed) return token;
        if (this.#provider !== provider) return this.getToken();
        this.#token = token;
        this.#noteSubject(token);
        this.#schedule();
        return token;
      } finally {
        // Only its own: the credentials may have been replaced, and a new request started, meanwhile.
        if (this.#inFlight === request) this.#inFlight = undefined;
      }
    })();
    this.#inFlight = request;
    return request;
  }

  /** The provider's answer, or a failure once it has kept everyone waiting too long (a stalled fetch, an SSO never finished). */
  #ask(provider: TokenProvider): Promise<unknown> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new TokenUnavailableError(`the token provider did not answer within ${Math.round(this.#providerTimeoutMs / 1000)} s`)),
        this.#providerTimeoutMs,
      );
    });
    return Promise.race([provider(), timeout]).finally(() => clearTimeout(timer));
  }

  /** Says when tokens start coming for another person: everything read as the previous one is theirs, not this one's. */
  #noteSubject(token: string): void {
    const subject = readTokenSubject(token);
    if (subject === undefined) return;
    const previous = this.#subject;
    this.#subject = subject;
    if (previous !== undefined && previous !== subject) this.#onSubjectChange?.();
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
