import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusalParts, refusalText } from './outbox-store.js';

describe('a refusal kept with an outbox item', () => {
  it('reads back as the code and the message it was kept with', () => {
    assert.deepEqual(refusalParts(refusalText('not_a_member', 'the author is no longer a member: removed')), {
      code: 'not_a_member',
      message: 'the author is no longer a member: removed',
    });
  });

  it('has the code `refused` when it was kept without one (before refusals had a code), or none at all', () => {
    assert.deepEqual(refusalParts('https://seller.test answered 403'), { code: 'refused', message: 'https://seller.test answered 403' });
    assert.deepEqual(refusalParts('Not A Code: text'), { code: 'refused', message: 'Not A Code: text' });
    assert.deepEqual(refusalParts(null), { code: 'refused', message: '' });
  });
});
