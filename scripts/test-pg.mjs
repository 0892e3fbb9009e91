// `npm run test:pg`: the PostgreSQL suites alone. Uses DATABASE_URL when set; otherwise starts a
// throwaway PostgreSQL 15 cluster in a temporary folder and stops it afterwards.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const suites = [
  'packages/server/src/store/postgres.test.ts',
  'packages/server/src/notify/postgres.test.ts',
  'packages/server/src/webhooks/postgres.test.ts',
  'packages/server/src/store/cockpit-backfill.test.ts',
  'test/postgres',
];
let folder;
let url = process.env.DATABASE_URL;
if (!url) {
  folder = mkdtempSync(join(tmpdir(), 'mutual-pg-'));
  url = execFileSync(process.execPath, ['scripts/pg-cluster.mjs', 'start', folder], { encoding: 'utf8' }).trim().split('\n').at(-1);
  console.log(`test:pg: started a throwaway PostgreSQL at ${url}`);
}
let status = 1;
try {
  status = spawnSync(process.execPath, ['scripts/run-node-tests.mjs', ...suites], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } }).status ?? 1;
} finally {
  if (folder) {
    execFileSync(process.execPath, ['scripts/pg-cluster.mjs', 'stop', folder], { stdio: 'inherit' });
    rmSync(folder, { recursive: true, force: true });
  }
}
process.exit(status);
