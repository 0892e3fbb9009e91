import type { Context } from 'hono';

/** Header names and values, as a plain object (what @hono/node-server writes without conversion). */
export type HeaderRecord = Readonly<Record<string, string>>;

// Kept on the request's context (a Map lookup), not in WeakMaps: a WeakMap entry per request costs
// more, in the lookups and in the garbage collector, than the headers themselves.
const PREPARED = 'mutual:preparedHeaders';
const ANSWERED = 'mutual:answeredWithPreparedHeaders';
type PreparedVariables = { [PREPARED]: HeaderRecord[]; [ANSWERED]: Response };
const variables = (c: Context) => c as unknown as Context<{ Variables: PreparedVariables }>;

/**
 * Headers that a middleware will put on the answer, given before the route runs. Middlewares that
 * add headers after the route (security headers, CORS) give them here first, so a hot route can
 * answer with all of them in one plain object: @hono/node-server then writes that object as it is,
 * where headers set afterwards on `c.res.headers` make it build a Fetch `Headers` and convert it
 * back (≈ a tenth of a cached feed read's CPU; docs/performance.md).
 */
export function prepareHeaders(c: Context, headers: HeaderRecord): void {
  const prepared = variables(c).get(PREPARED);
  if (prepared) prepared.push(headers);
  else variables(c).set(PREPARED, [headers]);
}

/**
 * A 200 answer carrying its body and every prepared header, marked so that the middlewares which
 * prepared them leave it alone after the route ({@link hasPreparedHeaders}). Without prepared
 * headers (an app without those middlewares) it is `c.body` as usual.
 */
export function answerWithPreparedHeaders(c: Context, body: string | Uint8Array<ArrayBuffer>, contentType: string): Response {
  const prepared = variables(c).get(PREPARED);
  if (!prepared) return c.body(body, 200, { 'Content-Type': contentType });
  const headers: Record<string, string> = { 'content-type': contentType };
  for (const record of prepared) Object.assign(headers, record);
  const response = new Response(body, { status: 200, headers });
  variables(c).set(ANSWERED, response);
  return response;
}

/** Whether the answer (`c.res`) already carries every prepared header (a middleware adds nothing then). */
export function hasPreparedHeaders(c: Context): boolean {
  const answered = variables(c).get(ANSWERED);
  return answered !== undefined && answered === c.res;
}
