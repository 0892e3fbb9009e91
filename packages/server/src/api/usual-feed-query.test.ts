import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FEED_PAGE_DEFAULT, FeedQuerySchema } from '@mutual/protocol';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';
import { usualFirstPageLimit } from './usual-feed-query.js';

const BASE = 'http://127.0.0.1:8080/api/groups/acme.plan/posts';

describe('the usual first-page query', () => {
  it('is accepted only where the route schema gives the same limit and no cursor', () => {
    const queries = ['', '?', '?limit=1', '?limit=5', '?limit=050', '?limit=100', '?limit=101', '?limit=0', '?limit=000', '?limit=',
      '?limit=abc', '?limit=5.0', '?limit=1e1', '?limit=%35', '?limit=+5', '?limit=5&limit=6', '?limit=5&x=1', '?x=1', '?before=3',
      '?limit=5&before=3', '?before=3&limit=5', '?limit=5#top', '#top', '?limit=1000', '?LIMIT=5', '?limit=-1', '?limit= 5'];
    const accepted: string[] = [];
    for (const query of queries) {
      const url = `${BASE}${query}`;
      const limit = usualFirstPageLimit(url);
      if (limit === undefined) continue;
      accepted.push(query);
      const parsed = FeedQuerySchema.parse(Object.fromEntries(new URL(url).searchParams));
      assert.deepEqual(parsed, { limit }, query);
    }
    assert.deepEqual(accepted, ['', '?limit=1', '?limit=5', '?limit=050', '?limit=100']);
    assert.equal(usualFirstPageLimit(BASE), FEED_PAGE_DEFAULT);
  });
});

describe('the feed route with the usual query checked by hand', () => {
  let org: TestOrganisation;
  let ana: Record<string, string>;
  let bob: Record<string, string>;
  const page = (query: string, headers: Record<string, string>) => fetch(`${org.url}/api/groups/acme.plan/posts${query}`, { headers });

  before(async () => {
    org = await startTestOrganisation();
    await org.admin.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test' });
    await org.admin.addPerson({ id: 'ana@seller.test', name: 'Ana' });
    await org.admin.addPerson({ id: 'bob@seller.test', name: 'Bob' });
    await org.admin.addMember('acme.plan', 'ana@seller.test', 'lead');
    ana = { Authorization: `Bearer ${await org.token('ana@seller.test')}` };
    bob = { Authorization: `Bearer ${await org.token('bob@seller.test')}` };
    for (let i = 0; i < 3; i++) {
      const posted = await fetch(`${org.url}/api/groups/acme.plan/posts`, { method: 'POST', headers: { ...ana, 'Content-Type': 'application/json' }, body: JSON.stringify({ text: `post ${i}` }) });
      assert.equal(posted.status, 201);
    }
  });
  after(() => org.close());

  it('answers as the validated route does: same bytes and headers, 403 for a non-member, 400 for a bad query first', async () => {
    const usual = await page('?limit=2', ana);
    const validated = await page('?limit=2&unknown=1', ana);
    assert.equal(usual.status, 200);
    const headers = (response: Response) => [...response.headers].filter(([name]) => name !== 'date').sort();
    assert.deepEqual(headers(usual), headers(validated));
    const text = await usual.text();
    assert.equal(text, await validated.text());
    assert.equal(JSON.parse(text).posts.length, 2);
    assert.equal(JSON.parse(await (await page('', ana)).text()).posts.length, 3);
    const refused = await page('?limit=2', bob);
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { code: string }).code, 'not_a_member');
    const invalid = await page('?limit=0', bob);
    assert.equal(invalid.status, 400);
    assert.equal(((await invalid.json()) as { code: string }).code, 'invalid_request');
    assert.equal((await page('?limit=2', {})).status, 401);
    const metrics = await (await fetch(`${org.url}/metrics`)).text();
    assert.match(metrics, /mutual_http_requests_total\{method="GET",route="\/api\/groups\/:group\/posts",status="200"\} [1-9]/);
    assert.match(metrics, /mutual_http_requests_total\{method="GET",route="\/api\/groups\/:group\/posts",status="403"\} 1\n/);
  });

  it('stays declared in the OpenAPI document with both query parameters', async () => {
    const document = (await (await fetch(`${org.url}/openapi.json`)).json()) as any;
    const route = document.paths['/api/groups/{group}/posts'].get;
    assert.deepEqual(route.parameters.map((parameter: { name: string; in: string }) => `${parameter.in}:${parameter.name}`).sort(), ['path:group', 'query:before', 'query:limit']);
    assert.ok(route.responses['200']);
  });
});
