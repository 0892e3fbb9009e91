import { problemError, MutualApiError } from '../connection/api-error.js';
import { TokenSource, type TokenProvider } from '../connection/token-source.js';

export interface NotificationSettings {
  mode: 'immediate' | 'daily' | 'off';
  locale: 'en' | 'fr';
  emailKnown: boolean;
  email?: string;
}

export interface CalendarFeedStatus {
  active: boolean;
  createdAt?: string;
}

/** Where to call and as whom: the element's own settings, or its `<mutual-space>`'s. */
export interface SettingsCredentials {
  server: string;
  token?: string | undefined;
  tokenProvider?: TokenProvider | undefined;
}

/**
 * The few calls the settings element makes (/api/me/notifications, /api/me/calendar), with the
 * embed token as a bearer token — never in the URL.
 */
export class NotificationSettingsClient {
  readonly #credentials: SettingsCredentials;
  /** One token for all calls, asked of the provider once and again only near its expiry. */
  readonly #tokens: TokenSource;

  constructor(credentials: SettingsCredentials) {
    this.#credentials = credentials;
    this.#tokens = new TokenSource(credentials);
  }

  /** Whether this client calls as `credentials` say (the element keeps it while they hold). */
  isFor(credentials: SettingsCredentials): boolean {
    const own = this.#credentials;
    return own.server === credentials.server && own.token === credentials.token && own.tokenProvider === credentials.tokenProvider;
  }

  /** Stops the token's refresh timer. */
  close(): void {
    this.#tokens.close();
  }

  settings(signal?: AbortSignal): Promise<NotificationSettings> {
    return this.#call('GET', '/api/me/notifications', undefined, signal);
  }

  save(change: Partial<Pick<NotificationSettings, 'mode' | 'locale'>>): Promise<NotificationSettings> {
    return this.#call('PUT', '/api/me/notifications', change);
  }

  calendar(signal?: AbortSignal): Promise<CalendarFeedStatus> {
    return this.#call('GET', '/api/me/calendar', undefined, signal);
  }

  createCalendar(): Promise<{ url: string; createdAt: string }> {
    return this.#call('POST', '/api/me/calendar');
  }

  async revokeCalendar(): Promise<void> {
    await this.#call('DELETE', '/api/me/calendar');
  }

  async #call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal, retried = false): Promise<T> {
    let bearer: string;
    try {
      bearer = retried ? await this.#tokens.refresh() : await this.#tokens.getToken();
    } catch (cause) {
      throw new MutualApiError({ code: 'token_unavailable', status: 0, title: 'no embed token', cause });
    }
    let response: Response;
    try {
      response = await fetch(`${this.#credentials.server.replace(/\/+$/, '')}${path}`, {
        method,
        headers: { Authorization: `Bearer ${bearer}`, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
        // The token is the only credential: never the host page's cookies.
        credentials: 'omit',
        ...(body !== undefined && { body: JSON.stringify(body) }),
        ...(signal && { signal }),
      });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new MutualApiError({ code: 'network_error', status: 0, title: 'the server could not be reached', cause });
    }
    if (!response.ok) {
      const error = await problemError(response);
      // Expired in between: once more with a fresh token, when there is a provider to ask.
      if (error.code === 'token_expired' && !retried && this.#tokens.canRefresh) return this.#call(method, path, body, signal, true);
      throw error;
    }
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
}
