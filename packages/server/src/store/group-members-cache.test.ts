import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Group } from '@mutual/protocol';
import { GroupMembersCache, type GroupMembers } from './group-members-cache.js';

const members = (id: string): GroupMembers => ({ group: { id } as Group, lastSeq: 1, roles: new Map() });

describe('the group members cache', () => {
  it('answers only under the stamp it was given', () => {
    const cache = new GroupMembersCache();
    cache.set('a', '1:7', members('a'));
    assert.equal(cache.get('a', '1:7')?.group.id, 'a');
    assert.equal(cache.get('a', '2:7'), undefined);
    assert.equal(cache.get('a', '1:8'), undefined);
  });

  it('forgets the least recently used group first, reading the newest again included', () => {
    const cache = new GroupMembersCache(2);
    cache.set('a', 's', members('a'));
    cache.set('b', 's', members('b'));
    assert.ok(cache.get('a', 's')); // b is now the least recent
    cache.set('c', 's', members('c')); // evicts b
    assert.equal(cache.get('b', 's'), undefined);
    assert.ok(cache.get('a', 's'));
    assert.ok(cache.get('a', 's')); // already the newest: the order stays c, a
    cache.set('d', 's', members('d')); // evicts c
    assert.equal(cache.get('c', 's'), undefined);
    assert.ok(cache.get('a', 's'));
    assert.ok(cache.get('d', 's'));
  });
});
