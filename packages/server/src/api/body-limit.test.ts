import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';

const ANA = 'ana@seller.test';

/** One POST over a real socket, its body sent with a Content-Length or in chunks. */
function send(url: string, token: string, body: string, framing: 'length' | 'chunked'): Promise<{ status: number; connection?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    if (framing === 'length') headers['Content-Length'] = String(Buffer.byteLength(body));
    const req = request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: text }));
    });
    req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
    if (framing === 'chunked') {
      // Several writes without a length: Node frames them as chunks.
      for (let at = 0; at < body.length; at += 16_384) req.write(body.slice(at, at + 16_384));
    } else {
      req.write(body);
    }
    req.end();
  });
}

describe('the API body limit, over HTTP', () => {
  let org: TestOrganisation;
  let token: string;
  let url: string;

  before(async () => {
    org = await startTestOrganisation();
    await org.admin.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test' });
    await org.admin.addPerson({ id: ANA, name: 'Ana' });
    await org.admin.addMember('acme.plan', ANA);
    token = await org.token(ANA);
    url = `${org.url}/api/groups/acme.plan/posts`;
  });
  after(() => org.close());

  for (const framing of ['length', 'chunked'] as const) {
    it(`takes a post under the limit and refuses one over it with 413 (${framing === 'length' ? 'Content-Length' : 'chunked'})`, async () => {
      const small = await send(url, token, JSON.stringify({ text: `under the limit, ${framing}` }), framing);
      assert.equal(small.status, 201, small.body);
      assert.equal(JSON.parse(small.body).text, `under the limit, ${framing}`);
      const big = await send(url, token, JSON.stringify({ text: 'x'.repeat(300 * 1024) }), framing);
      assert.equal(big.status, 413, big.body.slice(0, 200));
      assert.equal(JSON.parse(big.body).code, 'body_too_large');
      assert.equal(big.connection, 'close');
      const malformed = await send(url, token, '{"text":', framing);
      assert.equal(malformed.status, 400);
      assert.equal(JSON.parse(malformed.body).code, 'invalid_request');
    });
  }

  it('places exactly the posts it answered 201', async () => {
    const feed = await fetch(`${url}?limit=100`, { headers: { Authorization: `Bearer ${token}` } });
    const texts = ((await feed.json()) as { posts: Array<{ text: string }> }).posts.map((post) => post.text).sort();
    assert.deepEqual(texts, ['under the limit, chunked', 'under the limit, length']);
  });
});
