import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';
import { databaseOf } from './db.js';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink.js';

const ANA = 'ana@seller.test';
const BOB = 'bob@seller.test';

describe('a message the SMTP server keeps refusing', () => {
  let org: TestOrganisation;
  let sink: SmtpSink;
  let now = Date.parse('2027-01-10T09:00:00Z');

  before(async () => {
    sink = await startSmtpSink({ failFirst: 100 });
    org = await startTestOrganisation({
      clock: () => now,
      notifications: { smtp: sink.smtp, pollMs: 3_600_000, retry: { initialMs: 60_000, maxMs: 600_000, maxAttempts: 3 } },
    });
    await org.admin.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test' });
    for (const id of [ANA, BOB]) {
      await org.admin.addPerson({ id, name: id.slice(0, 3) });
      await org.admin.addMember('acme.plan', id);
    }
    const token = await org.token(BOB, { email: 'bob@mail.test' });
    await fetch(`${org.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
  });

  after(async () => {
    await org?.close();
    await sink?.close();
  });

  it('is retried with backoff, not before its time, then marked failed with the reason', async () => {
    await org.server.writer.writeHere({ space: 'acme', group: 'acme.plan', author: ANA, type: 'post', body: { text: 'Hi @bob@seller.test' } });
    const row = () => databaseOf(org.server.store).selectFrom('notification_outbox').selectAll().where('person_id', '=', BOB).executeTakeFirstOrThrow();
    const run = () => org.server.notifications.worker!.runOnce();
    await run();
    // The sink answers SMTP only once the test has recorded the refusal.
    assert.equal(sink.refused, 1);
    assert.equal((await row()).state, 'pending');
    await run();
    assert.equal(sink.refused, 1, 'not retried before the backoff delay');
    for (let attempt = 2; attempt <= 3; attempt++) {
      now += 3_600_000;
      await run();
      assert.equal(sink.refused, attempt);
    }
    const failed = await row();
    assert.equal(failed.state, 'failed');
    assert.equal(Number(failed.attempts), 3);
    assert.match(failed.last_error ?? '', /451/);
    now += 3_600_000;
    await run();
    assert.equal(sink.refused, 3, 'given up for good');
    assert.deepEqual(sink.messages, []);
  });
});
