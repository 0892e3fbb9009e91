import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig, parseConfig } from '../config/config.js';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';

const TOKEN = 'a-metrics-token-of-at-least-32-characters';

describe('GET /metrics', () => {
  let guarded: TestOrganisation;
  let open: TestOrganisation;

  before(async () => {
    [guarded, open] = await Promise.all([startTestOrganisation({ metricsToken: TOKEN }), startTestOrganisation()]);
  });
  after(() => Promise.all([guarded.close(), open.close()]));

  it('asks for the configured bearer token, and answers nothing else without it', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, TOKEN, `bearer  ${TOKEN}`]) {
      const response = await fetch(`${guarded.url}/metrics`, { headers: authorization ? { Authorization: authorization } : {} });
      assert.equal(response.status, 401, String(authorization));
      assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="metrics"');
      assert.doesNotMatch(await response.text(), /mutual_/);
    }
    for (const authorization of [`Bearer ${TOKEN}`, `bearer ${TOKEN}`]) {
      const allowed = await fetch(`${guarded.url}/metrics`, { headers: { Authorization: authorization } });
      assert.equal(allowed.status, 200);
      assert.match(await allowed.text(), /mutual_sse_clients/);
    }
  });

  it('stays open without a token (the network keeps it internal)', async () => {
    const response = await fetch(`${open.url}/metrics`);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /mutual_sse_clients/);
  });

  it('refuses a short token, and takes one from MUTUAL_METRICS_TOKEN', () => {
    const base = { organisation: { domain: 'seller.test', name: 'Seller' } };
    assert.throws(() => parseConfig({ ...base, metrics: { token: 'short' } }), /metrics\.token: at least 32 characters/);
    assert.equal(parseConfig(base).metrics.token, undefined);
    const file = join(mkdtempSync(join(tmpdir(), 'mutual-config-')), 'mutual.config.json');
    writeFileSync(file, JSON.stringify({ ...base, database: { file: ':memory:' } }));
    assert.equal(loadConfig(file, {}).metrics.token, undefined);
    assert.equal(loadConfig(file, { MUTUAL_METRICS_TOKEN: TOKEN }).metrics.token, TOKEN);
  });
});
