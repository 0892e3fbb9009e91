import { MutualError, signServerRequest, systemClock, type Clock } from '@mutual/protocol';
import type { PeerRecord } from '../store/peer-store.js';
import type { ServerKeys } from './server-keys.js';

/** A peer answered with an error, or could not be reached. */
export class FederationRequestError extends Error {
  readonly status: number;
  readonly code: string;
  /** Worth trying again later (network trouble, 5xx, 401 during a key change, 429). */
  readonly retryable: boolean;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'FederationRequestError';
    this.status = status;
    this.code = code;
    this.retryable = status === 0 || status >= 500 || status === 401 || status === 408 || status === 429;
  }
}

export interface FederationClientOptions {
  /** This server's origin (the `iss` of what it signs). */
  origin: string;
  keys: ServerKeys;
  clock?: Clock;
  timeoutMs?: number;
}

/**
 * Signed requests to peers: each one carries a fresh server-request JWT bound to the peer, the
 * method, the path and the body. Bounded by a timeout; redirects are not followed (a redirect
 * could point a signed request somewhere else).
 */
export class FederationClient {
  readonly #options: FederationClientOptions;

  constructor(options: FederationClientOptions) {
    this.#options = options;
  }

  async request<T>(peer: Pick<PeerRecord, 'origin' | 'signingKid'>, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const key = await this.#options.keys.signingKey(peer.signingKid);
    const token = await signServerRequest({
      issuer: this.#options.origin,
      audience: peer.origin,
      method,
      path,
      body: text,
      key,
      clock: this.#options.clock ?? systemClock,
    });
    let response: Response;
    try {
      response = await fetch(new URL(path, peer.origin), {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
        ...(body !== undefined && { body: text }),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#options.timeoutMs ?? 10_000),
      });
    } catch (cause) {
      throw new FederationRequestError(0, 'unreachable', `${peer.origin} could not be reached (${(cause as Error).name})`);
    }
    const payload = (await response.json().catch(() => undefined)) as (T & { code?: string; title?: string }) | undefined;
    if (!response.ok) {
      throw new FederationRequestError(response.status, payload?.code ?? 'http_error', `${peer.origin} answered ${response.status} ${payload?.code ?? ''}`.trim());
    }
    if (payload === undefined) throw new FederationRequestError(502, 'invalid_response', `${peer.origin} answered without JSON`);
    return payload;
  }
}

export function assertPeer<T>(peer: T | undefined, domain: string): T {
  if (!peer) throw new MutualError('forbidden', `${domain} is not a peer of this server`);
  return peer;
}
