import type { Context, TypedResponse } from 'hono';

/**
 * A 200 JSON answer whose body was serialised earlier (a cached feed page), typed as the value it
 * encodes so the route keeps its OpenAPI response type. Same headers as `c.json`.
 */
export function serialisedJson<T>(c: Context, text: string | Uint8Array<ArrayBuffer>): Response & TypedResponse<T, 200, 'json'> {
  return c.body(text, 200, { 'Content-Type': 'application/json' }) as unknown as Response & TypedResponse<T, 200, 'json'>;
}
