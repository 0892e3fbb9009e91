// `npm test`: type-check, node suites, browser suites, build, end-to-end suites. Stops at the first
// failure, and ends with one line that adds up every suite's count.
import { spawn } from 'node:child_process';
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

/** Runs a step, echoing its output, and returns its exit code and what it printed. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['inherit', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Counts from node's runner (`# pass N`) or web-test-runner (`N passed, N failed`). */
function counts(output) {
  const last = (pattern) => [...output.matchAll(pattern)].at(-1);
  const node = [last(/^# pass (\d+)/gm), last(/^# fail (\d+)/gm)];
  if (node[0]) return { passed: Number(node[0][1]), failed: Number(node[1]?.[1] ?? 0) };
  const web = last(/(\d+) passed, (\d+) failed/g);
  if (web) return { passed: Number(web[1]), failed: Number(web[2]) };
  return { passed: 0, failed: 0 };
}

const total = { passed: 0, failed: 0 };
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name}`);
  const { code, output } = await run(command, args);
  const { passed, failed } = counts(output);
  total.passed += passed;
  total.failed += failed;
  if (code !== 0) {
    console.error(`\nmutual: ${name} failed`);
    console.log(`\ntests: ${total.passed} passed, ${Math.max(total.failed, 1)} failed`);
    process.exit(code);
  }
}
console.log('\nmutual: all test steps passed');
console.log(`tests: ${total.passed} passed, ${total.failed} failed`);
