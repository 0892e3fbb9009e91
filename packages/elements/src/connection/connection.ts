import type { LiveMessage, Me, MySpace } from '@mutual/protocol';
import { MutualApiClient } from './api-client.js';
import type { MutualApiError } from './api-error.js';
import { LiveStatus, LiveStream, type BackoffOptions } from './live-stream.js';
import { TokenSource, type Credentials } from './token-source.js';

export interface MutualConnectionOptions extends Credentials {
  /** The viewer's own organisation's Mutual server. */
  server: string;
  space: string;
  /** Defaults to the global `fetch`, looked up on every call. */
  fetch?: typeof fetch;
  backoff?: Partial<BackoffOptions>;
}

export type LiveListener = (message: LiveMessage) => void;
export type StatusListener = (status: LiveStatus) => void;
export type ErrorListener = (error: MutualApiError) => void;


/** Subscribes to the live events of every group the viewer is in (the stream carries no others). */
export const EVERY_GROUP = '*';

/**
 * Everything the widgets of one space share: the API client, the embed token and exactly one live
 * stream, whose events it routes to subscribers by group. `<mutual-space>` owns one and gives it
 * to the widgets inside through context.
 */
export class MutualConnection {
  readonly server: string;
  readonly space: string;
  readonly api: MutualApiClient;
  readonly #tokens: TokenSource;
  readonly #stream: LiveStream;
  readonly #subscribers = new Map<string, Set<LiveListener>>();
  readonly #statusListeners = new Set<StatusListener>();
  readonly #errorListeners = new Set<ErrorListener>();
  readonly #identityListeners = new Set<() => void>();
  #me: Promise<Me> | undefined;
  #mySpace: Promise<MySpace> | undefined;
  #closed = false;

  constructor(options: MutualConnectionOptions) {
    this.server = options.server;
    this.space = options.space;
    this.#tokens = new TokenSource(options, {
      onSubjectChange: () => {
        for (const listener of [...this.#identityListeners]) listener();
      },
    });
    this.api = new MutualApiClient({
      server: options.server,
      tokens: this.#tokens,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    this.#stream = new LiveStream({
      api: this.api,
      space: options.space,
      ...(options.backoff ? { backoff: options.backoff } : {}),
      onMessage: (message) => this.#route(message),
      onStatus: (status) => {
        for (const listener of [...this.#statusListeners]) listener(status);
      },
      onError: (error) => {
        for (const listener of [...this.#errorListeners]) listener(error);
      },
    });
  }

  get status(): LiveStatus {
    return this.#stream.status;
  }

  /** The id of the last live message received: whether anything came since a moment before. */
  get lastEventId(): string {
    return this.#stream.lastEventId;
  }

  /** True once {@link close} was called: a closed connection does not open again. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Opens the live stream; later calls do nothing. */
  connect(): void {
    if (!this.#closed && this.#stream.status === LiveStatus.closed) this.#stream.start();
  }

  /**
   * New credentials, e.g. the host swapped its provider; the stream picks them up on its next
   * attempt, and one that had given up (a 403) tries again with them.
   */
  setCredentials(credentials: Credentials): void {
    this.#tokens.setCredentials(credentials);
    // A new provider may sign for someone else: ask it now, so that a change of person shows at
    // once rather than when the open stream's token runs out.
    if (!credentials.token && credentials.tokenProvider) this.#tokens.refresh().catch(() => undefined);
    this.connect();
  }

  /**
   * Calls `listener` when tokens start coming for another person than before (the host signed in
   * someone else): what this connection read and follows is the previous person's, so its owner
   * opens a new one.
   */
  onIdentityChange(listener: () => void): () => void {
    this.#identityListeners.add(listener);
    return () => this.#identityListeners.delete(listener);
  }

  /**
   * Calls `listener` with every live event of `group`, or of every group the viewer is in with
   * {@link EVERY_GROUP}. Returns the function that stops it.
   */
  subscribe(group: string, listener: LiveListener): () => void {
    let listeners = this.#subscribers.get(group);
    if (!listeners) this.#subscribers.set(group, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.#subscribers.get(group) === listeners) this.#subscribers.delete(group);
    };
  }

  onStatusChange(listener: StatusListener): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  /** Live stream failures (the stream retries by itself unless the error is final). */
  onError(listener: ErrorListener): () => void {
    this.#errorListeners.add(listener);
    return () => this.#errorListeners.delete(listener);
  }

  /** The viewer, asked once per connection and shared by every widget. */
  me(): Promise<Me> {
    this.#me ??= this.api.me().catch((error: unknown) => {
      this.#me = undefined;
      throw error;
    });
    return this.#me;
  }

  /** The space as the viewer sees it (only their groups), asked once per connection. */
  mySpace(): Promise<MySpace> {
    this.#mySpace ??= this.api.space(this.space).catch((error: unknown) => {
      this.#mySpace = undefined;
      throw error;
    });
    return this.#mySpace;
  }

  /** Closes the stream and stops refreshing the token. */
  close(): void {
    this.#closed = true;
    this.#stream.close();
    this.#tokens.close();
    this.#subscribers.clear();
  }

  #route(message: LiveMessage): void {
    const listeners = [...(this.#subscribers.get(message.event.group) ?? []), ...(this.#subscribers.get(EVERY_GROUP) ?? [])];
    for (const listener of listeners) {
      // One widget's bug must not keep the event from the others.
      try {
        listener(message);
      } catch (error) {
        globalThis.reportError?.(error);
      }
    }
  }
}
