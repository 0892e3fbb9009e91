// The notification outbox, the scheduler and the calendar feed on PostgreSQL (the same migrations
// and queries as on SQLite). Runs when DATABASE_URL is set (`npm run test:pg` starts a throwaway
// PostgreSQL; `npm test` runs this file too when DATABASE_URL is set).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importJWK, type CryptoKey } from 'jose';
import ICAL from 'ical.js';
import { signEmbedToken } from '@mutual/protocol';
import { Admin } from '../admin/admin.js';
import { parseConfig } from '../config/config.js';
import { generateKeys } from '../keys/generate-keys.js';
import { startServer, type RunningServer } from '../server.js';
import { openPostgresStore } from '../store/postgres.js';
import { kyselyOf } from '../webhooks/kysely-of.js';
import { NotificationSettingsStore } from './settings-store.js';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink.js';

const url = process.env.DATABASE_URL;
const ANA = 'ana@seller.test';
const BOB = 'bob@seller.test';

describe('notifications on PostgreSQL', { skip: url ? false : 'DATABASE_URL is not set: run `npm run test:pg`' }, () => {
  let server: RunningServer;
  let sink: SmtpSink;
  let now = Date.parse('2027-01-10T09:00:00Z');
  let token: (person: string, email: string) => Promise<string>;
  const as = async (person: string, email: string, path: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${server.url}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${await token(person, email)}`, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: response.status === 204 ? undefined : ((await response.json()) as any) };
  };
  const run = () => server.notifications.worker!.runOnce();
  const to = (email: string) => sink.messages.filter((mail) => mail.envelopeTo.includes(email));

  before(async () => {
    sink = await startSmtpSink();
    const keys = await generateKeys('EdDSA');
    const issuer = 'https://intranet.seller.test';
    const config = parseConfig({
      organisation: { domain: 'seller.test', name: 'Seller' },
      listen: { host: '127.0.0.1', port: 0 },
      hostApps: [{ issuer, jwks: keys.publicJwks, origins: ['http://127.0.0.1:9'] }],
      notifications: { smtp: sink.smtp, pollMs: 3_600_000, digestHourUtc: 7 },
    });
    const store = await openPostgresStore({ url: url!, schema: `notify_${process.pid}_${Date.now().toString(36)}`, max: 5 });
    const clock = () => now;
    server = await startServer(config, { store, clock });
    const privateKey = (await importJWK(keys.privateJwk, keys.alg)) as CryptoKey;
    token = (person, email) =>
      signEmbedToken({ issuer, audience: server.config.organisation.origin, person, email, privateKey, kid: keys.kid, alg: keys.alg, clock });
    const admin = new Admin(server.store, 'seller.test', { writer: server.writer, clock });
    await admin.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test', decisionDate: '2027-03-31' });
    for (const [id, name] of [[ANA, 'Ana'], [BOB, 'Bob']] as const) {
      await admin.addPerson({ id, name });
      await admin.addMember('acme.plan', id);
    }
    await as(ANA, 'ana@mail.test', '/me');
    await as(BOB, 'bob@mail.test', '/me');
    await run();
  });

  after(async () => {
    await server?.close();
    await sink?.close();
  });

  it('records in the write’s transaction, sends once, reminds, digests and serves the calendar', async () => {
    await as(ANA, 'ana@mail.test', '/groups/acme.plan/posts', 'POST', { text: 'Ready, @bob@seller.test?' });
    const task = await as(ANA, 'ana@mail.test', '/groups/acme.plan/tasks', 'POST', { title: 'Sign the NDA', owner: BOB, due: '2027-01-10', status: 'todo' });
    assert.equal(task.status, 201);
    await run();
    await run();
    assert.deepEqual(to('bob@mail.test').map((mail) => mail.subject).sort(), ['Ana mentioned you in Overall plan', 'Due today: Sign the NDA', 'New task for you: Sign the NDA']);

    now = Date.parse('2027-01-11T07:30:00Z');
    await run();
    await run();
    const subjects = to('bob@mail.test').map((mail) => mail.subject);
    assert.equal(subjects.length, 5);
    assert.ok(subjects.includes('Overdue: Sign the NDA'));
    const digest = to('bob@mail.test').find((mail) => mail.headers['x-mutual-notification'] === 'digest')!;
    assert.equal(digest.subject, 'Mutual: 2 changes in your evaluations');
    assert.match(digest.text, /Ana added the task “Sign the NDA”\n- Ana posted: “Ready, @bob@seller\.test\?”/);

    const feed = await as(BOB, 'bob@mail.test', '/me/calendar', 'POST');
    const ics = await (await fetch(feed.body.url)).text();
    const summaries = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((vevent) => vevent.getFirstPropertyValue('summary'));
    assert.deepEqual(summaries, ['Decision date: Acme', 'Due: Sign the NDA']);
  });

  it('keeps a language the person picked over what later tokens say', async () => {
    const settings = new NotificationSettingsStore(kyselyOf(server.store));
    const erin = 'erin@seller.test';
    await settings.saveContact(erin, { email: 'erin@mail.test', locale: 'en' }, now);
    await settings.savePreferences(erin, { locale: 'fr' }, now);
    await settings.saveContact(erin, { email: 'erin@mail.test', locale: 'en' }, now);
    assert.equal((await settings.get(erin))?.locale, 'fr');
  });
});
