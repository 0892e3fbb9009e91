// A throwaway PostgreSQL cluster for tests, from Debian's PostgreSQL 15 binaries:
//   node scripts/pg-cluster.mjs start <folder> [port]   → prints the DATABASE_URL
//   node scripts/pg-cluster.mjs stop <folder>
// As root it runs as the `postgres` user (PostgreSQL refuses to run as root).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const [command, folderArg, portArg] = process.argv.slice(2);
if (!['start', 'stop'].includes(command ?? '') || !folderArg) {
  console.error('usage: pg-cluster.mjs start|stop <folder> [port]');
  process.exit(2);
}
if (!existsSync(`${BIN}/pg_ctl`)) {
  console.error(`no PostgreSQL at ${BIN}: apt-get install postgresql-15 (or set PG_BIN)`);
  process.exit(1);
}
const folder = resolve(folderArg);
const asRoot = process.getuid?.() === 0;
const run = (tool, args) =>
  asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', `${BIN}/${tool}`, ...args], { stdio: ['ignore', 'pipe', 'inherit'] }) : execFileSync(`${BIN}/${tool}`, args, { stdio: ['ignore', 'pipe', 'inherit'] });

const freePort = () =>
  new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });

if (command === 'stop') {
  if (existsSync(`${folder}/data/postmaster.pid`)) run('pg_ctl', ['-D', `${folder}/data`, '-m', 'fast', '-w', 'stop']);
  process.exit(0);
}

mkdirSync(folder, { recursive: true });
if (asRoot) execFileSync('chown', ['postgres', folder]);
chmodSync(folder, 0o700);
if (!existsSync(`${folder}/data/PG_VERSION`)) run('initdb', ['-D', `${folder}/data`, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--no-sync']);
const port = Number(portArg ?? (await freePort()));
// fsync stays on: the crash tests need acknowledged writes to survive a killed server process.
run('pg_ctl', ['-D', `${folder}/data`, '-w', '-l', `${folder}/server.log`, '-o', `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=200`, 'start']);
console.log(`postgres://postgres@127.0.0.1:${port}/postgres`);
