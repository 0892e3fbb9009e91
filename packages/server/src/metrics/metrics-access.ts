import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Guards `/metrics` with a bearer token when one is configured (`metrics.token` or
 * MUTUAL_METRICS_TOKEN): Prometheus sends it with `authorization: { credentials: … }`. Compared in
 * constant time, through digests so that even the length says nothing. Without a token the route
 * stays open, and must be reachable only by your monitoring (docs/deploy.md).
 */
export function metricsAccess(token: string | undefined): MiddlewareHandler {
  const expected = token === undefined ? undefined : digest(token);
  return async function metricsAccess(c, next) {
    if (!expected) return next();
    const header = c.req.header('authorization') ?? '';
    // The scheme is case-insensitive (RFC 9110 §11.1); the token is compared whole.
    const presented = /^bearer /i.test(header) ? header.slice(7) : '';
    if (timingSafeEqual(digest(presented), expected)) return next();
    return c.text('Unauthorized\n', 401, { 'WWW-Authenticate': 'Bearer realm="metrics"' });
  };
}
