import { problemError, MutualApiError } from '../connection/api-error.js';
import type { TokenProvider } from '../connection/token-source.js';

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

  constructor(credentials: SettingsCredentials) {
    this.#credentials = credentials;
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

  async #call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const { server, token, tokenProvider } = this.#credentials;
    let bearer: string | undefined;
    try {
      bearer = tokenProvider ? await tokenProvider() : token;
    } catch (cause) {
      throw new MutualApiError({ code: 'token_unavailable', status: 0, title: 'no embed token', cause });
    }
    if (!bearer) throw new MutualApiError({ code: 'token_unavailable', status: 0, title: 'no embed token' });
    let response: Response;
    try {
      response = await fetch(`${server.replace(/\/+$/, '')}${path}`, {
        method,
        headers: { Authorization: `Bearer ${bearer}`, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        ...(signal && { signal }),
      });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new MutualApiError({ code: 'network_error', status: 0, title: 'the server could not be reached', cause });
    }
    if (!response.ok) throw await problemError(response);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
}
