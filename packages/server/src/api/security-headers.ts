import type { MiddlewareHandler } from 'hono';
import { hasPreparedHeaders, prepareHeaders, type HeaderRecord } from './prepared-headers.js';

/**
 * What `secureHeaders({ crossOriginResourcePolicy: 'cross-origin' })` of `hono/secure-headers`
 * sets, written out once (security-headers.test.ts checks that the two stay the same). Resources
 * may be read cross-origin: the widgets run on the host apps' pages.
 */
export const SECURITY_HEADERS: HeaderRecord = Object.freeze({
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
});

const entries = Object.entries(SECURITY_HEADERS);

/**
 * The security headers on every answer, as `hono/secure-headers` sets them (overwriting, and
 * without `X-Powered-By`). They are also prepared before the route (prepared-headers.ts), so a
 * route that answers with the prepared headers already carries them and nothing is set after it.
 */
export function securityHeaders(): MiddlewareHandler {
  return async function setSecurityHeaders(c, next) {
    prepareHeaders(c, SECURITY_HEADERS);
    await next();
    if (hasPreparedHeaders(c)) return;
    const headers = c.res.headers;
    for (const [name, value] of entries) headers.set(name, value);
    headers.delete('X-Powered-By');
  };
}
