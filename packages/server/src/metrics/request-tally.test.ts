import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Counter, Registry } from 'prom-client';
import { RequestTally } from './request-tally.js';

describe('the request tally', () => {
  it('shows every counted request in the counter when it is read, once', async () => {
    const registry = new Registry();
    const tally = new RequestTally();
    new Counter({
      name: 'requests_total',
      help: 'test',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
      collect() {
        tally.flushInto(this);
      },
    });
    tally.count('GET', '/api/groups/:group/posts', 200);
    tally.count('GET', '/api/groups/:group/posts', 200);
    tally.count('GET', '/api/groups/:group/posts', 403);
    let text = await registry.metrics();
    assert.match(text, /requests_total\{method="GET",route="\/api\/groups\/:group\/posts",status="200"\} 2\n/);
    assert.match(text, /requests_total\{method="GET",route="\/api\/groups\/:group\/posts",status="403"\} 1\n/);
    text = await registry.metrics();
    assert.match(text, /status="200"\} 2\n/, 'a second read adds nothing');
    tally.count('GET', '/api/groups/:group/posts', 200);
    tally.count('POST', '/api/groups/:group/posts', 201);
    text = await registry.metrics();
    assert.match(text, /method="GET",route="\/api\/groups\/:group\/posts",status="200"\} 3\n/);
    assert.match(text, /method="POST",route="\/api\/groups\/:group\/posts",status="201"\} 1\n/);
  });
});
