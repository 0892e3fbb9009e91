import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareWorkstreams } from './group.js';

describe('compareWorkstreams', () => {
  it('puts the plan first, the standard workstreams in the order of an evaluation, then others by name', () => {
    const shuffled = ['training', 'contract', 'proof', 'plan', 'business-case', 'analytics', 'success-criteria', 'implementation'];
    assert.deepEqual(shuffled.sort(compareWorkstreams), [
      'plan',
      'proof',
      'implementation',
      'success-criteria',
      'business-case',
      'contract',
      'analytics',
      'training',
    ]);
  });
});
