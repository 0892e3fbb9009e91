import { CLOCK_TOLERANCE_SECONDS, isMutualError, MutualError, TokenError, verifyServerRequest, type Clock } from '@mutual/protocol';
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { PeerRecord } from '../store/peer-store.js';
import type { Store } from '../store/store.js';
import type { PeerDirectory } from './peer-directory.js';
import { RequestReplay } from './request-replay.js';

export interface FederationVariables {
  /** The authenticated sending peer. */
  peer: PeerRecord;
  /** The exact bytes that were signed. */
  body: Uint8Array;
  /** The request's replay record, to store with the first write it makes (see RequestReplay). */
  replay: RequestReplay;
}
export type FederationEnv = { Variables: FederationVariables };

export interface ServerAuthOptions {
  store: Store;
  directory: PeerDirectory;
  /** This server's origin: every request must be addressed to it. */
  audience: string;
  clock: Clock;
}

/**
 * Authenticates a server-to-server request before any work: a server-request JWT from a pinned
 * peer, bound to this server, the method, the path and the body's hash, never seen before.
 */
export function serverAuth(options: ServerAuthOptions): MiddlewareHandler<FederationEnv> {
  if (!options.store || !options.directory || !options.audience) throw new TypeError('serverAuth needs store, directory and audience');
  /** Requests being handled by this process, by issuer and id: a copy arriving meanwhile is a replay. */
  const inFlight = new Set<string>();
  let forgotAt = 0;
  return async function serverAuthentication(c, next) {
    const header = c.req.header('Authorization');
    const match = header ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
    if (header && !match) throw new TokenError('token_malformed', 'expected the Bearer scheme');
    const body = await readBody(c.req.raw);
    const url = new URL(c.req.url);
    await options.directory.prepare();
    const verified = await verifyServerRequest({
      token: match?.[1],
      audience: options.audience,
      method: c.req.method,
      path: url.pathname + url.search,
      body,
      keysOf: (issuer) => options.directory.keysByOriginNow(issuer),
      clock: options.clock,
    });
    const record = { issuer: verified.issuer, jti: verified.jti, expiresAt: verified.expiresAt + CLOCK_TOLERANCE_SECONDS * 1000, now: options.clock() };
    // Refused at once if seen (stored, or arriving twice at the same time); otherwise stored with
    // the first write the request makes, in the same commit, or alone before the answer leaves.
    const key = `${record.issuer} ${record.jti}`;
    if (inFlight.has(key) || (await options.store.peers.requestSeen(record.issuer, record.jti, record.now))) {
      throw new TokenError('token_replayed', 'this request was already received');
    }
    inFlight.add(key);
    try {
      const replay = new RequestReplay(record);
      c.set('peer', (await options.directory.byOrigin(verified.issuer))!);
      c.set('body', body);
      c.set('replay', replay);
      try {
        await next();
      } finally {
        // Also when the handler failed: a refused request stays refused if replayed.
        if (!replay.recorded) {
          const fresh = await options.store.peers.rememberRequest(record.issuer, record.jti, record.expiresAt, record.now);
          replay.markRecorded();
          if (!fresh) throw new TokenError('token_replayed', 'this request was already received');
        }
      }
    } finally {
      inFlight.delete(key);
    }
    // Ids stored with a write are not cleaned up by that write: do it now and then.
    if (record.now - forgotAt > FORGET_EVERY_MS) {
      forgotAt = record.now;
      await options.store.peers.forgetExpiredRequests(record.now);
    }
  };
}

/** How often expired request ids are deleted (ms). */
const FORGET_EVERY_MS = 60_000;

/** The request's bytes; a body cut off by the sender is a bad request, not a server fault. */
async function readBody(request: Request): Promise<Uint8Array> {
  try {
    return new Uint8Array(await request.arrayBuffer());
  } catch (cause) {
    if (isMutualError(cause)) throw cause; // the body limit's own 413
    throw new MutualError('invalid_request', 'the body could not be read in full', { cause });
  }
}

/** How many items a batch body may carry, and how large each may be once serialised. */
export interface BatchLimit {
  /** The top-level array holding the items: `events` (deliveries) or `writes` (submissions). */
  field: string;
  maxItems: number;
  /** In JSON characters. */
  maxItemBytes: number;
}

/**
 * Parses the signed body as JSON against a schema; a mismatch is a 400 with every issue listed.
 * With a batch limit, too many items or one oversized item is a 413 (`body_too_large`), like a
 * body over the byte limit: a size refusal, not a malformed body.
 */
export function parseSigned<T extends z.ZodType>(body: Uint8Array, schema: T, limit?: BatchLimit): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new MutualError('invalid_request', 'the body is not JSON');
  }
  const items = limit && (json as Record<string, unknown> | null)?.[limit.field];
  if (limit && Array.isArray(items)) {
    if (items.length > limit.maxItems) throw new MutualError('body_too_large', `at most ${limit.maxItems} ${limit.field} per request`);
    if (items.some((item) => JSON.stringify(item).length > limit.maxItemBytes)) {
      throw new MutualError('body_too_large', `each of ${limit.field} is limited to ${limit.maxItemBytes} characters of JSON`);
    }
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const detail = result.error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
    throw new MutualError('invalid_request', 'the body does not match its schema', { detail });
  }
  return result.data;
}
