// The long variant of test/security/sse-load.test.ts: 1,000 live streams for 60 s. Memory is
// compared before and after with forced collections (npm run test:soak runs with --expose-gc).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runSseLoad } from '../security/support/sse-load.js';

/**
 * Heap growth allowed after the run, measured from the streams all open to the streams all closed
 * (MB): the posts stay in the store's caches and the JIT's, nothing per message or per stream.
 */
const HEAP_GROWTH_MB = 10;

describe('soak: live streams under load', () => {
  it('serves 1,000 subscribers a steady stream of posts for 60 s, and gives the memory back', { timeout: 900_000 }, async () => {
    const result = await runSseLoad({ subscribers: 1_000, seconds: 60, postsPerSecond: 5 });
    assert.ok(result.posts >= 290, `only ${result.posts} posts were written: the server fell behind`);
    console.log(`posts ${result.posts} in ${result.seconds.toFixed(0)} s, messages ${result.messages}, heap ${result.heapBeforeMb.toFixed(1)} MB before, ${result.heapAfterMb.toFixed(1)} MB after`);
    assert.ok(result.collected, 'run with --expose-gc (npm run test:soak does) so the heap is measured after a collection');
    assert.ok(result.heapAfterMb - result.heapBeforeMb < HEAP_GROWTH_MB, `the heap grew by ${(result.heapAfterMb - result.heapBeforeMb).toFixed(1)} MB`);
  });
});
