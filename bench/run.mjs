// npm run bench [-- --quick] [-- --only NAME]: every scenario, a table, and bench/results.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { apiRead, apiWrite } from './scenarios/api.mjs';
import { crossOrgLatency, crossOrgThroughput } from './scenarios/cross-org.mjs';
import { fanout } from './scenarios/fanout.mjs';
import { cockpit } from './scenarios/cockpit.mjs';
import { widgets } from './scenarios/widgets.mjs';

const SCENARIOS = {
  'api-read': apiRead,
  'api-write': apiWrite,
  'cross-org-latency': crossOrgLatency,
  'cross-org-throughput': crossOrgThroughput,
  fanout,
  cockpit,
  widgets,
};

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const update = Boolean(only) && args.includes('--update');
if (only && !SCENARIOS[only]) {
  console.error(`unknown scenario ${only}; one of: ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(2);
}
// At least 5 interleaved rounds for a full run; --quick is for development only.
const options = { quick, rounds: quick ? 3 : 5, seconds: quick ? 2 : 5, log: (line) => console.log(line) };

const results = [];
for (const [name, scenario] of Object.entries(SCENARIOS)) {
  if (only && name !== only) continue;
  console.log(`▶ ${name}`);
  const started = Date.now();
  try {
    const result = await scenario(options);
    results.push(result);
  } catch (error) {
    console.error(`  ${name} failed:`, error);
    results.push({ name, error: String(error?.message ?? error), met: false });
  }
  console.log(`  (${Math.round((Date.now() - started) / 1000)} s)`);
  save(true);
}

const table = results.map((r) => ({
  scenario: r.name,
  mutual: r.error ? `error: ${r.error.split('\n')[0]}` : summary(r.figures),
  baseline: r.baseline ? `${r.baselineName}: ${summary(r.baseline)}` : '',
  ratio: typeof r.ratio === 'object' && r.ratio !== null ? JSON.stringify(r.ratio) : r.ratio ?? '',
  goal: r.goal ?? '',
  met: r.met ? 'yes' : 'NO',
}));
console.table(table);

save(false);

/** Writes what is measured so far (after each scenario, so an interrupted run keeps its figures). */
function save(partial) {
  const output = {
    at: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    ...(partial && { partial: true }),
    server: 'TypeScript sources (node --conditions=source --import tsx), one process and one SQLite file (WAL, synchronous=FULL) per organisation',
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, memoryBytes: totalmem(), loadAverageAtEnd: loadavg() },
    scenarios: results,
  };
  const name = only && !update ? `results-${only}.json` : 'results.json';
  const file = fileURLToPath(new URL(`./${name}`, import.meta.url));
  if (update) {
    // --only NAME --update: re-measure one scenario in place, keeping the others of the last run.
    const last = JSON.parse(readFileSync(file, 'utf8'));
    const fresh = results.find((r) => r.name === only);
    if (!fresh) return;
    last.scenarios = last.scenarios.map((r) => (r.name === only ? { ...fresh, measuredAt: output.at, machineAtMeasure: output.machine } : r));
    writeFileSync(file, `${JSON.stringify(last, null, 2)}\n`);
  } else {
    writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
  }
  if (!partial) console.log(`wrote bench/${name}`);
}

function summary(figures) {
  const flat = [];
  for (const [key, value] of Object.entries(figures ?? {})) {
    if (typeof value === 'number') flat.push([key, value]);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, number] of Object.entries(value)) if (typeof number === 'number') flat.push([`${key}.${inner}`, number]);
    }
  }
  return flat
    .slice(0, 4)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
}
