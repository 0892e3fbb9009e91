// Runs the browser suites in Chromium through @web/test-runner. The config imports the real
// server from its TypeScript sources, hence the source condition and tsx.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { requireChromium } from './find-chromium.mjs';

requireChromium();
const require = createRequire(import.meta.url);
const bin = require.resolve('@web/test-runner/dist/bin.js');
const result = spawnSync(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', bin, '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
