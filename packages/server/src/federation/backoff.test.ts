import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  const policy = { initialMs: 100, maxMs: 10_000 };

  it('doubles from the initial delay, with jitter between half and all of it', () => {
    assert.equal(backoffDelay(1, policy, () => 0), 50);
    assert.equal(backoffDelay(1, policy, () => 1), 100);
    assert.equal(backoffDelay(4, policy, () => 1), 800);
    assert.equal(backoffDelay(4, policy, () => 0), 400);
  });

  it('stays capped however long the peer is down', () => {
    for (const attempt of [8, 20, 100, 10_000]) {
      const delay = backoffDelay(attempt, policy, () => 1);
      assert.equal(delay, 10_000);
      assert.ok(backoffDelay(attempt, policy, () => 0) >= 5_000);
    }
  });
});
