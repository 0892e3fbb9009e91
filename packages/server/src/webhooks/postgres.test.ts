// Webhooks, templates and plan import on PostgreSQL (the same migrations and queries as on SQLite):
// two servers' worth of senders on one database never send an attempt twice. Runs when
// DATABASE_URL is set (`npm run test:pg` starts a throwaway PostgreSQL).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { eventually } from '../../../../test/support/eventually.js';
import { Admin } from '../admin/admin.js';
import { parseConfig } from '../config/config.js';
import { exportPlan } from '../plan-io/export-plan.js';
import { importPlan } from '../plan-io/import-plan.js';
import { startServer, type RunningServer } from '../server.js';
import { openPostgresStore } from '../store/postgres.js';
import { SpaceTemplates } from '../templates/space-templates.js';
import { kyselyOf } from './kysely-of.js';
import { startTestReceiver } from './test-receiver.js';
import { WebhookAdmin } from './webhook-admin.js';
import { WebhookStore } from './webhook-store.js';
import { WebhookWorker } from './webhook-worker.js';

const url = process.env.DATABASE_URL;
const ana = 'ana@seller.test';
const fast = { retry: { initialMs: 20, maxMs: 80 }, maxAttempts: 4, timeoutMs: 2_000, pollMs: 20 };

describe('webhooks and templates on PostgreSQL', { skip: url ? false : 'DATABASE_URL is not set: run `npm run test:pg`' }, () => {
  let server: RunningServer;
  let admin: Admin;
  let hooks: WebhookAdmin;

  before(async () => {
    const config = parseConfig({ organisation: { domain: 'seller.test', name: 'Seller' }, listen: { host: '127.0.0.1', port: 0 }, webhooks: fast });
    const store = await openPostgresStore({ url: url!, schema: `webhooks_${process.pid}_${Date.now().toString(36)}`, max: 5 });
    server = await startServer(config, { store });
    admin = new Admin(server.store, 'seller.test', { writer: server.writer });
    hooks = new WebhookAdmin(server.store, 'seller.test');
    await admin.addPerson({ id: ana, name: 'Ana' });
    await new SpaceTemplates(server.store, admin).createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test' });
    await admin.addMember('acme.plan', ana, 'lead');
  });
  after(() => server?.close());

  it('starts a space from the default template and round-trips its plan', async () => {
    assert.equal((await server.store.listTasks('acme.proof')).length, 4);
    const plan = await exportPlan(server.store, 'acme');
    await new SpaceTemplates(server.store, admin).createSpace({ id: 'copy', name: 'Copy', buyer: 'buyer.test', template: 'empty' });
    await importPlan(server.store, admin, 'copy', plan);
    assert.deepEqual({ ...(await exportPlan(server.store, 'copy')), space: undefined }, { ...plan, space: undefined });
  });

  it('retries a failing receiver and never sends an attempt twice with two senders on the database', async () => {
    const receiver = await startTestReceiver([500, 502]);
    const { subscription, secret } = await hooks.add({ space: 'acme', events: ['post'], url: receiver.url });
    const second = new WebhookWorker({ store: new WebhookStore(kyselyOf(server.store)), domain: 'seller.test', clock: Date.now, ...fast });
    second.start();
    try {
      for (let n = 0; n < 8; n++) await server.writer.write({ space: 'acme', group: 'acme.plan', author: ana, type: 'post', body: { text: `Post ${n}` } });
      const log = await eventually(async () => {
        const lines = await hooks.deliveries({ subscription: subscription.id });
        assert.equal(lines.length, 8);
        assert.ok(lines.every((d) => d.status === 'delivered'), JSON.stringify(lines));
        return lines;
      });
      const attempts = log.reduce((sum, d) => sum + d.attempts, 0);
      assert.equal(attempts, 10, 'eight deliveries, two of them tried twice more');
      assert.equal(receiver.requests.length, attempts, 'each attempt sent once');
      for (const request of receiver.requests) new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
    } finally {
      await second.stop();
      await receiver.close();
    }
  });
});
