import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';
import { databaseOf } from './db.js';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink.js';

const ANA = 'ana@seller.test';
const BOB = 'bob@seller.test';
const CARLA = 'carla@seller.test';
const DORA = 'dora@seller.test';
const EMAIL: Record<string, string> = { [ANA]: 'ana@mail.test', [BOB]: 'bob@mail.test', [CARLA]: 'carla@mail.test', [DORA]: 'dora@mail.test' };
const DAY = 86_400_000;

describe('assignment, due and overdue e-mails, and each person’s preference', () => {
  let org: TestOrganisation;
  let sink: SmtpSink;
  let now = Date.parse('2027-01-10T09:00:00Z');
  const as = async (person: string, path: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${org.url}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${await org.token(person, { email: EMAIL[person]!, locale: person === BOB ? 'fr' : 'en' })}`, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const to = (person: string) => sink.messages.filter((mail) => mail.envelopeTo.includes(EMAIL[person]!));
  const run = () => org.server.notifications.worker!.runOnce();
  const outbox = (person: string) => databaseOf(org.server.store).selectFrom('notification_outbox').selectAll().where('person_id', '=', person).orderBy('id').execute();

  before(async () => {
    sink = await startSmtpSink();
    // A long poll: the test drives every pass itself with runOnce(), at the time it chooses.
    org = await startTestOrganisation({
      clock: () => now,
      notifications: { smtp: sink.smtp, pollMs: 3_600_000, digestHourUtc: 7 },
      hostLinks: { space: 'https://intranet.seller.test/deals/{space}', group: 'https://intranet.seller.test/deals/{space}/{group}' },
    });
    await org.admin.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test', decisionDate: '2027-03-31' });
    for (const [id, name] of [[ANA, 'Ana'], [BOB, 'Bob'], [CARLA, 'Carla'], [DORA, 'Dora']] as const) {
      await org.admin.addPerson({ id, name });
      await org.admin.addMember('acme.plan', id, id === ANA ? 'lead' : 'member');
      await as(id, '/me');
    }
    await run();
  });

  after(async () => {
    await org?.close();
    await sink?.close();
  });

  it('writes the notification in the transaction of the write, and sends it once (in the person’s language)', async () => {
    const created = await as(ANA, '/groups/acme.plan/tasks', 'POST', { title: 'Security questionnaire', owner: BOB, due: '2027-01-11', status: 'todo' });
    assert.equal(created.status, 201);
    // Acknowledged means recorded: the row is there before any sender pass.
    const rows = await outbox(BOB);
    assert.deepEqual(rows.map((row) => [row.kind, row.state]), [['assigned', 'pending']]);
    await run();
    await run();
    const mails = to(BOB);
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.subject, 'Nouvelle tâche pour vous : Security questionnaire');
    assert.match(mails[0]!.text, /Ana vous a confié « Security questionnaire » dans Planning d’ensemble \(Acme\)\./);
    assert.match(mails[0]!.text, /https:\/\/intranet\.seller\.test\/deals\/acme\/acme\.plan/);
    // Assigning oneself a task mails no one.
    await as(ANA, '/groups/acme.plan/tasks', 'POST', { title: 'Own task', owner: ANA, status: 'todo' });
    await run();
    assert.equal(to(ANA).length, 0);
  });

  it('reminds on the due date, then once when overdue, and not for a task done since', async () => {
    const done = await as(ANA, '/groups/acme.plan/tasks', 'POST', { title: 'Kick-off deck', owner: BOB, due: '2027-01-11', status: 'todo' });
    await run();
    now = Date.parse('2027-01-11T08:00:00Z');
    await as(BOB, `/groups/acme.plan/tasks/${done.body.id}`, 'PATCH', { status: 'done' });
    await run();
    const due = to(BOB).filter((mail) => mail.subject.startsWith('Échéance'));
    assert.deepEqual(due.map((mail) => mail.subject), ['Échéance aujourd’hui : Security questionnaire']);
    assert.match(due[0]!.text, /arrive à échéance aujourd’hui, le 11 janvier 2027/);

    now = Date.parse('2027-01-12T08:00:00Z');
    await run();
    await run();
    const overdue = to(BOB).filter((mail) => mail.subject.startsWith('En retard'));
    assert.deepEqual(overdue.map((mail) => mail.subject), ['En retard : Security questionnaire']);
  });

  it('sends nothing to a person who turned e-mail off', async () => {
    // Carla had her digest on the 11th, when 07:00 UTC passed.
    assert.deepEqual(to(CARLA).map((mail) => mail.headers['x-mutual-notification']), ['digest']);
    assert.equal((await as(CARLA, '/me/notifications', 'PUT', { mode: 'off' })).status, 200);
    await as(ANA, '/groups/acme.plan/tasks', 'POST', { title: 'Reference call', owner: CARLA, due: '2027-01-12', status: 'todo' });
    await as(ANA, '/groups/acme.plan/posts', 'POST', { text: 'Carla, see @carla@seller.test' });
    await run();
    now += DAY;
    await run();
    assert.equal(to(CARLA).length, 1);
    assert.ok((await outbox(CARLA)).every((row) => row.kind === 'digest'), 'nothing even recorded for her while off');
  });

  it('keeps a daily person’s alerts for their digest', async () => {
    assert.equal((await as(DORA, '/me/notifications', 'PUT', { mode: 'daily' })).status, 200);
    await as(ANA, '/groups/acme.plan/tasks', 'POST', { title: 'Pricing review', owner: DORA, due: '2027-02-01', status: 'todo' });
    await run();
    const before = to(DORA).length;
    const held = (await outbox(DORA)).filter((row) => row.kind !== 'digest');
    assert.deepEqual(held.map((row) => [row.kind, row.state]), [['assigned', 'held']]);
    // The next digest hour (07:00 UTC) passes.
    now = Date.parse('2027-01-14T07:30:00Z');
    await run();
    const digests = to(DORA).slice(before);
    assert.equal(digests.length, 1);
    assert.match(digests[0]!.subject, /^Mutual: \d+ changes in your evaluations$/);
    assert.match(digests[0]!.text, /For you\n-+\n- Ana made you the owner of “Pricing review” in Overall plan \(Acme\)\./);
    assert.deepEqual((await outbox(DORA)).slice(-2).map((row) => [row.kind, row.state]), [['assigned', 'digested'], ['digest', 'sent']]);
    await run();
    assert.equal(to(DORA).length, before + 1, 'one digest a day');
  });
});
