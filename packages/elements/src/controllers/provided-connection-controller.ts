import { ContextEvent } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MutualConnection } from '../connection/connection.js';
import { connectionContext } from '../connection/context.js';

/** The element that provides connections; named here so that importing it is not needed. */
const SPACE_TAG = 'mutual-space';

/**
 * Receives the connection of the enclosing `<mutual-space>` through context, and follows it when
 * the space replaces it. Unlike `ContextConsumer` it also copes with a space defined after its
 * widgets (e.g. `feed.define.js` loaded before `space.define.js`): it asks again once the space
 * element is defined.
 */
export class ProvidedConnectionController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #value: MutualConnection | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  get value(): MutualConnection | undefined {
    return this.#value;
  }

  hostConnected(): void {
    this.#request();
    if (!this.#value && !customElements.get(SPACE_TAG)) {
      void customElements.whenDefined(SPACE_TAG).then(() => {
        if (this.#host.isConnected && !this.#unsubscribe) this.#request();
      });
    }
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#value = undefined;
  }

  // Stable identity: a provider keys its subscriptions by callback.
  readonly #receive = (value: MutualConnection | undefined, unsubscribe?: () => void): void => {
    if (this.#unsubscribe && this.#unsubscribe !== unsubscribe) this.#unsubscribe();
    this.#unsubscribe = unsubscribe;
    if (value === this.#value) return;
    this.#value = value;
    this.#host.requestUpdate();
  };

  #request(): void {
    this.#host.dispatchEvent(new ContextEvent(connectionContext, this.#host, this.#receive, true));
  }
}
