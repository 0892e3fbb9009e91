import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openSqliteStore } from '../store/sqlite.js';
import { ServerKeys } from './server-keys.js';

describe('ServerKeys (server-keys.ts)', () => {
  it('makes the newest key the signing one even when an older key was made with a clock that ran ahead', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      const ahead = await new ServerKeys(store.peers, () => Date.parse('2031-01-01T00:00:00Z')).rotate();
      const keys = new ServerKeys(store.peers, () => Date.parse('2027-01-01T00:00:00Z'));
      const rotated = await keys.rotate();
      assert.ok(rotated > ahead, `${rotated} sorts after ${ahead}`);
      assert.equal((await keys.signingKey()).kid, rotated);
      const again = await keys.rotate();
      assert.equal((await keys.signingKey()).kid, again, 'and the one after it');
      assert.deepEqual((await keys.jwks()).keys.map((key) => key.kid), [again, rotated, ahead], 'all published, newest first');
    } finally {
      await store.close();
    }
  });
});
