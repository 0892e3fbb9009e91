import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';
import { eventually } from '../../../../test/support/eventually.js';
import { databaseOf } from './db.js';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink.js';

const ANA = 'ana@seller.test';
const DANA = 'dana@buyer.test';
const IVAN = 'ivan@buyer.test';
const DANA_EMAIL = 'dana.schmidt@mail.buyer.test';
const ANA_EMAIL = 'ana.martin@mail.seller.test';

/** Every value of every table of a server's database, as one string. */
async function everythingStoredBy(org: TestOrganisation): Promise<string> {
  const db = databaseOf(org.server.store);
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
  const dumps: string[] = [];
  for (const { name } of tables.rows) dumps.push(JSON.stringify((await sql`select * from ${sql.table(name)}`.execute(db)).rows));
  return dumps.join('\n');
}

describe('a mention across two organisations', () => {
  let seller: TestOrganisation;
  let buyer: TestOrganisation;
  let sellerSink: SmtpSink;
  let buyerSink: SmtpSink;
  const as = async (org: TestOrganisation, person: string, path: string, method = 'GET', body?: unknown, claims: { email?: string; locale?: string } = {}) => {
    const response = await fetch(`${org.url}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${await org.token(person, claims)}`, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  before(async () => {
    sellerSink = await startSmtpSink();
    buyerSink = await startSmtpSink({ failFirst: 2 });
    const notifications = (sink: SmtpSink) => ({ smtp: sink.smtp, pollMs: 50, retry: { initialMs: 20, maxMs: 100, maxAttempts: 5 } });
    seller = await startTestOrganisation({ domain: 'seller.test', notifications: notifications(sellerSink), hostLinks: { space: 'https://intranet.seller.test/deals/{space}' } });
    buyer = await startTestOrganisation({
      domain: 'buyer.test',
      notifications: notifications(buyerSink),
      hostLinks: { space: 'https://portal.buyer.test/evaluations/{space}', group: 'https://portal.buyer.test/evaluations/{space}/{group}' },
    });
    await seller.peerWith(buyer);
    await seller.admin.addPerson({ id: ANA, name: 'Ana Martin' });
    await buyer.admin.addPerson({ id: DANA, name: 'Dana Schmidt' });
    await seller.admin.createSpace({ id: 'acme', name: 'Acme evaluation', buyer: 'buyer.test', decisionDate: '2027-03-31' });
    await seller.admin.addMember('acme.plan', ANA, 'lead');
    await seller.admin.addMember('acme.plan', DANA, 'lead');
    await seller.admin.addMember('acme.proof', ANA, 'lead');
    // Ivan's membership brings Proof to the buyer's server; Dana is not in it.
    await buyer.admin.addPerson({ id: IVAN, name: 'Ivan Petrov' });
    await seller.admin.addMember('acme.proof', IVAN);
    // Each person's host app tells their own server their address (an embed token claim).
    assert.equal((await as(seller, ANA, '/me', 'GET', undefined, { email: ANA_EMAIL })).status, 200);
    assert.equal((await as(buyer, DANA, '/me', 'GET', undefined, { email: DANA_EMAIL, locale: 'en-GB' })).status, 200);
    await eventually(async () => assert.ok(await buyer.server.store.getGroup('acme.plan'), 'not yet'));
    await eventually(async () => assert.equal(await buyer.server.store.getRole('acme.plan', DANA), 'lead'));
    await eventually(async () => assert.equal(await buyer.server.store.getRole('acme.proof', IVAN), 'member'));
  });

  after(async () => {
    await Promise.allSettled([seller?.close(), buyer?.close()]);
    await Promise.allSettled([sellerSink?.close(), buyerSink?.close()]);
  });

  it('mails the buyer person from the buyer’s server, on the third try, and never from the seller’s', async () => {
    const post = await as(seller, ANA, '/groups/acme.plan/posts', 'POST', { text: 'Hello @dana@buyer.test, the <b>pilot</b> plan is ready.' });
    assert.equal(post.status, 201);

    const mail = await buyerSink.waitFor((candidate) => candidate.envelopeTo.includes(DANA_EMAIL));
    assert.equal(mail.subject, 'Ana Martin mentioned you in Overall plan');
    assert.match(mail.from, /mutual@buyer\.test/);
    assert.match(mail.envelopeFrom, /@buyer\.test$/);
    assert.match(mail.text, /> Hello @dana@buyer\.test, the <b>pilot<\/b> plan is ready\./);
    assert.match(mail.text, /https:\/\/portal\.buyer\.test\/evaluations\/acme\/acme\.plan/);
    // What a person wrote is text in the HTML part too, never markup.
    assert.match(mail.html, /the &lt;b&gt;pilot&lt;\/b&gt; plan/);
    assert.equal(mail.headers['auto-submitted'], 'auto-generated');
    // The sink refused the first two attempts; the outbox retried with backoff.
    assert.equal(buyerSink.refused, 2);
    // The sink reports the message before its SMTP answer reaches the sender: wait for the mark.
    await eventually(async () => {
      const row = await databaseOf(buyer.server.store).selectFrom('notification_outbox').selectAll().where('person_id', '=', DANA).executeTakeFirstOrThrow();
      assert.equal(row.state, 'sent');
      assert.equal(Number(row.attempts), 3);
    });

    // The seller's server had the event first and a sender running: nothing for Dana from it.
    await seller.server.notifications.worker!.runOnce();
    assert.deepEqual(sellerSink.messages.filter((sent) => sent.to.includes('buyer.test') || sent.envelopeTo.some((to) => to.includes('buyer.test'))), []);
    const sellerRows = await databaseOf(seller.server.store).selectFrom('notification_outbox').selectAll().execute();
    assert.deepEqual(sellerRows, []);
    // Dana's address and preferences never reached the seller: not in any table there.
    const stored = await everythingStoredBy(seller);
    assert.ok(stored.includes('Hello @dana@buyer.test'), 'the dump holds the replicated post');
    assert.ok(!stored.includes(DANA_EMAIL));
    assert.ok(!stored.includes('mail.buyer.test'));
  });

  it('does not mail a mention in a group the person is not in, even when their server holds it', async () => {
    const before = buyerSink.messages.length;
    const secret = await as(seller, ANA, '/groups/acme.proof/posts', 'POST', { text: 'Proof pricing for @dana@buyer.test: not for her eyes' });
    await as(seller, ANA, '/groups/acme.plan/posts', 'POST', { text: 'And a second note for @dana@buyer.test' });
    await buyerSink.waitFor((candidate) => candidate.text.includes('a second note'));
    // The buyer's server has the Proof post (for Ivan)…
    await eventually(async () => assert.ok(await buyer.server.store.getEntry('acme.proof', secret.body.id, IVAN), 'not yet'));
    await buyer.server.notifications.worker!.runOnce();
    const since = buyerSink.messages.slice(before);
    assert.equal(since.length, 1);
    assert.ok(!since.some((sent) => sent.text.includes('Proof pricing')));
    // …and recorded nothing for Dana from it.
    const rows = await databaseOf(buyer.server.store).selectFrom('notification_outbox').select('group_id').where('person_id', '=', DANA).execute();
    assert.deepEqual([...new Set(rows.map((row) => row.group_id))], ['acme.plan']);
  });

  it('answers each person with their own settings only, and /openapi.json lists the routes', async () => {
    const dana = await as(buyer, DANA, '/me/notifications');
    assert.deepEqual(dana.body, { mode: 'immediate', locale: 'en', emailKnown: true, email: DANA_EMAIL });
    // Dana is not known to the seller's notifications at all.
    const danaAtSeller = await as(seller, ANA, '/me/notifications');
    assert.equal(danaAtSeller.body.email, ANA_EMAIL);
    const changed = await as(buyer, DANA, '/me/notifications', 'PUT', { mode: 'daily', locale: 'fr' });
    assert.equal(changed.status, 200);
    assert.deepEqual(changed.body, { mode: 'daily', locale: 'fr', emailKnown: true, email: DANA_EMAIL });
    const refused = await as(buyer, DANA, '/me/notifications', 'PUT', { mode: 'sometimes' });
    assert.equal(refused.status, 400);
    const email = await as(buyer, DANA, '/me/notifications', 'PUT', { email: 'someone@else.example' });
    assert.equal(email.status, 400, 'the address comes from the host app or an admin, not from the widget');
    const openapi = (await (await fetch(`${buyer.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    assert.ok(openapi.paths['/api/me/notifications']?.get && openapi.paths['/api/me/notifications']?.put);
    assert.ok(openapi.paths['/api/me/calendar']?.post && openapi.paths['/api/me/calendar']?.delete);
  });
});
