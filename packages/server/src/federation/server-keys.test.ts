import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_PINNED_KEYS, isMutualError } from '@mutual/protocol';
import { openSqliteStore } from '../store/sqlite.js';
import { mergeKeys } from './peering.js';
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

  it('holds at most as many keys as a peer pins, and says so rather than making one peers would drop', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      const keys = new ServerKeys(store.peers);
      for (let i = 0; i < MAX_PINNED_KEYS; i++) await keys.rotate();
      await assert.rejects(keys.rotate(), (error) => isMutualError(error) && error.code === 'conflict' && /100 keys/.test(error.message));
      assert.equal((await keys.jwks()).keys.length, MAX_PINNED_KEYS);
      assert.deepEqual((await keys.jwks(10)).keys, (await keys.jwks()).keys.slice(0, 10), 'the newest ten');
    } finally {
      await store.close();
    }
  });

  it('refuses an announcement that would pin more keys than the bound, instead of dropping the new one', () => {
    const key = (kid: string) => ({ kty: 'OKP', crv: 'Ed25519', x: kid, kid });
    const pinned = { keys: Array.from({ length: MAX_PINNED_KEYS }, (_, i) => key(`k${i}`)) };
    assert.deepEqual(mergeKeys(pinned, { keys: [key('k1'), key('k2')] }).keys.length, MAX_PINNED_KEYS, 'nothing new: fine');
    assert.throws(() => mergeKeys(pinned, { keys: [key('new')] }), (error) => isMutualError(error) && error.code === 'conflict');
    assert.deepEqual(mergeKeys({ keys: [key('a')] }, { keys: [key('b'), { ...key('c'), d: 'secret' }] }).keys.map((k) => k.kid), ['a', 'b'], 'never a private key');
  });
});
