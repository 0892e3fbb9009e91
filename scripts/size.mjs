// `npm run size`: what a page downloads for each entry, gzip level 9, against the budgets. An entry
// costs its own file plus any chunk it imports at once (from dist/manifest/<entry>.json); chunks
// loaded on demand (the French strings) are listed apart. Fails when one entry is over.
// Run after `npm run build:elements` (npm run size does both).
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const dist = 'packages/elements/dist';
const budgets = [
  ['mutual-elements.js', 'all three widgets and <mutual-space>', 40 * KB],
  ['mutual-group-feed.js', "the feed's own entry", 20 * KB],
  ['mutual-workstream-board.js', "the board's own entry", 20 * KB],
  ['mutual-decider-cockpit.js', "the cockpit's own entry", 20 * KB],
  ['mutual-space.js', '<mutual-space> alone', 12 * KB],
];

const manifestOf = (entry) => {
  const path = `${dist}/manifest/${entry.replace(/\.js$/, '.json')}`;
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
};
const gzipped = (file) => gzipSync(readFileSync(`${dist}/${file}`), { level: 9 }).length;

/** The entry and every chunk it imports, transitively: what loads before the element works. */
function loadedAtOnce(manifest, file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imported of manifest[file]?.imports ?? []) loadedAtOnce(manifest, imported, seen);
  return seen;
}

/** Chunks reachable only through dynamic imports, with the size of each. */
function loadedOnDemand(manifest, atOnce) {
  const lazy = new Set();
  for (const file of atOnce) for (const imported of manifest[file]?.dynamicImports ?? []) if (!atOnce.has(imported)) lazy.add(imported);
  return [...lazy];
}

const kb = (bytes) => `${(bytes / KB).toFixed(1).padStart(6)} KB`;
let over = 0;
console.log('entry                           at once    budget    what (on demand)');
for (const [file, what, budget] of budgets) {
  const manifest = manifestOf(file);
  if (!manifest[file]) {
    console.log(`${file.padEnd(32)}(missing)           ${what}`);
    over++;
    continue;
  }
  const atOnce = loadedAtOnce(manifest, file);
  const size = [...atOnce].reduce((total, chunk) => total + gzipped(chunk), 0);
  const onDemand = loadedOnDemand(manifest, atOnce).map((chunk) => `${chunk.replace(/^chunks\//, '')} ${(gzipped(chunk) / KB).toFixed(1)} KB`);
  const ok = size <= budget;
  if (!ok) over++;
  console.log(
    `${file.padEnd(32)}${kb(size)} ${kb(budget)}  ${ok ? '' : 'OVER BUDGET  '}${what}` +
      `${onDemand.length ? ` (+ on demand: ${onDemand.join(', ')})` : ''}`,
  );
}
if (over) {
  console.error(`\nsize: ${over} entry(ies) missing or over budget`);
  process.exit(1);
}
console.log('\nsize: every entry within budget');
