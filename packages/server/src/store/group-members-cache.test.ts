import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Group } from '@mutual/protocol';
import { GroupMembersCache, type GroupMembers } from './group-members-cache.js';

const members = (id: string): GroupMembers => ({ group: { id } as Group, lastSeq: 1, roles: new Map() });

describe('the group members cache', () => {
  it('answers only under the stamp it was given', () => {
    const cache = new GroupMembersCache();
    cache.set('a', '1:7', '3:7', members('a'));
    assert.equal(cache.get('a', '1:7')?.group.id, 'a');
    assert.equal(cache.get('a', '2:7'), undefined);
    assert.equal(cache.get('a', '1:8'), undefined);
    // The members alone, under their own stamp: a post moved the log, not the members.
    assert.equal(cache.members('a', '3:7')?.group.id, 'a');
    assert.equal(cache.members('a', '1:7'), undefined);
    assert.equal(cache.members('a', '3:8'), undefined);
    assert.equal(cache.members('b', '3:7'), undefined);
  });

  it('forgets the least recently used group first, reading the newest again included', () => {
    const cache = new GroupMembersCache(2);
    cache.set('a', 's', 's', members('a'));
    cache.set('b', 's', 's', members('b'));
    assert.ok(cache.get('a', 's')); // b is now the least recent
    cache.set('c', 's', 's', members('c')); // evicts b
    assert.equal(cache.get('b', 's'), undefined);
    assert.ok(cache.get('a', 's'));
    assert.ok(cache.get('a', 's')); // already the newest: the order stays c, a
    cache.set('d', 's', 's', members('d')); // evicts c
    assert.equal(cache.get('c', 's'), undefined);
    assert.ok(cache.get('a', 's'));
    assert.ok(cache.get('d', 's'));
  });
});
