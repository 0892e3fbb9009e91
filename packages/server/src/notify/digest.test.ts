import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink.js';

const ANA = 'ana@seller.test';
const BOB = 'bob@seller.test';
const CARLA = 'carla@seller.test';
const EMAIL: Record<string, string> = { [ANA]: 'ana@mail.test', [BOB]: 'bob@mail.test', [CARLA]: 'carla@mail.test' };
const LOCALE: Record<string, string> = { [ANA]: 'en', [BOB]: 'fr-FR', [CARLA]: 'en-GB' };

/** The lines of a plain-text digest: section titles and their items. */
const outline = (text: string) =>
  text
    .split('\n')
    .filter((line, index, lines) => line.startsWith('- ') || (line !== '' && /^-+$/.test(lines[index + 1] ?? '')))
    .map((line) => line.replace(/^- /, '  '));

describe('the daily digest', () => {
  let org: TestOrganisation;
  let sink: SmtpSink;
  let now = Date.parse('2027-01-10T09:00:00Z');
  const as = async (person: string, path: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${org.url}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${await org.token(person, { email: EMAIL[person]!, locale: LOCALE[person]! })}`, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const digestsOf = (person: string) => sink.messages.filter((mail) => mail.envelopeTo.includes(EMAIL[person]!) && mail.headers['x-mutual-notification'] === 'digest');
  const run = () => org.server.notifications.worker!.runOnce();

  before(async () => {
    sink = await startSmtpSink();
    org = await startTestOrganisation({ clock: () => now, notifications: { smtp: sink.smtp, pollMs: 3_600_000, digestHourUtc: 7 } });
    await org.admin.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test', decisionDate: '2027-03-31' });
    for (const [id, name] of [[ANA, 'Ana'], [BOB, 'Bob'], [CARLA, 'Carla']] as const) await org.admin.addPerson({ id, name });
    for (const person of [ANA, BOB, CARLA]) await org.admin.addMember('acme.plan', person, person === ANA ? 'lead' : 'member');
    for (const person of [ANA, CARLA]) await org.admin.addMember('acme.proof', person);
    await org.admin.addMember('acme.internal', ANA);
    for (const person of [ANA, BOB, CARLA]) await as(person, '/me');
    await run();

    const kickOff = await as(ANA, '/groups/acme.plan/posts', 'POST', { text: 'Plan: kick-off on Monday' });
    now += 60_000;
    await as(ANA, '/groups/acme.proof/posts', 'POST', { text: 'Proof: sandbox credentials arrive tomorrow' });
    now += 60_000;
    await as(ANA, '/groups/acme.internal/tasks', 'POST', { title: 'Discount approval', status: 'todo' });
    now += 60_000;
    await as(BOB, '/groups/acme.plan/posts', 'POST', { text: 'Bob: the room is booked' });
    now += 60_000;
    await as(CARLA, `/groups/acme.plan/posts/${kickOff.body.id}/reactions`, 'POST', { emoji: '👍', on: true });
    now += 60_000;
    await as(CARLA, '/groups/acme.plan/tasks', 'POST', { title: 'Reference list', status: 'todo', due: '2027-02-01' });
    now = Date.parse('2027-01-11T07:05:00Z');
    await run();
  });

  after(async () => {
    await org?.close();
    await sink?.close();
  });

  it('holds exactly the changes of the person’s groups, per group, newest first, without their own', () => {
    const [carla, ...more] = digestsOf(CARLA);
    assert.equal(more.length, 0);
    assert.equal(carla!.subject, 'Mutual: 3 changes in your evaluations');
    assert.deepEqual(outline(carla!.text), [
      'Acme — Overall plan',
      '  Bob posted: “Bob: the room is booked”',
      '  Ana posted: “Plan: kick-off on Monday”',
      'Acme — Proof',
      '  Ana posted: “Proof: sandbox credentials arrive tomorrow”',
    ]);
  });

  it('is in French for a French-speaking person, and leaves out the groups they are not in', () => {
    const [bob, ...more] = digestsOf(BOB);
    assert.equal(more.length, 0);
    assert.equal(bob!.subject, 'Mutual : 2 nouveautés dans vos évaluations');
    assert.deepEqual(outline(bob!.text), [
      'Acme — Planning d’ensemble',
      '  Carla a ajouté la tâche « Reference list »',
      '  Ana a publié : « Plan: kick-off on Monday »',
    ]);
    assert.match(bob!.html, /<html lang="fr">/);
    for (const hidden of ['sandbox', 'Discount approval', 'room is booked', '👍']) assert.ok(!bob!.text.includes(hidden), hidden);
  });

  it('is sent once a day, and not at all when nothing changed', async () => {
    const ana = digestsOf(ANA);
    assert.equal(ana.length, 1);
    assert.deepEqual(outline(ana[0]!.text), ['Acme — Overall plan', '  Carla added the task “Reference list”', '  Bob posted: “Bob: the room is booked”']);
    await run();
    now = Date.parse('2027-01-12T07:05:00Z');
    await run();
    assert.equal(sink.messages.filter((mail) => mail.headers['x-mutual-notification'] === 'digest').length, 3);
  });
});
