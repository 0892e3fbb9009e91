// Runs the browser suites in Chromium through @web/test-runner. The config imports the real
// server from its TypeScript sources, hence the source condition and tsx.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { requireChromium } from './find-chromium.mjs';

requireChromium();
// The package exports no path to its bin, so name the file; workspaces install it at the root.
const bin = fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url));
const result = spawnSync(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', bin, '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
