/**
 * Every failure Mutual reports carries a stable `code` from this union. Callers `switch` on the
 * code, never on the message or the class name; HTTP mapping happens once, in the server.
 */
export type MutualErrorCode =
  // embed tokens and other bearer tokens
  | 'token_missing'
  | 'token_malformed'
  | 'token_too_large'
  | 'token_alg_not_allowed'
  | 'token_type_invalid'
  | 'token_header_forbidden'
  | 'token_key_unknown'
  | 'token_signature_invalid'
  | 'token_issuer_unknown'
  | 'token_audience_invalid'
  | 'token_expired'
  | 'token_not_yet_valid'
  | 'token_too_old'
  | 'token_claim_missing'
  | 'token_claim_invalid'
  | 'token_subject_invalid'
  | 'token_replayed'
  // access
  | 'forbidden'
  | 'not_a_member'
  | 'not_found'
  | 'not_home'
  // requests
  | 'invalid_request'
  | 'body_too_large'
  | 'conflict'
  | 'internal';

export interface MutualErrorOptions {
  cause?: unknown;
  /** Extra, non-secret detail safe to show to the caller (never a token). */
  detail?: string;
}

/** The one base class for Mutual's errors. */
export class MutualError extends Error {
  readonly code: MutualErrorCode;
  readonly detail: string | undefined;

  constructor(code: MutualErrorCode, message: string, options: MutualErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MutualError';
    this.code = code;
    this.detail = options.detail;
  }
}

/** A token failed verification. The message names the failed check, never the token. */
export class TokenError extends MutualError {
  constructor(code: MutualErrorCode, message: string, options?: MutualErrorOptions) {
    super(code, message, options);
    this.name = 'TokenError';
  }
}

export const isMutualError = (value: unknown): value is MutualError => value instanceof MutualError;
