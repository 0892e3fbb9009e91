import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MutualApiError } from '../connection/api-error.js';
import { MutualConnection } from '../connection/connection.js';
import type { LiveStatus } from '../connection/live-stream.js';
import type { TokenProvider } from '../connection/token-source.js';

/** What it takes to open a connection. */
export interface ConnectionSettings {
  server: string;
  space: string;
  token?: string | undefined;
  tokenProvider?: TokenProvider | undefined;
}

export interface ConnectionControllerOptions {
  /** Read on every update; undefined while the host lacks something (no server, no token…). */
  settings: () => ConnectionSettings | undefined;
  onConnectionChange?: (connection: MutualConnection | undefined) => void;
  onStatus?: (status: LiveStatus, connection: MutualConnection) => void;
  onError?: (error: MutualApiError, connection: MutualConnection) => void;
}

/**
 * Owns a {@link MutualConnection} for its host: opens it once the settings are complete, opens a
 * new one when the server or the space changes, passes new credentials on without reconnecting,
 * and closes it when the host leaves the document.
 */
export class ConnectionController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: ConnectionControllerOptions;
  #connection: MutualConnection | undefined;
  #credentials: Pick<ConnectionSettings, 'token' | 'tokenProvider'> = {};
  #stopListening: Array<() => void> = [];

  constructor(host: ReactiveControllerHost & HTMLElement, options: ConnectionControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get connection(): MutualConnection | undefined {
    return this.#connection;
  }

  hostConnected(): void {
    const before = this.#connection;
    this.#sync();
    // Back in the document (moved in the page) with a new connection: the host's tasks and
    // subscriptions read it on update, and nothing else would ask for one.
    if (this.#connection !== before) this.#host.requestUpdate();
  }

  hostUpdate(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#replace(undefined);
  }

  #sync(): void {
    if (!this.#host.isConnected) return;
    const settings = this.#options.settings();
    const current = this.#connection;
    if (!settings) {
      if (current) this.#replace(undefined);
      return;
    }
    if (current && current.server === settings.server && current.space === settings.space) {
      const { token, tokenProvider } = settings;
      // Only when they really changed: resetting would drop a token the provider already renewed.
      if (token !== this.#credentials.token || tokenProvider !== this.#credentials.tokenProvider) {
        this.#credentials = { token, tokenProvider };
        current.setCredentials(this.#credentials);
      }
      return;
    }
    this.#credentials = { token: settings.token, tokenProvider: settings.tokenProvider };
    this.#replace(new MutualConnection(settings));
  }

  #renew(): void {
    const settings = this.#options.settings();
    if (!settings || !this.#host.isConnected) return;
    this.#credentials = { token: settings.token, tokenProvider: settings.tokenProvider };
    this.#replace(new MutualConnection(settings));
    this.#host.requestUpdate();
  }

  #replace(next: MutualConnection | undefined): void {
    const previous = this.#connection;
    if (previous === next) return;
    this.#connection = next;
    // Close before unhooking so that the host still hears the old connection's `closed`.
    previous?.close();
    for (const stop of this.#stopListening) stop();
    this.#stopListening = [];
    if (next) {
      const { onStatus, onError } = this.#options;
      if (onStatus) this.#stopListening.push(next.onStatusChange((status) => onStatus(status, next)));
      if (onError) this.#stopListening.push(next.onError((error) => onError(error, next)));
      // Another person signed in with these credentials: start afresh, nothing of the previous one kept.
      this.#stopListening.push(next.onIdentityChange(() => this.#renew()));
      next.connect();
    }
    this.#options.onConnectionChange?.(next);
  }
}
