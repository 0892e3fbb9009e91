// Runs node-side tests (*.test.ts) from the TypeScript sources. With no argument: every suite but
// the browser ones (packages/elements), the end-to-end ones (test/e2e, which need a build) and the
// long ones (test/soak: `npm run test:soak`).
// Node 20's --test does not expand globs, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['packages/protocol/src', 'packages/server/src', 'examples', 'test'];
const skipLong = process.argv.slice(2).length === 0;
const skipped = new Set(['e2e', 'soak']);

function testsUnder(folder) {
  let found = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && !(skipLong && skipped.has(entry.name))) found = found.concat(testsUnder(path));
    else if (entry.isFile() && entry.name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const files = roots.flatMap((root) => (statSync(root).isFile() ? [root] : testsUnder(root))).sort();
if (files.length === 0) {
  console.error(`no tests found under ${roots.join(', ')}`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', '--test', '--test-concurrency=1', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
