import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { domainOf, PersonIdSchema } from './person.js';

describe('person ids', () => {
  it('accepts name@domain in lower case', () => {
    for (const id of ['alice@seller.example', 'j.doe-2@buyer.co.uk', 'a@b.c']) assert.ok(PersonIdSchema.safeParse(id).success, id);
    assert.equal(domainOf('alice@seller.example'), 'seller.example');
  });

  it('refuses look-alikes and tricks', () => {
    for (const id of [
      'Alice@seller.example',
      'alice@Seller.example',
      'alice@seller.example.',
      'alice@seller.example:443',
      'alice@séller.example',
      'alice@@seller.example',
      'alice@seller.example@evil.test',
      '@seller.example',
      'alice@',
      'alice',
    ]) {
      assert.equal(PersonIdSchema.safeParse(id).success, false, id);
    }
  });
});
