export interface RetryPolicy {
  /** Delay after the first failure (ms). */
  initialMs: number;
  /** The delay never grows past this (ms). */
  maxMs: number;
}

/**
 * Capped exponential backoff with jitter: the n-th retry waits between half and all of
 * min(max, initial × 2^(n-1)), so peers recovering from an outage are not hit in lockstep.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = policy.initialMs * 2 ** Math.max(0, Math.min(attempt - 1, 30));
  const capped = Math.min(policy.maxMs, exponential);
  return Math.round(capped / 2 + (random() * capped) / 2);
}
