/** The only signature algorithms Mutual accepts, for every token and event it verifies. */
export const ALLOWED_ALGORITHMS = ['EdDSA', 'ES256'] as const;
export type SigningAlgorithm = (typeof ALLOWED_ALGORITHMS)[number];

/** Longest compact JWT accepted anywhere; anything longer is refused before any parsing. */
export const MAX_TOKEN_LENGTH = 8 * 1024;

/** Header parameters that would let a token choose its own key: never honoured, always refused. */
export const FORBIDDEN_HEADER_PARAMETERS = ['jku', 'x5u', 'jwk', 'x5c', 'crit'] as const;
