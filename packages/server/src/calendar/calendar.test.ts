import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';

const ANA = 'ana@seller.test';
const BOB = 'bob@seller.test';

describe('the private calendar feed (ICS)', () => {
  let org: TestOrganisation;
  const now = Date.parse('2027-01-10T09:00:00Z');
  const as = async (person: string, path: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${org.url}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${await org.token(person, person === BOB ? { locale: 'fr' } : {})}`, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: response.status === 204 ? undefined : ((await response.json()) as any) };
  };
  const eventsOf = (ics: string) =>
    new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((vevent) => ({
      uid: String(vevent.getFirstPropertyValue('uid')),
      summary: String(vevent.getFirstPropertyValue('summary')),
      start: String(vevent.getFirstPropertyValue('dtstart')),
      end: String(vevent.getFirstPropertyValue('dtend')),
      url: vevent.getFirstPropertyValue('url') ? String(vevent.getFirstPropertyValue('url')) : undefined,
    }));

  before(async () => {
    org = await startTestOrganisation({ clock: () => now, hostLinks: { space: 'https://intranet.seller.test/deals/{space}' } });
    await org.admin.createSpace({ id: 'acme', name: 'Acme; Corp, "EU"', buyer: 'buyer.test', decisionDate: '2027-03-31' });
    await org.admin.createSpace({ id: 'globex', name: 'Globex', buyer: 'buyer.test', decisionDate: '2027-06-30' });
    for (const [id, name] of [[ANA, 'Ana'], [BOB, 'Bob']] as const) await org.admin.addPerson({ id, name });
    for (const group of ['acme.plan', 'acme.proof', 'globex.plan']) await org.admin.addMember(group, ANA, 'lead');
    await org.admin.addMember('acme.plan', BOB);
    const task = (group: string, body: object) => as(ANA, `/groups/${group}/tasks`, 'POST', { status: 'todo', ...body });
    await task('acme.plan', { title: 'Security questionnaire, part 1; with a long title that has to be folded over more than one line of the calendar file', owner: BOB, due: '2027-01-20' });
    await task('acme.plan', { title: 'Done already', owner: BOB, due: '2027-01-05', status: 'done' });
    await task('acme.plan', { title: 'Ana’s own task', owner: ANA, due: '2027-01-21' });
    await task('acme.plan', { title: 'No date', owner: BOB });
    await task('acme.proof', { title: 'Proof task', owner: ANA, due: '2027-01-22' });
    await as(ANA, '/groups/acme.plan/milestones', 'POST', { title: 'Pilot go-live', date: '2027-02-15' });
    await as(ANA, '/groups/acme.proof/milestones', 'POST', { title: 'Proof signed off', date: '2027-02-01' });
  });

  after(() => org?.close());

  it('parses as RFC 5545 and holds the person’s tasks, their groups’ milestones and the decision date', async () => {
    assert.deepEqual((await as(BOB, '/me/calendar')).body, { active: false });
    const made = await as(BOB, '/me/calendar', 'POST');
    assert.equal(made.status, 201);
    const url = new URL(made.body.url);
    assert.equal(url.origin, org.url);
    assert.match(url.pathname, /^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    assert.equal((await as(BOB, '/me/calendar')).body.active, true);

    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
    const ics = await response.text();
    assert.ok(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines folded at 75 octets');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    assert.ok(calendar.getFirstPropertyValue('prodid'));
    for (const vevent of calendar.getAllSubcomponents('vevent')) assert.ok(vevent.getFirstPropertyValue('dtstamp'), 'DTSTAMP is required');
    assert.deepEqual(eventsOf(ics), [
      { uid: 'decision.acme@seller.test', summary: 'Date de décision : Acme; Corp, "EU"', start: '2027-03-31', end: '2027-04-01', url: 'https://intranet.seller.test/deals/acme' },
      { uid: eventsOf(ics)[1]!.uid, summary: 'Jalon : Pilot go-live', start: '2027-02-15', end: '2027-02-16', url: 'https://intranet.seller.test/deals/acme' },
      {
        uid: eventsOf(ics)[2]!.uid,
        summary: 'Échéance : Security questionnaire, part 1; with a long title that has to be folded over more than one line of the calendar file',
        start: '2027-01-20',
        end: '2027-01-21',
        url: 'https://intranet.seller.test/deals/acme',
      },
    ]);
    assert.match(eventsOf(ics)[1]!.uid, /^milestone\.acme\.plan\.[A-Za-z0-9_-]+@seller\.test$/);
    assert.match(eventsOf(ics)[2]!.uid, /^task\.acme\.plan\.[A-Za-z0-9_-]+@seller\.test$/);
    // Escaping is ical.js's: the separators in the space's name are escaped in the file.
    assert.match(ics, /SUMMARY:Date de décision : Acme\\; Corp\\, "EU"/);
  });

  it('gives Ana hers: other groups, other spaces, not Bob’s tasks', async () => {
    const made = await as(ANA, '/me/calendar', 'POST');
    const ics = await (await fetch(made.body.url)).text();
    assert.deepEqual(
      eventsOf(ics).map((event) => event.summary),
      ['Decision date: Acme; Corp, "EU"', 'Decision date: Globex', 'Milestone: Proof signed off', 'Milestone: Pilot go-live', 'Due: Ana’s own task', 'Due: Proof task'],
    );
  });

  it('leaves out a date iCalendar cannot say, and keeps the rest of the feed readable', async () => {
    // The schema allows years 0000–9999; DATE needs four digits and the end is the next day.
    for (const date of ['0999-01-01', '9999-12-31']) {
      assert.equal((await as(ANA, '/groups/globex.plan/milestones', 'POST', { title: `Odd ${date}`, date })).status, 201);
    }
    const made = await as(ANA, '/me/calendar', 'POST');
    const ics = await (await fetch(made.body.url)).text();
    const events = eventsOf(ics);
    assert.ok(!events.some((event) => event.summary.startsWith('Milestone: Odd')), 'an odd date made it into the feed');
    assert.ok(events.every((event) => /^\d{4}-\d{2}-\d{2}$/.test(event.start) && event.end > event.start), 'every event still reads as dates');
    assert.ok(events.some((event) => event.summary === 'Decision date: Globex'));
  });

  it('keeps titles to text: a carriage return in one cannot start a property of its own', async () => {
    const title = 'Sign NDA\rURL:https://evil.example/login\rBEGIN:VALARM\r\nTRIGGER:-PT5M\u0007';
    assert.equal((await as(ANA, '/groups/globex.plan/milestones', 'POST', { title, date: '2027-04-01' })).status, 201);
    const made = await as(ANA, '/me/calendar', 'POST');
    const ics = await (await fetch(made.body.url)).text();
    assert.ok(!/\r(?!\n)/.test(ics), 'no carriage return but in line ends');
    assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(ics), 'no other control character');
    assert.ok(!ics.split('\r\n').some((line) => /^(URL:https:\/\/evil|BEGIN:VALARM|TRIGGER)/.test(line)), 'nothing of the title on a line of its own');
    const events = eventsOf(ics);
    assert.equal(events.find((event) => event.summary.includes('Sign NDA'))?.summary, 'Milestone: Sign NDA\nURL:https://evil.example/login\nBEGIN:VALARM\nTRIGGER:-PT5M');
    assert.ok(!events.some((event) => event.url?.includes('evil')));
  });

  it('answers 404 once revoked or replaced, and for any made-up secret', async () => {
    const first = await as(BOB, '/me/calendar', 'POST');
    const second = await as(BOB, '/me/calendar', 'POST');
    assert.equal((await fetch(first.body.url)).status, 404, 'making a new feed revokes the old one');
    assert.equal((await fetch(second.body.url)).status, 200);
    assert.equal((await as(BOB, '/me/calendar', 'DELETE')).status, 204);
    const revoked = await fetch(second.body.url);
    assert.equal(revoked.status, 404);
    assert.equal(revoked.headers.get('content-type'), 'application/problem+json');
    assert.deepEqual((await as(BOB, '/me/calendar')).body, { active: false });
    assert.equal((await fetch(`${org.url}/calendar/${'A'.repeat(43)}.ics`)).status, 404);
    assert.equal((await fetch(`${org.url}/calendar/nope`)).status, 404);
  });

  it('keeps only a hash of the secret', async () => {
    const made = await as(BOB, '/me/calendar', 'POST');
    const secret = new URL(made.body.url).pathname.slice('/calendar/'.length, -'.ics'.length);
    const rows = await (org.server.store as unknown as { db: import('kysely').Kysely<import('../store/schema.js').Database> }).db.selectFrom('calendar_feeds').selectAll().execute();
    assert.equal(rows.length, 2);
    assert.ok(rows.every((row) => !JSON.stringify(row).includes(secret)));
  });
});
