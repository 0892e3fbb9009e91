// node bench/lib/table-md.mjs [bench/results.json]: the results as the Markdown table in docs/performance.md.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? new URL('../results.json', import.meta.url);
const results = JSON.parse(readFileSync(file, 'utf8'));
const show = (value) => {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(show).join('; ');
  return Object.entries(value)
    .filter(([key]) => key !== 'files' && key !== 'path' && key !== 'pageErrors' && key !== 'durability')
    .map(([key, inner]) => `${key}: ${show(inner)}`)
    .join(', ');
};
const { machine } = results;
console.log(`${results.mode} run of ${results.at}; ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average at the end ${machine.loadAverageAtEnd.map((n) => n.toFixed(1)).join(' ')}; ${results.server}.\n`);
console.log('| scenario | Mutual (median of rounds) | baseline | ratio | goal | met |');
console.log('|---|---|---|---|---|---|');
for (const r of results.scenarios) {
  if (r.error) {
    console.log(`| ${r.name} | error: ${r.error.split('\n')[0]} | | | | **no** |`);
    continue;
  }
  const baseline = r.baseline ? `${r.baselineName}: ${show(r.baseline)}` : '(absolute goal)';
  const checks = r.notes?.checks ? ` (${show(r.notes.checks)})` : '';
  const ceiling = r.notes?.ceiling ? ` (${r.notes.ceiling})` : '';
  console.log(`| ${r.name} | ${show(r.figures)} | ${baseline} | ${show(r.ratio)} | ${r.goal}${checks}${ceiling} | ${r.met ? 'yes' : '**no**'} |`);
}
