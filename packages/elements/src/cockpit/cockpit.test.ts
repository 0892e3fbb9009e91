import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { nothing } from 'lit';
import type { AgreementView, Cockpit, Milestone, Task } from '@mutual/protocol';
import { LiveStatus } from '../connection/live-stream.js';
import type { MutualErrorEvent } from '../events/error-event.js';
import type { MutualSpace } from '../space/space.js';
import '../space/space.define.js';
import { createSpaceFixture, embedToken, spyOnFetch, tokenProviderFor, WAIT, type SpaceFixture } from '../testing/harness.js';
import type { CockpitState, MutualDeciderCockpit } from './cockpit.js';
import './cockpit.define.js';

// Against a real Mutual server: the harness creates a fresh space for each test, and each test
// seeds what it needs through the real client API. Due dates are relative to today, so the
// figures do not depend on the day the suite runs.

const DORA = 'dora@buyer.test';
const DAY = 86_400_000;
/** The harness's spaces decide on this day. */
const DECISION_DATE = '2027-03-31';
/** A port nothing listens on (and that Chromium does not refuse to try). */
const CLOSED_SERVER = 'http://127.0.0.1:2';

const todayUtc = (): string => new Date().toISOString().slice(0, 10);
const dayFrom = (day: string, offset: number): string => new Date(Date.parse(day) + offset * DAY).toISOString().slice(0, 10);
const daysToDecision = (today: string): number => Math.round((Date.parse(DECISION_DATE) - Date.parse(today)) / DAY);

