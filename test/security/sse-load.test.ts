// Many live streams on one server under a steady stream of posts: no errors, every subscriber gets
// every post of its groups and nothing else, and closed streams leave nothing behind.
// (200 subscribers for 5 s here; 1,000 for 60 s with a memory check in test/soak.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runSseLoad } from './support/sse-load.js';

describe('live streams under load', () => {
  it('serves 200 subscribers a steady stream of posts for 5 s', { timeout: 120_000 }, async () => {
    const result = await runSseLoad({ subscribers: 200, seconds: 5, postsPerSecond: 20 });
    assert.ok(result.posts >= 90, `only ${result.posts} posts were written: the server fell behind`);
    assert.ok(result.messages > result.posts * 40, `${result.messages} messages delivered`);
  });
});
