// `npm test`: type-check, node suites, browser suites. Stops at the first failure.
import { spawnSync } from 'node:child_process';
import { requireChromium } from './find-chromium.mjs';

// Fail fast, before minutes of other work, when the browser suites could not run anyway.
const chromium = requireChromium();
console.log(`mutual: browser tests will use ${chromium}`);

const steps = [
  ['type-check', 'npm', ['run', '--silent', 'typecheck']],
  ['node tests', process.execPath, ['scripts/run-node-tests.mjs']],
  ['browser tests', process.execPath, ['scripts/test-web.mjs']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['end-to-end tests', process.execPath, ['scripts/run-node-tests.mjs', 'test/e2e']],
];
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`\nmutual: ${name} failed`);
    process.exit(status ?? 1);
  }
}
console.log('\nmutual: all test steps passed');