const shadow = (cockpit: MutualDeciderCockpit): ShadowRoot => cockpit.shadowRoot!;
const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
const textOf = (element: Element | null | undefined): string => squash(element?.textContent);
const part = (scope: ParentNode, name: string): Element | null => scope.querySelector(`[part~="${name}"]`);
const parts = (scope: ParentNode, name: string): HTMLElement[] => [...scope.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const stateOf = (cockpit: MutualDeciderCockpit): string | undefined => part(shadow(cockpit), 'base')?.getAttribute('data-state') ?? undefined;

async function until(cockpit: MutualDeciderCockpit, ...states: CockpitState[]): Promise<void> {
  await waitUntil(() => states.includes(stateOf(cockpit) as CockpitState), `the cockpit never became ${states.join(' or ')} (${stateOf(cockpit)})`, WAIT);
  await cockpit.updateComplete;
}

/** Calls the real client API as `person`. */
async function api<T>(world: SpaceFixture, person: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${world.server}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${await embedToken(person)}`, 'Content-Type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

interface Seeded {
  today: string;
  loadTest: Task;
}

/**
 * The known plan, written by ana (lead everywhere):
 * - proof group: Sandbox ready (done), Pen test (blocked, 2 days late), Load test (doing, in 10 days);
 *   milestone "Proof signed off" in 12 days.
 * - plan group: Business case draft (late by a day, Dora's), Reference call (in 20 days),
 *   Security questionnaire (done), Agree on the evaluation calendar (no workstream, no due date),
 *   Draft mutual NDA (contract, in 25 days); milestones "Kick-off" (done, a week ago) and
 *   "Steering review" in 30 days; a proposed success criterion.
 */
async function seed(world: SpaceFixture): Promise<Seeded> {
  const today = todayUtc();
  const day = (offset: number) => dayFrom(today, offset);
  const { ana, bob, carla } = world.people;
  const { plan, proof } = world.groups;
  const task = (group: string, fields: Record<string, unknown>) => api<Task>(world, ana, 'POST', `/groups/${group}/tasks`, fields);
  const milestone = (group: string, fields: Record<string, unknown>) =>
    api<Milestone>(world, ana, 'POST', `/groups/${group}/milestones`, fields);

  await task(proof, { title: 'Sandbox ready', status: 'done', workstream: 'proof', owner: bob, due: day(-5) });
  await task(proof, { title: 'Pen test', status: 'blocked', workstream: 'proof', owner: bob, due: day(-2) });
  const loadTest = await task(proof, { title: 'Load test', status: 'doing', workstream: 'proof', owner: ana, due: day(10) });
  await task(plan, { title: 'Business case draft', status: 'todo', workstream: 'business-case', owner: DORA, due: day(-1) });
  await task(plan, { title: 'Reference call', status: 'todo', workstream: 'business-case', owner: carla, due: day(20) });
  await task(plan, { title: 'Security questionnaire', status: 'done', workstream: 'implementation', owner: DORA, due: day(-3) });
  await task(plan, { title: 'Agree on the evaluation calendar', status: 'doing', owner: ana });
  await task(plan, { title: 'Draft mutual NDA', status: 'todo', workstream: 'contract', owner: carla, due: day(25) });
  await milestone(proof, { title: 'Proof signed off', date: day(12) });
  await milestone(plan, { title: 'Kick-off', date: day(-7), done: true });
  await milestone(plan, { title: 'Steering review', date: day(30) });
  await api<AgreementView>(world, ana, 'POST', `/groups/${plan}/agreements`, {
    kind: 'success-criterion',
    title: 'Invoice matching under 2 s',
    measure: '95th percentile over a month of invoices',
  });
  return { today, loadTest };
}

async function mount(
  world: SpaceFixture,
  person: string,
  lang?: string,
): Promise<{ wrapper: HTMLDivElement; space: MutualSpace; cockpit: MutualDeciderCockpit }> {
  const wrapper = await fixture<HTMLDivElement>(html`
    <div lang=${lang ?? nothing}>
      <mutual-space server=${world.server} space=${world.space} .tokenProvider=${tokenProviderFor(person)}>
        <mutual-decider-cockpit></mutual-decider-cockpit>
      </mutual-space>
    </div>
  `);
  const space = wrapper.querySelector('mutual-space')!;
  return { wrapper, space, cockpit: space.querySelector('mutual-decider-cockpit')! };
}

interface WorkstreamRow {
  slug: string | undefined;
  name: string;
  progress: string;
  blocked: string;
  overdue: string;
  risk: string;
}

function workstreamRows(cockpit: MutualDeciderCockpit): WorkstreamRow[] {
  return parts(shadow(cockpit), 'workstream').map((row) => ({
    slug: row.dataset.workstream,
    name: textOf(part(row, 'workstream-name')),
    progress: textOf(part(row, 'progress-text')),
    blocked: textOf(part(row, 'blocked-count')),
    overdue: textOf(part(row, 'overdue-count')),
    risk: textOf(part(row, 'risk')),
  }));
}

const titles = (scope: ParentNode | null): string[] => (scope ? parts(scope, 'task-title').map(textOf) : []);
const names = (scope: ParentNode | null): string[] => (scope ? parts(scope, 'person-name').map(textOf) : []);

function shortDay(day: string, today: string, locale = 'en'): string {
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC', ...(!sameYear && { year: 'numeric' }) }).format(
    Date.parse(`${day}T00:00:00Z`),
  );
}

describe('<mutual-decider-cockpit>', function () {
  this.timeout(30_000);
  let world: SpaceFixture;
  let fetchSpy: ReturnType<typeof spyOnFetch> | undefined;

  beforeEach(async () => {
    world = await createSpaceFixture();
  });

  afterEach(async () => {
    fetchSpy?.restore();
    fetchSpy = undefined;
    await emulateMedia({ colorScheme: 'light' });
  });

  it('shows the figures the server computed for the seeded plan', async () => {
    const { today } = await seed(world);
    const { cockpit } = await mount(world, world.people.ana);
    await until(cockpit, 'ready');
    const root = shadow(cockpit);

    // Countdown.
    const days = daysToDecision(today);
    expect(textOf(part(root, 'countdown-value'))).to.equal(new Intl.NumberFormat('en').format(days));
    expect(textOf(root.querySelector('.countdown-text'))).to.equal(`${new Intl.NumberFormat('en').format(days)} days to decision`);
    expect(part(root, 'countdown')!.getAttribute('data-days')).to.equal(String(days));
    expect(textOf(part(root, 'decision-date'))).to.equal('Decision date: March 31, 2027');
    expect(textOf(part(root, 'space-name'))).to.match(/^Evaluation \d+$/);

    // Progress and risk per workstream, in the server's order: the board's (the plan, then the
    // standard workstreams as an evaluation goes through them).
    expect(workstreamRows(cockpit)).to.deep.equal([
      { slug: 'plan', name: 'Overall plan', progress: '0 of 1 done', blocked: '0 blocked', overdue: '0 overdue', risk: 'On track' },
      { slug: 'proof', name: 'Proof', progress: '1 of 3 done', blocked: '1 blocked', overdue: '1 overdue', risk: 'Off track' },
      { slug: 'implementation', name: 'Implementation plan', progress: '1 of 1 done', blocked: '0 blocked', overdue: '0 overdue', risk: 'On track' },
      { slug: 'business-case', name: 'Business case', progress: '0 of 2 done', blocked: '0 blocked', overdue: '1 overdue', risk: 'At risk' },
      { slug: 'contract', name: 'Contract & terms', progress: '0 of 1 done', blocked: '0 blocked', overdue: '0 overdue', risk: 'On track' },
    ]);
    const proof = root.querySelector<HTMLElement>('[part~="workstream"][data-workstream="proof"]')!;
    const bar = proof.querySelector('[role="progressbar"]')!;
    expect([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuemin'), bar.getAttribute('aria-valuemax')]).to.deep.equal(['1', '0', '3']);
    expect(bar.getAttribute('aria-valuetext')).to.equal('1 of 3 done');
    expect(textOf(root.getElementById(bar.getAttribute('aria-labelledby')!)), 'the bar is named by its workstream').to.equal('Proof');
    // Not by colour alone: each risk has its own shape besides its text.
    const shapes = ['on-track', 'at-risk', 'off-track'].map(
      (risk) => root.querySelector(`[part~="risk"][data-risk="${risk}"] svg`)?.innerHTML.replace(/\s+/g, ' '),
    );
    expect(shapes.every(Boolean), 'a shape for each risk').to.equal(true);
    expect(new Set(shapes).size).to.equal(3);

    // Overdue and blocked, with owner, organisation and due date.
    const overdue = part(root, 'overdue')!;
    expect(titles(overdue).sort()).to.deep.equal(['Business case draft', 'Pen test']);
    const draft = parts(overdue, 'task').find((item) => textOf(part(item, 'task-title')) === 'Business case draft')!;
    expect(textOf(part(draft, 'person-name'))).to.equal('Dora Weiss');
    expect(textOf(part(draft, 'organisation'))).to.equal('buyer.test');
    expect(textOf(part(draft, 'external-badge'))).to.equal('External');
    expect(textOf(part(draft, 'due'))).to.equal(`Due ${shortDay(dayFrom(today, -1), today)}`);
    expect(part(draft, 'due')!.getAttribute('datetime')).to.equal(dayFrom(today, -1));
    const blocked = part(root, 'blocked')!;
    expect(titles(blocked)).to.deep.equal(['Pen test']);
    expect(textOf(part(blocked, 'person-name'))).to.equal('Bob Martin');
    expect(textOf(part(blocked, 'organisation'))).to.equal('seller.test');
    expect(part(blocked, 'external-badge'), 'Bob is of the viewer’s organisation').to.equal(null);
    // Late outside the overdue list: the due date says so in words.
    expect(textOf(part(blocked, 'due'))).to.equal(`Overdue, due ${shortDay(dayFrom(today, -2), today)}`);
    expect(part(blocked, 'due')!.classList.contains('late')).to.equal(true);

    // Next milestones and what they wait on.
    const milestones = parts(root, 'milestone');
    expect(milestones.map((item) => textOf(part(item, 'milestone-title')))).to.deep.equal(['Proof signed off', 'Steering review']);
    expect(textOf(part(milestones[0]!, 'milestone-date'))).to.equal(shortDay(dayFrom(today, 12), today));
    expect(titles(milestones[0]!).sort()).to.deep.equal(['Load test', 'Pen test']);
    const waiting = (title: string) => parts(milestones[0]!, 'task').find((item) => textOf(part(item, 'task-title')) === title)!;
    expect(textOf(part(waiting('Pen test'), 'due'))).to.equal(`Overdue, due ${shortDay(dayFrom(today, -2), today)}`);
    expect(textOf(part(waiting('Load test'), 'due'))).to.equal(`Due ${shortDay(dayFrom(today, 10), today)}`);
    expect(part(milestones[0]!, 'more-button')).to.equal(null);
    const review = milestones[1]!;
    expect(titles(review)).to.have.length(3);
    const more = part(review, 'more-button') as HTMLButtonElement;
    expect(textOf(more)).to.equal('Show 1 more');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    more.click();
    await cockpit.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(textOf(more)).to.equal('Show fewer');
    expect(titles(review).sort()).to.deep.equal(['Agree on the evaluation calendar', 'Business case draft', 'Draft mutual NDA', 'Reference call']);

    // Participation over 14 days: engaged and silent, organisation and External marked.
    const people = part(root, 'people')!;
    expect(textOf(people.querySelector('h3'))).to.equal('Participation, last 14 days');
    expect(textOf(part(people, 'note'))).to.contain('not meetings, calls or work done elsewhere');
    const engaged = part(people, 'engaged')!;
    expect(names(engaged)).to.deep.equal(['Ana Lima', 'Bob Martin', 'Dora Weiss']);
    const doraRow = parts(engaged, 'person').find((item) => item.dataset.person === DORA)!;
    expect(textOf(part(doraRow, 'organisation'))).to.equal('buyer.test');
    expect(textOf(part(doraRow, 'external-badge'))).to.equal('External');
    expect(textOf(part(doraRow, 'activity'))).to.match(/^1 post · 0 task changes · last active /);
    const silent = part(people, 'silent')!;
    expect(names(silent)).to.deep.equal(['Carla Dubois']);
    expect(textOf(part(silent, 'organisation'))).to.equal('seller.test');

    // Decisions: proposed, not yet countersigned.
    const decisions = parts(root, 'decision');
    expect(decisions.map((item) => textOf(part(item, 'decision-title')))).to.deep.equal(['Invoice matching under 2 s']);
    expect(decisions[0]!.dataset.committed).to.equal('false');
    expect(textOf(part(decisions[0]!, 'unsigned'))).to.equal('Not yet signed by both');
    expect(textOf(decisions[0])).to.contain('Success criterion');
  });

  it('refreshes the figures when another member changes a task, even after being moved', async () => {
    const { loadTest } = await seed(world);
    const { space, cockpit } = await mount(world, world.people.ana);
    await until(cockpit, 'ready');
    await waitUntil(() => space.status === LiveStatus.open, 'the stream did not open', WAIT);
    // Moved in the page: it keeps its figures and goes on following the stream.
    space.append(cockpit);
    await cockpit.updateComplete;
    expect(stateOf(cockpit)).to.equal('ready');
    fetchSpy = spyOnFetch();
    const proofProgress = () => textOf(shadow(cockpit).querySelector('[data-workstream="proof"] [part~="progress-text"]'));
    expect(proofProgress()).to.equal('1 of 3 done');

    await api<Task>(world, world.people.bob, 'PATCH', `/groups/${world.groups.proof}/tasks/${loadTest.id}`, { status: 'done' });

    await waitUntil(() => proofProgress() === '2 of 3 done', 'the cockpit did not refresh', WAIT);
    const root = shadow(cockpit);
    expect(root.querySelector('[data-workstream="proof"] [role="progressbar"]')!.getAttribute('aria-valuenow')).to.equal('2');
    expect(titles(parts(root, 'milestone')[0]!), 'the milestone no longer waits on it').to.deep.equal(['Pen test']);
    const bob = parts(part(root, 'engaged')!, 'person').find((item) => item.dataset.person === world.people.bob)!;
    expect(textOf(part(bob, 'activity'))).to.match(/^1 post · 1 task change · /);
    const asked = fetchSpy.calls.filter((call) => call.method === 'GET' && call.url.endsWith(`/api/spaces/${world.space}/cockpit`));
    expect(asked, 'the server computed the new figures').to.have.length.at.least(1);
  });

  it('tells a viewer outside the steering group, politely', async () => {
    const errors: MutualErrorEvent[] = [];
    const listener = (event: MutualErrorEvent) => errors.push(event);
    document.addEventListener('mutual-error', listener);
    try {
      const { cockpit } = await mount(world, world.people.carla);
      await until(cockpit, 'forbidden');
      const state = part(shadow(cockpit), 'state')!;
      expect(state.getAttribute('data-code')).to.equal('forbidden');
      expect(textOf(state)).to.contain('This cockpit is for the steering group');
      expect(state.getAttribute('role'), 'a notice, not an alert').to.equal(null);
      expect(part(shadow(cockpit), 'retry-button')).to.equal(null);
      expect(part(shadow(cockpit), 'workstreams')).to.equal(null);
      expect(errors.map((event) => [event.operation, event.code])).to.deep.include(['load', 'forbidden']);
      await expect(cockpit).to.be.accessible();
    } finally {
      document.removeEventListener('mutual-error', listener);
    }
  });

  it('says it is loading until the figures arrive', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Hold the cockpit's answer (and only it) until the loading state has been seen.
    const original = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      return url.endsWith('/cockpit') ? held.then(() => original.call(window, input, init)) : original.call(window, input, init);
    };
    try {
      const { cockpit } = await mount(world, world.people.ana);
      await until(cockpit, 'loading');
      const base = part(shadow(cockpit), 'base')!;
      expect(base.getAttribute('aria-busy')).to.equal('true');
      expect(textOf(part(shadow(cockpit), 'state'))).to.equal('Loading the figures…');
      release();
      await until(cockpit, 'empty');
      expect(base.getAttribute('aria-busy')).to.equal('false');
    } finally {
      window.fetch = original;
    }
  });

  it('shows an error with Try again when its server cannot be reached, standing alone', async () => {
    const token = await embedToken(world.people.ana);
    const failed = (async () => {
      const errors: MutualErrorEvent[] = [];
      const cockpit = await fixture<MutualDeciderCockpit>(html`
        <mutual-decider-cockpit
          server=${CLOSED_SERVER}
          space=${world.space}
          .token=${token}
          @mutual-error=${(event: MutualErrorEvent) => errors.push(event)}
        ></mutual-decider-cockpit>
      `);
      return { cockpit, errors };
    })();
    fetchSpy = spyOnFetch();
    const { cockpit, errors } = await failed;
    await until(cockpit, 'error');
    const state = part(shadow(cockpit), 'state')!;
    expect(state.getAttribute('role')).to.equal('alert');
    expect(state.getAttribute('data-code')).to.equal('network_error');
    expect(textOf(state)).to.contain('The figures could not be loaded. The server could not be reached.');
    await waitUntil(() => errors.some((event) => event.operation === 'load' && event.code === 'network_error'), 'no mutual-error', WAIT);

    const attempts = () => fetchSpy!.calls.filter((call) => call.url === `${CLOSED_SERVER}/api/me`).length;
    const before = attempts();
    (part(shadow(cockpit), 'retry-button') as HTMLButtonElement).click();
    await waitUntil(() => attempts() > before, 'Try again did not ask again', WAIT);
    await until(cockpit, 'error');

    // Pointed at a server that answers, it recovers.
    cockpit.server = world.server;
    await until(cockpit, 'empty');
    expect(cockpit.connection!.server).to.equal(world.server);
  });

  it('works on its own, outside a space', async () => {
    await seed(world);
    const cockpit = await fixture<MutualDeciderCockpit>(html`
      <mutual-decider-cockpit server=${world.server} space=${world.space} .tokenProvider=${tokenProviderFor(world.people.ana)}></mutual-decider-cockpit>
    `);
    await until(cockpit, 'ready');
    expect(cockpit.cockpit!.space.id).to.equal(world.space);
    expect(workstreamRows(cockpit).map((row) => row.slug)).to.deep.equal(['plan', 'proof', 'implementation', 'business-case', 'contract']);
  });

  it('lists the first ten overdue tasks and what a milestone waits on, and says how many more there are', async () => {
    const today = todayUtc();
    const { ana } = world.people;
    for (let index = 1; index <= 12; index++) {
      await api<Task>(world, ana, 'POST', `/groups/${world.groups.proof}/tasks`, {
        title: `Late step ${String(index).padStart(2, '0')}`,
        status: 'todo',
        workstream: 'proof',
        owner: ana,
        due: dayFrom(today, -index),
      });
    }
    await api<Milestone>(world, ana, 'POST', `/groups/${world.groups.proof}/milestones`, { title: 'Proof signed off', date: dayFrom(today, 5) });
    const { cockpit } = await mount(world, ana);
    await until(cockpit, 'ready');
    const root = shadow(cockpit);

    const overdue = part(root, 'overdue')!;
    expect(textOf(overdue.querySelector('.heading-count')), 'the heading counts them all').to.equal('12');
    expect(titles(overdue)).to.have.length(10);
    expect(textOf(part(overdue, 'not-listed'))).to.equal('And 2 more on the plan.');

    const milestone = parts(root, 'milestone').find((item) => textOf(part(item, 'milestone-title')) === 'Proof signed off')!;
    expect(titles(milestone), 'three shown at first').to.have.length(3);
    expect(part(milestone, 'not-listed'), 'no note while the list is folded').to.equal(null);
    const more = part(milestone, 'more-button') as HTMLButtonElement;
    expect(textOf(more)).to.equal('Show 7 more');
    more.click();
    await cockpit.updateComplete;
    expect(titles(milestone)).to.have.length(10);
    expect(textOf(part(milestone, 'not-listed'))).to.equal('And 2 more on the plan.');
    await expect(cockpit).to.be.accessible();
  });

  it('says so when the plan has no tasks yet', async () => {
    const { cockpit } = await mount(world, world.people.ana);
    await until(cockpit, 'empty');
    const root = shadow(cockpit);
    expect(textOf(part(part(root, 'workstreams')!, 'state'))).to.equal('No tasks yet. Progress shows here once the plan has tasks.');
    expect(textOf(part(root, 'overdue')!.querySelector('.none'))).to.equal('Nothing overdue.');
    expect(textOf(root.querySelector('.countdown-text'))).to.contain('days to decision');
    expect(names(part(root, 'silent'))).to.include('Carla Dubois');
  });

  it('speaks French under lang="fr", and follows a change of language', async () => {
    const { today } = await seed(world);
    const { wrapper, cockpit } = await mount(world, world.people.ana, 'fr');
    await until(cockpit, 'ready');
    const root = shadow(cockpit);
    const days = new Intl.NumberFormat('fr').format(daysToDecision(today));
    expect(textOf(root.querySelector('.countdown-text'))).to.equal(`${days} jours avant la décision`);
    // (textOf folds every space, the narrow no-break one before ":" too.)
    expect(textOf(part(root, 'decision-date'))).to.equal(squash('Date de décision\u202f: 31 mars 2027'));
    expect(textOf(part(root, 'title'))).to.equal('Cockpit du décideur');
    expect(workstreamRows(cockpit)).to.deep.equal([
      { slug: 'plan', name: 'Planning d’ensemble', progress: '0 sur 1 terminée', blocked: '0 bloquée', overdue: '0 en retard', risk: 'En bonne voie' },
      { slug: 'proof', name: 'Preuve', progress: '1 sur 3 terminée', blocked: '1 bloquée', overdue: '1 en retard', risk: 'Hors trajectoire' },
      { slug: 'implementation', name: 'Plan de mise en œuvre', progress: '1 sur 1 terminée', blocked: '0 bloquée', overdue: '0 en retard', risk: 'En bonne voie' },
      { slug: 'business-case', name: 'Justification économique', progress: '0 sur 2 terminée', blocked: '0 bloquée', overdue: '1 en retard', risk: 'À risque' },
      { slug: 'contract', name: 'Contrats et conditions', progress: '0 sur 1 terminée', blocked: '0 bloquée', overdue: '0 en retard', risk: 'En bonne voie' },
    ]);
    expect(textOf(part(root, 'overdue')!.querySelector('h3'))).to.equal('Tâches en retard 2');
    const draft = parts(part(root, 'overdue')!, 'task').find((item) => textOf(part(item, 'task-title')) === 'Business case draft')!;
    expect(textOf(part(draft, 'external-badge'))).to.equal('Externe');
    expect(textOf(part(draft, 'due'))).to.equal(squash(`Échéance\u202f: ${shortDay(dayFrom(today, -1), today, 'fr')}`));
    expect(textOf(part(root, 'people')!.querySelector('h3'))).to.equal('Participation sur les 14 derniers jours');
    expect(textOf(part(root, 'unsigned'))).to.equal('Pas encore signé par les deux parties');
    expect(part(root, 'base')!.getAttribute('lang')).to.equal('fr');

    wrapper.setAttribute('lang', 'en');
    await waitUntil(() => textOf(part(root, 'title')) === 'Decider cockpit', 'did not switch to English', WAIT);
  });

  it('marks what both organisations signed, and a decision date that has passed', async () => {
    await seed(world);
    // The harness signs tokens for one organisation only, so the buyer cannot countersign here:
    // the server's answer is altered on its way in, and only what the cockpit renders is checked.
    const original = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await original.call(window, input, init);
      const url = input instanceof Request ? input.url : String(input);
      if (!url.endsWith('/cockpit') || !response.ok) return response;
      const figures = (await response.json()) as Cockpit;
      const [first] = figures.decisions;
      const signed: Cockpit = {
        ...figures,
        daysToDecision: -12,
        decisions: first ? [{ ...first, committed: true, signatures: [...first.signatures, { by: 'buyer.test', signature: 'x' }] }] : [],
      };
      return new Response(JSON.stringify(signed), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    try {
      const { wrapper, cockpit } = await mount(world, world.people.ana);
      await until(cockpit, 'ready');
      const root = shadow(cockpit);
      const decision = part(root, 'decision') as HTMLElement;
      expect(decision.dataset.committed).to.equal('true');
      expect(textOf(part(decision, 'signed'))).to.equal('Signed by both');
      expect(part(decision, 'signed')!.querySelector('svg'), 'an icon besides the text').to.exist;
      expect(textOf(root.querySelector('.countdown-text'))).to.equal('12 days past the decision date');
      expect(part(root, 'countdown')!.getAttribute('data-tense')).to.equal('past');

      wrapper.setAttribute('lang', 'fr');
      await waitUntil(() => textOf(part(root, 'signed')) === 'Signé par les deux parties', 'not in French', WAIT);
      expect(textOf(root.querySelector('.countdown-text'))).to.equal('12 jours après la date de décision');
    } finally {
      window.fetch = original;
    }
  });

  it('follows the host theme, light and dark', async () => {
    await seed(world);
    const { space, cockpit } = await mount(world, world.people.ana);
    await until(cockpit, 'ready');
    const root = shadow(cockpit);
    const base = part(root, 'base')!;
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(255, 255, 255)');

    const offTrack = root.querySelector('[part~="risk"][data-risk="off-track"]')!;
    expect(getComputedStyle(offTrack).backgroundColor).to.equal('rgb(253, 232, 230)');

    await emulateMedia({ colorScheme: 'dark' });
    expect(getComputedStyle(base).backgroundColor, 'the dark surface').to.equal('rgb(22, 27, 34)');
    expect(getComputedStyle(offTrack).backgroundColor, 'dark badges too').to.equal('rgb(61, 31, 29)');
    await expect(cockpit, 'the dark defaults meet AA contrast').to.be.accessible();
    cockpit.setAttribute('theme', 'light');
    expect(getComputedStyle(base).backgroundColor, 'theme="light" wins over the system').to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(offTrack).backgroundColor).to.equal('rgb(253, 232, 230)');
    cockpit.removeAttribute('theme');

    space.style.setProperty('--mutual-color-accent', 'rgb(1, 2, 3)');
    expect(getComputedStyle(part(root, 'progress-bar')!).backgroundColor, 'the host’s value wins').to.equal('rgb(1, 2, 3)');
    await emulateMedia({ colorScheme: 'light' });
    expect(getComputedStyle(part(root, 'progress-bar')!).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('is accessible once loaded, with a waiting-on list open', async () => {
    await seed(world);
    const { space, cockpit } = await mount(world, world.people.ana);
    await until(cockpit, 'ready');
    await expect(space).to.be.accessible();
    const root = shadow(cockpit);
    // Headings: the cockpit's title, then one per section.
    expect([...root.querySelectorAll('h2, h3, h4')].map((heading) => heading.tagName)).to.deep.equal([
      'H2', 'H3', 'H3', 'H3', 'H3', 'H3', 'H3', 'H4', 'H4',
    ]);
    const more = part(root, 'more-button') as HTMLButtonElement;
    more.focus();
    expect(root.activeElement, 'reachable by keyboard').to.equal(more);
    more.click();
    await cockpit.updateComplete;
    await expect(space).to.be.accessible();
  });
});

