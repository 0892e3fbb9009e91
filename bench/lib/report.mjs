// One scenario's entry in bench/results.json and its row in the printed table.
export function goalResult({ name, figures, baseline, baselineName, ratio, goal, met, notes }) {
  return { name, figures, baseline: baseline ?? null, baselineName: baselineName ?? null, ratio: ratio ?? null, goal, met: Boolean(met), ...(notes && { notes }) };
}
