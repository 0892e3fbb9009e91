// `npm run size`: the browser bundles' sizes, gzip level 9, against their budgets. Fails when one
// is over. Run after `npm run build:elements` (npm run size does both).
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const budgets = [
  ['mutual-elements.js', 'all three widgets and <mutual-space>', 40 * KB],
  ['mutual-group-feed.js', "the feed's own entry", 20 * KB],
  ['mutual-workstream-board.js', "the board's own entry", 20 * KB],
  ['mutual-decider-cockpit.js', "the cockpit's own entry", 20 * KB],
  ['mutual-space.js', '<mutual-space> alone', 12 * KB],
];

let over = 0;
console.log('bundle                          gzip      budget    what');
for (const [file, what, budget] of budgets) {
  const path = `packages/elements/dist/${file}`;
  if (!existsSync(path)) {
    console.log(`${file.padEnd(32)}(missing)           ${what}`);
    over++;
    continue;
  }
  const size = gzipSync(readFileSync(path), { level: 9 }).length;
  const ok = size <= budget;
  if (!ok) over++;
  console.log(`${file.padEnd(32)}${(size / KB).toFixed(1).padStart(6)} KB ${(budget / KB).toFixed(0).padStart(6)} KB  ${ok ? '' : 'OVER BUDGET  '}${what}`);
}
if (over) {
  console.error(`\nsize: ${over} bundle(s) missing or over budget`);
  process.exit(1);
}
console.log('\nsize: every bundle within budget');
