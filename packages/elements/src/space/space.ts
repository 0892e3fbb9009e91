import { ContextProvider } from '@lit/context';
import { html, LitElement, type TemplateResult } from 'lit';
import type { MutualConnection } from '../connection/connection.js';
import { connectionContext } from '../connection/context.js';
import { LiveStatus } from '../connection/live-stream.js';
import type { TokenProvider } from '../connection/token-source.js';
import { ConnectionController } from '../controllers/connection-controller.js';
import { MutualConnectionChangeEvent } from '../events/connection-change-event.js';
import { MutualErrorEvent } from '../events/error-event.js';
import { spaceStyles } from './space.styles.js';

/**
 * @summary One evaluation, as the signed-in person sees it. The Mutual widgets placed inside it
 * share its connection: one API client, one embed token, one live stream.
 *
 * @description Give it the viewer's own organisation's Mutual `server`, the `space` id and a way
 * to authenticate: `tokenProvider`, an async function that asks the host application for a fresh
 * embed token (it is called again shortly before each token expires), or a fixed `token`.
 * The connection opens once `server`, `space` and a token or provider are all set, and closes
 * when the element leaves the document.
 *
 * @slot - The widgets of this space (`<mutual-group-feed>`, …) and any host markup.
 *
 * @event mutual-connection-change - {MutualConnectionChangeEvent} The live stream's status changed.
 * @event mutual-error - {MutualErrorEvent} The live stream failed (`operation` is `stream`); it retries by itself unless the error is final.
 */
export class MutualSpace extends LitElement {
  static override styles = spaceStyles;

  static override properties = {
    server: {},
    space: {},
    // A property only: as an attribute the bearer token would sit in the page's HTML for any script to read.
    token: { attribute: false },
    tokenProvider: { attribute: false },
  };

  /** The viewer's own organisation's Mutual server, e.g. `https://mutual.seller.example`. */
  declare server: string;
  /** The space (evaluation) id. */
  declare space: string;
  /** A fixed embed token. Prefer `tokenProvider`, which lets the connection outlive the token. */
  declare token: string | undefined;
  /** Asks the host application for a fresh embed token. */
  declare tokenProvider: TokenProvider | undefined;

  readonly #provider = new ContextProvider(this, { context: connectionContext });
  readonly #connection = new ConnectionController(this, {
    settings: () => {
      if (!this.server || !this.space || (!this.token && !this.tokenProvider)) return undefined;
      return { server: this.server, space: this.space, token: this.token, tokenProvider: this.tokenProvider };
    },
    onConnectionChange: (connection) => this.#provider.setValue(connection),
    onStatus: (status, connection) => this.dispatchEvent(new MutualConnectionChangeEvent(status, connection)),
    onError: (error) => this.dispatchEvent(new MutualErrorEvent('stream', error)),
  });

  constructor() {
    super();
    this.server = '';
    this.space = '';
  }

  /** The shared connection; undefined until `server`, `space` and a token are set. */
  get connection(): MutualConnection | undefined {
    return this.#connection.connection;
  }

  /** The live stream's status. */
  get status(): LiveStatus {
    return this.#connection.connection?.status ?? LiveStatus.closed;
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
