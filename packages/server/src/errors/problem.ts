import { isMutualError, PROBLEM_CONTENT_TYPE, type MutualErrorCode, type Problem } from '@mutual/protocol';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The one place where an error code becomes an HTTP status. */
export function statusOf(code: MutualErrorCode): ContentfulStatusCode {
  if (code.startsWith('token_')) return 401;
  switch (code) {
    case 'forbidden':
    case 'not_a_member':
    case 'not_home':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'body_too_large':
      return 413;
    case 'invalid_request':
      return 400;
    default:
      return 500;
  }
}

const TITLES: Partial<Record<MutualErrorCode, string>> = {
  not_a_member: 'You are not a member of this group',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  invalid_request: 'The request is not valid',
  body_too_large: 'The request body is too large',
  internal: 'Something went wrong on the server',
};

export function problemResponse(c: Context, code: MutualErrorCode, title: string, detail?: string): Response {
  const status = statusOf(code);
  const body: Problem = {
    type: `https://mutual.dev/problems/${code}`,
    title,
    status,
    code,
    ...(detail !== undefined && { detail }),
  };
  if (status === 401) c.header('WWW-Authenticate', `Bearer error="invalid_token"`);
  // Refused before its body was read: the rest of it may still be on its way, so the connection
  // cannot carry another request. Said, so that a client does not send its next one down it.
  if (code === 'body_too_large') c.header('Connection', 'close');
  return c.body(JSON.stringify(body), status, { 'Content-Type': PROBLEM_CONTENT_TYPE });
}

/**
 * Hono's onError: Mutual errors keep their code; Hono's own HTTP exceptions (malformed JSON, …)
 * become invalid_request; anything else is logged without its message details and answered 500.
 */
export function handleError(error: Error, c: Context): Response {
  if (isMutualError(error)) {
    const title = error.code.startsWith('token_') ? error.message : (TITLES[error.code] ?? error.message);
    return problemResponse(c, error.code, title, error.detail ?? (error.code.startsWith('token_') ? undefined : error.message));
  }
  if (error instanceof HTTPException) {
    if (error.status === 413) return problemResponse(c, 'body_too_large', TITLES.body_too_large!);
    if (error.status < 500) return problemResponse(c, 'invalid_request', TITLES.invalid_request!, error.message);
  }
  // Never log request headers or bodies here: they may hold tokens.
  console.error(`mutual: unexpected error on ${c.req.method} ${c.req.routePath}: ${error.name}`);
  return problemResponse(c, 'internal', TITLES.internal!);
}
