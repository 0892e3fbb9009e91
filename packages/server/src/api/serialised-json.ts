import type { Context, TypedResponse } from 'hono';
import { answerWithPreparedHeaders } from './prepared-headers.js';

/**
 * A 200 JSON answer whose body was serialised earlier (a cached feed page), typed as the value it
 * encodes so the route keeps its OpenAPI response type. Same headers as `c.json` and the middlewares
 * after it, given at once (prepared-headers.ts).
 */
export function serialisedJson<T>(c: Context, text: string | Uint8Array<ArrayBuffer>): Response & TypedResponse<T, 200, 'json'> {
  return answerWithPreparedHeaders(c, text, 'application/json') as unknown as Response & TypedResponse<T, 200, 'json'>;
}
