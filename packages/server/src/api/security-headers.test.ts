import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { answerWithPreparedHeaders } from './prepared-headers.js';
import { SECURITY_HEADERS, securityHeaders } from './security-headers.js';

const sorted = (response: Response) => [...response.headers].sort(([a], [b]) => a.localeCompare(b));

/** The same routes behind hono/secure-headers and behind ours. */
function appWith(middleware: ReturnType<typeof securityHeaders>) {
  return new Hono()
    .use('*', middleware)
    .get('/json', (c) => c.json({ ok: true }))
    .get('/powered', (c) => c.text('x', 200, { 'X-Powered-By': 'something', 'X-Frame-Options': 'DENY' }))
    .get('/fails', () => {
      throw new Error('boom');
    })
    .get('/prepared', (c) => answerWithPreparedHeaders(c, '{"ok":true}', 'application/json'));
}

describe('security headers', () => {
  const theirs = appWith(secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  const ours = appWith(securityHeaders());

  it('are the set hono/secure-headers gives, on answers, errors and not-found, overwriting and without X-Powered-By', async () => {
    for (const path of ['/json', '/powered', '/fails', '/nope']) {
      const [a, b] = [await theirs.request(path), await ours.request(path)];
      assert.equal(b.status, a.status, path);
      assert.deepEqual(sorted(b), sorted(a), path);
      assert.equal(await b.text(), await a.text(), path);
    }
    assert.equal((await ours.request('/powered')).headers.get('x-powered-by'), null);
    assert.equal((await ours.request('/powered')).headers.get('x-frame-options'), 'SAMEORIGIN');
  });

  it('come with an answer built from the prepared headers, the same as after a route', async () => {
    const prepared = await ours.request('/prepared');
    assert.deepEqual(sorted(prepared), sorted(await theirs.request('/json')));
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(prepared.headers.get(name), value, name);
  });
});
