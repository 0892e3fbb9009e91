import type { Context } from 'hono';

/** Header names and values, as a plain object (what @hono/node-server writes without conversion). */
export type HeaderRecord = Readonly<Record<string, string>>;

const preparedFor = new WeakMap<Context, HeaderRecord[]>();
const answeredWithPrepared = new WeakSet<Response>();

/**
 * Headers that a middleware will put on the answer, given before the route runs. Middlewares that
 * add headers after the route (security headers, CORS) give them here first, so a hot route can
 * answer with all of them in one plain object: @hono/node-server then writes that object as it is,
 * where headers set afterwards on `c.res.headers` make it build a Fetch `Headers` and convert it
 * back (≈ a tenth of a cached feed read's CPU; docs/performance.md).
 */
export function prepareHeaders(c: Context, headers: HeaderRecord): void {
  const prepared = preparedFor.get(c);
  if (prepared) prepared.push(headers);
  else preparedFor.set(c, [headers]);
}

/**
 * A 200 answer carrying its body and every prepared header, marked so that the middlewares which
 * prepared them leave it alone after the route ({@link hasPreparedHeaders}). Without prepared
 * headers (an app without those middlewares) it is `c.body` as usual.
 */
export function answerWithPreparedHeaders(c: Context, body: string | Uint8Array<ArrayBuffer>, contentType: string): Response {
  const prepared = preparedFor.get(c);
  if (!prepared) return c.body(body, 200, { 'Content-Type': contentType });
  const headers: Record<string, string> = { 'content-type': contentType };
  for (const record of prepared) Object.assign(headers, record);
  const response = new Response(body, { status: 200, headers });
  answeredWithPrepared.add(response);
  return response;
}

/** Whether `response` already carries every prepared header (the middleware adds nothing then). */
export function hasPreparedHeaders(response: Response): boolean {
  return answeredWithPrepared.has(response);
}
