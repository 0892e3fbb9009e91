/** Order statistics for the bench: medians of rounds, percentiles of samples. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const median = (values) => percentile(values, 50);

export const round = (value, digits = 2) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);

/** Medians of each numeric figure over rounds: [{a:1},{a:3},{a:2}] → {a:2}. */
export function medians(rounds) {
  const keys = Object.keys(rounds[0] ?? {});
  return Object.fromEntries(keys.map((key) => [key, round(median(rounds.map((r) => r[key])))]));
}
