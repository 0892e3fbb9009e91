import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson } from './canonical-json.js';
import { eventId } from './event-id.js';

describe('canonicalJson', () => {
  it('sorts keys by code unit, drops undefined, keeps arrays in order', () => {
    assert.equal(canonicalJson({ b: 1, a: [3, { d: undefined, c: 'x' }], é: true, Z: null }), '{"Z":null,"a":[3,{"c":"x"}],"b":1,"é":true}');
  });

  it('writes numbers as ECMAScript does (RFC 8785)', () => {
    assert.equal(canonicalJson([1e21, 0.1, -0, 100]), '[1e+21,0.1,0,100]');
    assert.throws(() => canonicalJson(Number.NaN), TypeError);
  });
});

describe('eventId', () => {
  const draft = {
    space: 'acme',
    group: 'acme.plan',
    type: 'post' as const,
    author: 'ana@seller.test',
    at: '2027-01-01T10:00:00.000Z',
    body: { text: 'Hello' },
  };

  it('depends on content only, not on key order', async () => {
    const reordered = { body: { text: 'Hello' }, at: draft.at, author: draft.author, type: draft.type, group: draft.group, space: draft.space };
    assert.equal(await eventId(draft), await eventId(reordered));
    assert.match(await eventId(draft), /^[A-Za-z0-9_-]{43}$/);
  });

  it('changes when anything it says changes', async () => {
    assert.notEqual(await eventId(draft), await eventId({ ...draft, body: { text: 'Hello!' } }));
    assert.notEqual(await eventId(draft), await eventId({ ...draft, author: 'bob@seller.test' }));
  });
});
