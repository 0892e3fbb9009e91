import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { hasPreparedHeaders, prepareHeaders, type HeaderRecord } from './prepared-headers.js';

export interface ApiCorsOptions {
  /** Exact origins of the host pages; anything else gets no allow header. */
  origins: readonly string[];
  allowMethods: string[];
  allowHeaders: string[];
  maxAge: number;
}

/**
 * CORS for the client API, with the same answers as `hono/cors` given an exact origin list.
 * Preflights go to `hono/cors` itself. Other requests get their headers set on the response's
 * own header list after the route: `hono/cors` appends `Vary` with `c.header()` once the
 * response exists, which turns @hono/node-server's prepared string answer back into a Fetch
 * `Response` read through a web stream (≈ a third of a cached feed read's CPU; docs/performance.md).
 * The same headers are prepared before the route, for routes that answer with them at once.
 */
export function apiCors(options: ApiCorsOptions): MiddlewareHandler {
  const allowed = new Set(options.origins);
  const preflight = cors({ origin: [...options.origins], allowMethods: options.allowMethods, allowHeaders: options.allowHeaders, maxAge: options.maxAge });
  // What an answer gets, prepared once per origin (see prepared-headers.ts).
  const varyOnly: HeaderRecord = Object.freeze({ Vary: 'Origin' });
  const forOrigin = new Map<string, HeaderRecord>(
    [...allowed].map((origin) => [origin, Object.freeze({ 'Access-Control-Allow-Origin': origin, Vary: 'Origin' })]),
  );
  return async function exactOriginCors(c, next) {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const origin = c.req.header('origin');
    prepareHeaders(c, (origin && forOrigin.get(origin)) || varyOnly);
    await next();
    if (hasPreparedHeaders(c)) return;
    const headers = c.res.headers;
    if (origin && allowed.has(origin)) headers.set('Access-Control-Allow-Origin', origin);
    headers.append('Vary', 'Origin');
  };
}
