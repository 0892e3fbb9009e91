import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { importJWK, type CryptoKey } from 'jose';
import {
  eventId,
  signEventProof,
  signServerRequest,
  type Clock,
  type EventDraft,
  type GroupEvent,
  type SealedEvent,
  type SigningKey,
} from '@mutual/protocol';
import { generateKeys, type GeneratedKeyPair } from '@mutual/server';
import { createInvitation, type TestOrganisation } from '@mutual/server/testing';

/** One request as the hostile peer sends it: every part can be altered. */
export interface HostileRequest {
  method?: 'GET' | 'POST' | 'PUT';
  path: string;
  /** An object is sent as JSON; a string or bytes as they are. */
  body?: unknown;
  /** What is signed, when it differs from what is sent. */
  signedBody?: unknown;
  /** Sign for this method or path instead of the real ones. */
  signedMethod?: string;
  signedPath?: string;
  key?: SigningKey;
  issuer?: string;
  audience?: string;
  /** A ready-made token (a replay, another kind of JWT); `null` sends no Authorization at all. */
  token?: string | null;
  /** `Authorization: <scheme> <token>`; default Bearer. */
  scheme?: string;
  /** The signer's clock, to play a peer whose clock is off. */
  clock?: Clock;
  ttlSeconds?: number;
}

export interface HostileAnswer {
  status: number;
  body: any;
  token: string | undefined;
}

/** A request the hostile peer received (as a member server or as a home answering backfill). */
export interface Received {
  method: string;
  path: string;
  body: any;
  at: number;
}

/** How the hostile peer answers a request it receives: a reply, or hold the connection, or cut it. */
export type Script = (request: Received) => { status: number; body?: unknown } | 'hold' | 'destroy' | Promise<{ status: number; body?: unknown } | 'hold' | 'destroy'>;

/**
 * A remote "Mutual server" whose every step a test controls: it peers with a real server through
 * the real invitation route, then signs (or mis-signs) whatever the test asks, lies about authors,
 * replays, reorders, duplicates, truncates, sends oversized or malformed bodies, asks for groups it
 * is not in; and, on its own loopback listener, answers the real server's deliveries and backfill
 * requests with whatever the test scripts — including never answering.
 */
export class HostilePeer {
  readonly domain: string;
  readonly origin: string;
  readonly keys: GeneratedKeyPair;
  readonly key: SigningKey;
  readonly received: Received[] = [];
  #script: Script = defaultScript;
  readonly #server: Server;
  readonly #sockets: Set<Socket>;
  readonly #held = new Set<ServerResponse>();

  private constructor(domain: string, server: Server, keys: GeneratedKeyPair, key: SigningKey, sockets: Set<Socket>) {
    this.#sockets = sockets;
    this.domain = domain;
    this.#server = server;
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.keys = keys;
    this.key = key;
  }

  static async start(domain: string, alg: 'EdDSA' | 'ES256' = 'EdDSA'): Promise<HostilePeer> {
    const keys = await generateKeys(alg);
    const key: SigningKey = { kid: keys.kid, alg: keys.alg, key: (await importJWK(keys.privateJwk, keys.alg)) as CryptoKey };
    let peer: HostilePeer | undefined;
    const sockets = new Set<Socket>();
    const server = createServer((request, response) => void peer!.#handle(request, response));
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    peer = new HostilePeer(domain, server, keys, key, sockets);
    return peer;
  }

  /** Peers with a real server through its real route: that server pins this origin and key. */
  async peerWith(org: TestOrganisation, as: { domain?: string; origin?: string } = {}): Promise<HostileAnswer> {
    const { token } = await createInvitation(org.server.federation.deps);
    const body = { invitation: token, domain: as.domain ?? this.domain, name: `Hostile ${this.domain}`, origin: as.origin ?? this.origin, jwks: this.keys.publicJwks };
    const answer = await this.send(org, { path: '/federation/v1/peering/accept', body, issuer: body.origin });
    org.server.federation.deps.directory.invalidate();
    return answer;
  }

  /** Sends one request to a real server, signed (or not) as the test says. */
  async send(target: TestOrganisation | { url: string; origin: string }, request: HostileRequest): Promise<HostileAnswer> {
    const method = request.method ?? (request.body === undefined ? 'GET' : 'POST');
    const bytes = encode(request.body);
    const signed = request.signedBody === undefined ? bytes : encode(request.signedBody);
    const audience = request.audience ?? ('server' in target ? target.server.config.organisation.origin : target.origin);
    const token =
      request.token === null
        ? undefined
        : (request.token ??
          (await signServerRequest({
            issuer: request.issuer ?? this.origin,
            audience,
            method: request.signedMethod ?? method,
            path: request.signedPath ?? request.path,
            body: signed,
            key: request.key ?? this.key,
            ...(request.clock && { clock: request.clock }),
            ...(request.ttlSeconds !== undefined && { ttlSeconds: request.ttlSeconds }),
          })));
    const response = await fetch(`${target.url}${request.path}`, {
      method,
      headers: { ...(token !== undefined && { Authorization: `${request.scheme ?? 'Bearer'} ${token}` }), 'Content-Type': 'application/json' },
      ...(method !== 'GET' && { body: Buffer.from(bytes) }),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: keep the text for the assertion message.
    }
    return { status: response.status, body, token };
  }

  /** An event of a group this peer homes, with its content id. */
  async event(draft: EventDraft, seq: number): Promise<GroupEvent> {
    return { ...draft, id: await eventId(draft), seq } as GroupEvent;
  }

  /** An event with this peer's proof (or one made with another key). */
  async seal(event: GroupEvent, key: SigningKey = this.key): Promise<SealedEvent> {
    return { event, proof: await signEventProof(event, this.domain, key) };
  }

  /** Sets how the listener answers from now on. */
  answer(script: Script): void {
    this.#script = script;
  }

  /** Cuts every held connection (the sender sees a network error) and answers as by default again. */
  release(): void {
    this.#script = defaultScript;
    for (const response of this.#held) response.socket?.destroy();
    this.#held.clear();
  }

  async #handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const received: Received = { method: request.method ?? 'GET', path: request.url ?? '/', body, at: Date.now() };
    this.received.push(received);
    const outcome = await this.#script(received);
    if (outcome === 'hold') {
      this.#held.add(response);
      return;
    }
    if (outcome === 'destroy') {
      request.socket.destroy();
      return;
    }
    response.writeHead(outcome.status, { 'Content-Type': 'application/json' });
    response.end(outcome.body === undefined ? '' : JSON.stringify(outcome.body));
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

function encode(body: unknown): Uint8Array {
  if (body === undefined) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  return new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body));
}

/** By default the peer behaves: it acknowledges every delivery as applied. */
const defaultScript: Script = (request) => {
  if (request.method === 'POST' && /\/events$/.test(request.path)) {
    const events = (request.body as { events?: Array<{ event: { seq: number } }> })?.events ?? [];
    return { status: 200, body: { applied: Math.max(0, ...events.map((e) => e.event.seq)), held: 0 } };
  }
  return { status: 404, body: { code: 'not_found' } };
};
