import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { startServer } from '../server.js';
import { loadConfig } from '../config/config.js';

const cli = fileURLToPath(new URL('../cli/mutual.ts', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'mutual-notify-cli-'));
after(() => rmSync(folder, { recursive: true, force: true }));
// The CLI and the server here use the SQLite file of the config, even where CI sets DATABASE_URL.
const env = { ...process.env };
delete env.DATABASE_URL;
const mutual = (...args: string[]) => spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', cli, ...args], { encoding: 'utf8', env });

describe('mutual person add --email --lang, notifications and calendar commands', () => {
  const config = join(folder, 'mutual.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      organisation: { domain: 'seller.test', name: 'Seller', origin: 'http://127.0.0.1:9' },
      listen: { host: '127.0.0.1', port: 0 },
      database: { file: './mutual.db' },
    }),
  );

  it('keeps an address and a language for one of our people only', () => {
    const added = mutual('person', 'add', '-c', config, '--id', 'ana@seller.test', '--name', 'Ana', '--email', 'ana@mail.seller.test', '--lang', 'fr');
    assert.equal(added.status, 0, added.stderr);
    const shown = mutual('notifications', 'show', '-c', config, '--person', 'ana@seller.test');
    assert.equal(shown.stdout.trim(), 'ana@seller.test: ana@mail.seller.test, fr, immediate');
    const remote = mutual('person', 'add', '-c', config, '--id', 'dana@buyer.test', '--name', 'Dana', '--email', 'dana@mail.buyer.test');
    assert.notEqual(remote.status, 0);
    assert.match(remote.stderr, /not a person of seller\.test/);
    const set = mutual('notifications', 'set', '-c', config, '--person', 'ana@seller.test', '--mode', 'daily');
    assert.equal(set.status, 0, set.stderr);
    assert.match(mutual('notifications', 'show', '-c', config, '--person', 'ana@seller.test').stdout, /, fr, daily/);
  });

  it('makes a calendar feed URL that works until revoked', async () => {
    const made = mutual('calendar', 'create', '-c', config, '--person', 'ana@seller.test');
    assert.equal(made.status, 0, made.stderr);
    const url = new URL(made.stdout.trim());
    assert.match(url.pathname, /^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const server = await startServer(loadConfig(config, env));
    try {
      assert.equal((await fetch(`${server.url}${url.pathname}`)).status, 200);
    } finally {
      await server.close();
    }
    const revoked = mutual('calendar', 'revoke', '-c', config, '--person', 'ana@seller.test');
    assert.equal(revoked.stdout.trim(), 'revoked the calendar feed of ana@seller.test');
    const again = await startServer(loadConfig(config, env));
    try {
      assert.equal((await fetch(`${again.url}${url.pathname}`)).status, 404);
    } finally {
      await again.close();
    }
  });
});
