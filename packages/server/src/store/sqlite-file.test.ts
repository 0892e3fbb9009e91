import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openSqliteStore } from './sqlite.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the SQLite file', () => {
  it('is readable by its owner alone, with its WAL files, in a folder made likewise', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mutual-file-'));
    const previous = process.umask(0o022);
    try {
      const folder = join(root, 'data');
      const file = join(folder, 'mutual.db');
      const store = await openSqliteStore(file);
      try {
        await store.createSpace({ id: 's1', name: 'S1', seller: 'seller.test', buyer: 'buyer.test', stage: 'evaluation' }, '2027-01-01T00:00:00.000Z');
        assert.equal(modeOf(folder), 0o700);
        for (const path of [file, `${file}-wal`, `${file}-shm`]) assert.equal(modeOf(path), 0o600, path);
      } finally {
        await store.close();
      }
    } finally {
      process.umask(previous);
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('leaves an existing file’s mode alone, and says when others can read it', async (t) => {
    const root = mkdtempSync(join(tmpdir(), 'mutual-file-'));
    const warnings: string[] = [];
    t.mock.method(console, 'warn', (message: string) => void warnings.push(message));
    try {
      const file = join(root, 'mutual.db');
      await (await openSqliteStore(file)).close();
      chmodSync(file, 0o644);
      await (await openSqliteStore(file)).close();
      assert.equal(modeOf(file), 0o644);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]!, /can be read by other users/);
      assert.ok(warnings[0]!.includes(file));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('still opens the stores without a file of their own', async () => {
    for (const file of [':memory:', '']) await (await openSqliteStore(file)).close();
  });
});
