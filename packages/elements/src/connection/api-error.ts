import type { MutualErrorCode, Problem } from '@mutual/protocol';

/**
 * The server's stable codes (see `@mutual/protocol` errors) plus the failures only a client sees:
 * the server could not be reached, the host gave no token, or the answer was not what the API
 * promises.
 */
export type MutualApiErrorCode = MutualErrorCode | 'network_error' | 'token_unavailable' | 'invalid_response';

export interface MutualApiErrorInit {
  /** HTTP status; 0 when no answer was received. */
  status: number;
  code: MutualApiErrorCode;
  title: string;
  detail?: string | undefined;
  cause?: unknown;
}

/**
 * A failed call to the Mutual server. Switch on `code`, never on the message. The message is the
 * problem's title and never contains a token.
 */
export class MutualApiError extends Error {
  readonly status: number;
  readonly code: MutualApiErrorCode;
  readonly detail: string | undefined;

  constructor(init: MutualApiErrorInit) {
    super(init.title, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'MutualApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
  }

  /** True when trying again later may succeed (network trouble, server trouble). */
  get isTransient(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

const CODE_BY_STATUS: Record<number, MutualErrorCode> = {
  400: 'invalid_request',
  401: 'token_missing',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'body_too_large',
};

/** Reads an `application/problem+json` answer; tolerates a proxy's HTML error page. */
export async function problemError(response: Response): Promise<MutualApiError> {
  let problem: Partial<Problem> = {};
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object') problem = body as Partial<Problem>;
  } catch {
    // Not JSON: fall back on the status below.
  }
  const code =
    typeof problem.code === 'string' && problem.code.length > 0
      ? // The server may know codes this client does not: keep them, callers have a default branch.
        (problem.code as MutualApiErrorCode)
      : (CODE_BY_STATUS[response.status] ?? 'internal');
  return new MutualApiError({
    status: response.status,
    code,
    title: typeof problem.title === 'string' ? problem.title : response.statusText || `HTTP ${response.status}`,
    detail: typeof problem.detail === 'string' ? problem.detail : undefined,
  });
}

/** `fetch` rejects with an AbortError when the caller aborted: that is not a failure to report. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Any failure as a {@link MutualApiError}, so that events and messages have a code to go by. */
export function toApiError(error: unknown): MutualApiError {
  if (error instanceof MutualApiError) return error;
  return new MutualApiError({ status: 0, code: 'internal', title: 'Unexpected failure', cause: error });
}
