import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { Milestone, NewTask, SpaceTasks, Task } from '@mutual/protocol';
import { LiveStatus } from '../connection/live-stream.js';
import { EVERY_GROUP } from '../connection/connection.js';
import type { MutualErrorEvent } from '../events/error-event.js';
import type { MutualRequestTaskMoveEvent } from '../events/request-task-move-event.js';
import type { MutualTaskChangeEvent } from '../events/task-change-event.js';
import type { MutualSpace } from '../space/space.js';
import '../space/space.define.js';
import { createSpaceFixture, embedToken, spyOnFetch, tokenProviderFor, WAIT, type SpaceFixture } from '../testing/harness.js';
import type { MutualWorkstreamBoard } from './board.js';
import './board.define.js';

// Against a real Mutual server: the harness creates a fresh space for each test, and each test
// seeds the tasks it needs through the real client API. ana is lead in plan, proof, steering and
// internal; bob is in plan and proof; dora (buyer.test) is in plan.

const DORA = 'dora@buyer.test';
const PAST = '2020-01-15';
const FUTURE = '2099-06-30';

const shadow = (board: MutualWorkstreamBoard): ShadowRoot => board.shadowRoot!;
const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
const part = (board: MutualWorkstreamBoard, name: string): HTMLElement | null =>
  shadow(board).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (scope: ParentNode, name: string): HTMLElement[] => [...scope.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const cards = (board: MutualWorkstreamBoard): HTMLElement[] => parts(shadow(board), 'card');
const card = (board: MutualWorkstreamBoard, title: string): HTMLElement | undefined =>
  cards(board).find((element) => squash(element.querySelector('[part~="card-title"]')?.textContent) === title);
/** The focusable button of a card. */
const handle = (board: MutualWorkstreamBoard, title: string): HTMLElement | undefined =>
  card(board, title)?.querySelector<HTMLElement>('[part~="card-button"]') ?? undefined;
const cell = (board: MutualWorkstreamBoard, lane: string, status: string): HTMLElement =>
  parts(shadow(board), 'cell').find((element) => element.dataset.lane === lane && element.dataset.status === status)!;
const announcement = (board: MutualWorkstreamBoard): string => squash(shadow(board).querySelector('[role="status"][aria-live]')?.textContent);
const dialogOf = (board: MutualWorkstreamBoard): HTMLDialogElement => shadow(board).querySelector('dialog')!;
const field = <T extends HTMLElement>(board: MutualWorkstreamBoard, name: string): T => shadow(board).querySelector<T>(`#field-${name}`)!;

function unique(label: string): string {
  return `${label} ${crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36)}`;
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

const createTask = (world: SpaceFixture, group: string, task: NewTask, person = world.people.ana) =>
  api<Task>(world, person, 'POST', `/groups/${group}/tasks`, task);

async function serverTask(world: SpaceFixture, id: string): Promise<Task> {
  const { tasks } = await api<SpaceTasks>(world, world.people.ana, 'GET', `/spaces/${world.space}/tasks`);
  return tasks.find((task) => task.id === id)!;
}

async function loaded(board: MutualWorkstreamBoard): Promise<void> {
  await waitUntil(() => part(board, 'board') || part(board, 'state')?.matches('.empty, .error'), 'the board did not load', WAIT);
  await board.updateComplete;
}

async function mount(
  world: SpaceFixture,
  person: string,
  options: { lang?: string; clock?: () => number } = {},
): Promise<{ space: MutualSpace; board: MutualWorkstreamBoard }> {
  const space = await fixture<MutualSpace>(html`
    <mutual-space server=${world.server} space=${world.space} lang=${options.lang ?? 'en'} .tokenProvider=${tokenProviderFor(person)}>
      <mutual-workstream-board .clock=${options.clock}></mutual-workstream-board>
    </mutual-space>
  `);
  const board = space.querySelector('mutual-workstream-board')!;
  await loaded(board);
  return { space, board };
}

/** Types into a dialog field as a person would. */
/** Moves a card one column right with the keyboard, as a person would: pick up, move, drop. */
async function moveRightByKeyboard(board: MutualWorkstreamBoard, title: string): Promise<void> {
  handle(board, title)!.focus();
  await sendKeys({ press: 'Space' });
  await sendKeys({ press: 'ArrowRight' });
  await sendKeys({ press: 'Space' });
}

async function fill(board: MutualWorkstreamBoard, name: string, value: string): Promise<void> {
  const control = field<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(board, name);
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
  await board.updateComplete;
}

/** A seeded plan: one task in each kind of place. */
async function seed(world: SpaceFixture): Promise<Record<'security' | 'pilot' | 'contract' | 'late' | 'finished', Task>> {
  const { plan, proof } = world.groups;
  const [security, pilot, contract, late, finished] = await Promise.all([
    createTask(world, plan, { title: 'Security review', status: 'todo', owner: DORA, due: FUTURE, deliverable: 'Signed questionnaire' }),
    createTask(world, proof, { title: 'Run the pilot', status: 'doing', owner: world.people.bob }),
    createTask(world, plan, { title: 'Draft the NDA', status: 'blocked', workstream: 'contract', owner: world.people.ana, due: FUTURE }),
    createTask(world, plan, { title: 'Send the price list', status: 'todo', owner: world.people.ana, due: PAST }),
    createTask(world, plan, { title: 'Kick-off meeting', status: 'done', owner: DORA, due: PAST }),
  ]);
  return { security: security!, pilot: pilot!, contract: contract!, late: late!, finished: finished! };
}

describe('<mutual-workstream-board>', function () {
  this.timeout(40_000);
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

  it('says it is loading until the plan arrives', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Hold the plan's request until the loading state has been seen.
    const real = window.fetch;
    window.fetch = async (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith(`/spaces/${world.space}/tasks`)) await held;
      return real.call(window, input, init);
    };
    try {
      const space = await fixture<MutualSpace>(html`
        <mutual-space server=${world.server} space=${world.space} .tokenProvider=${tokenProviderFor(world.people.ana)}>
          <mutual-workstream-board></mutual-workstream-board>
        </mutual-space>
      `);
      const board = space.querySelector('mutual-workstream-board')!;
      await waitUntil(() => part(board, 'state')?.getAttribute('aria-busy') === 'true', 'no loading state', WAIT);
      expect(squash(part(board, 'state')!.textContent)).to.equal('Loading the plan…');
      release();
      await loaded(board);
      expect(part(board, 'board')).to.exist;
    } finally {
      window.fetch = real;
    }
  });

  it('shows an empty plan with its lanes, ready for a first task', async () => {
    const { board } = await mount(world, world.people.ana);
    expect(squash(part(board, 'state')!.textContent)).to.contain('No steps in the plan yet');
    expect(parts(shadow(board), 'lane').map((lane) => lane.dataset.lane)).to.deep.equal(['plan', 'proof']);
    expect(parts(shadow(board), 'column').map((column) => squash(column.firstElementChild!.textContent))).to.deep.equal([
      'To do',
      'Doing',
      'Blocked',
      'Done',
    ]);
    expect(part(board, 'warning')).to.equal(null);
    expect(part(board, 'new-task-button')).to.exist;
  });

  it('shows an error with Try again when the plan cannot be loaded', async () => {
    let fail = true;
    fetchSpy = spyOnFetch((call) =>
      fail && call.url.endsWith(`/spaces/${world.space}/tasks`)
        ? Promise.resolve(
            new Response(JSON.stringify({ type: 'about:blank', title: 'Boom', status: 500, code: 'internal' }), {
              status: 500,
              headers: { 'Content-Type': 'application/problem+json' },
            }),
          )
        : undefined,
    );
    const errors: MutualErrorEvent[] = [];
    const listener = (event: MutualErrorEvent) => errors.push(event);
    document.addEventListener('mutual-error', listener);
    try {
      const { board } = await mount(world, world.people.ana);
      const alert = shadow(board).querySelector<HTMLElement>('[role="alert"]')!;
      expect(alert.dataset.code).to.equal('internal');
      expect(squash(alert.textContent)).to.contain('The plan could not be loaded.');
      expect(errors.map((event) => event.operation)).to.include('load');
      fail = false;
      part(board, 'retry-button')!.click();
      await waitUntil(() => part(board, 'board'), 'Try again did not load the plan', WAIT);
      expect(shadow(board).activeElement, 'the button is gone: focus goes to the title, not the page').to.equal(part(board, 'title'));
    } finally {
      document.removeEventListener('mutual-error', listener);
    }
  });

  it('says why the plan could not be loaded in words about the plan, not about a task', async () => {
    fetchSpy = spyOnFetch((call) =>
      call.url.endsWith(`/spaces/${world.space}/tasks`)
        ? Promise.resolve(
            new Response(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, code: 'not_found' }), {
              status: 404,
              headers: { 'Content-Type': 'application/problem+json' },
            }),
          )
        : undefined,
    );
    const { board } = await mount(world, world.people.ana);
    const alert = shadow(board).querySelector<HTMLElement>('[role="alert"]')!;
    expect(alert.dataset.code).to.equal('not_found');
    expect(squash(alert.textContent)).to.contain('The plan could not be loaded. This evaluation does not exist.');
    expect(squash(alert.textContent)).not.to.contain('task');
  });

  it('places each task by workstream and status, with owner, organisation, due date and deliverable', async () => {
    await seed(world);
    const { board } = await mount(world, world.people.ana);
    expect(parts(shadow(board), 'lane').map((lane) => lane.dataset.lane)).to.deep.equal(['plan', 'proof', 'contract']);
    expect(parts(shadow(board), 'lane').map((lane) => squash(lane.querySelector('.lane-name')!.textContent))).to.deep.equal([
      'Overall plan',
      'Proof',
      'Contract & terms',
    ]);

    const security = card(board, 'Security review')!;
    expect(security.closest('[part~="cell"]')).to.equal(cell(board, 'plan', 'todo'));
    expect(squash(security.querySelector('.owner-name')!.textContent)).to.equal('Dora Weiss');
    expect(squash(security.querySelector('[part~="organisation"]')!.textContent)).to.equal('buyer.test');
    expect(squash(security.querySelector('[part~="external-badge"]')!.textContent)).to.equal('External');
    expect(squash(security.querySelector('[part~="deliverable"]')!.textContent)).to.equal('Deliverable: Signed questionnaire');
    expect(security.querySelector('time')!.getAttribute('datetime')).to.equal(FUTURE);
    const button = handle(board, 'Security review')!;
    expect(button.localName).to.equal('button');
    expect(button.getAttribute('aria-describedby')).to.equal(`meta-${security.dataset.task} instructions`);
    // What that description reads (the initials aside: hidden from screen readers), word after
    // word, though a card's template holds no blank text between its tags (see card.ts).
    const meta = shadow(board).getElementById(`meta-${security.dataset.task}`)!;
    expect(squash(meta.textContent)).to.match(/^DW Owner: Dora Weiss buyer\.test External Due \S.*\S Deliverable: Signed questionnaire$/);

    const pilot = card(board, 'Run the pilot')!;
    expect(pilot.closest('[part~="cell"]')).to.equal(cell(board, 'proof', 'doing'));
    expect(pilot.querySelector('[part~="external-badge"]')).to.equal(null);
    expect(squash(pilot.querySelector('[part~="owner"]')!.textContent)).to.contain('Bob Martin');
    expect(card(board, 'Draft the NDA')!.closest('[part~="cell"]')).to.equal(cell(board, 'contract', 'blocked'));
    expect(card(board, 'Kick-off meeting')!.closest('[part~="cell"]')).to.equal(cell(board, 'plan', 'done'));
    expect(cell(board, 'plan', 'todo').getAttribute('aria-label')).to.equal('Overall plan, To do: 2 tasks');
    expect(squash(part(board, 'count')!.textContent)).to.equal('5 tasks');
  });

  it('marks open tasks past their due date as overdue, in words and not by colour alone', async () => {
    await seed(world);
    const { board } = await mount(world, world.people.ana);
    const late = card(board, 'Send the price list')!;
    expect(late.hasAttribute('data-overdue')).to.equal(true);
    expect(squash(late.querySelector('[part~="overdue-badge"]')!.textContent)).to.match(/^Overdue by \d+ days$/);
    expect(late.querySelector('.overdue-icon')).to.exist;
    expect(squash(late.querySelector('[part~="due"]')!.textContent)).to.match(/^⚠ Due \S.*\S Overdue by \d+ days$/);
    expect(getComputedStyle(late).borderInlineStartWidth).to.equal('4px');
    // Done, or not due yet: not overdue.
    for (const title of ['Kick-off meeting', 'Security review']) {
      expect(card(board, title)!.hasAttribute('data-overdue'), title).to.equal(false);
      expect(card(board, title)!.querySelector('[part~="overdue-badge"]'), title).to.equal(null);
    }
  });

  it('creates a task through the dialog, with validation messages first', async () => {
    const { board } = await mount(world, world.people.ana);
    const opener = part(board, 'new-task-button')!;
    opener.click();
    await board.updateComplete;
    const dialog = dialogOf(board);
    expect(dialog.open).to.equal(true);
    expect(squash(dialog.querySelector('h3')!.textContent)).to.equal('New task');
    await waitUntil(() => shadow(board).activeElement === field(board, 'title'), 'the title field gets focus', WAIT);
    expect(shadow(board).querySelector('label[for="field-title"]')).to.exist;

    // Nothing typed yet: the dialog says what is missing and focuses it.
    part(board, 'save-button')!.click();
    await board.updateComplete;
    const title = field<HTMLInputElement>(board, 'title');
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(squash(shadow(board).querySelector('#problem-title .problem-text')!.textContent)).to.equal('Title is required.');
    expect(title.getAttribute('aria-describedby')).to.equal('problem-title');
    expect(dialog.open).to.equal(true);

    const name = unique('Book the reference call');
    await fill(board, 'title', name);
    expect(field(board, 'title').hasAttribute('aria-invalid')).to.equal(false);
    const owners = [...field<HTMLSelectElement>(board, 'owner').options].map((option) => option.value);
    expect(owners).to.include.members(['', world.people.ana, world.people.bob, world.people.carla, DORA]);
    await fill(board, 'owner', DORA);
    await fill(board, 'due', FUTURE);
    await fill(board, 'workstream', 'business-case');
    await fill(board, 'deliverable', 'Two references');

    const created = oneEvent(board, 'mutual-task-change') as Promise<MutualTaskChangeEvent>;
    part(board, 'save-button')!.click();
    const event = await created;
    expect(event.kind).to.equal('created');
    expect(event.task).to.include({ title: name, owner: DORA, due: FUTURE, workstream: 'business-case', deliverable: 'Two references' });
    expect(event.group).to.equal(world.groups.plan);
    await waitUntil(() => !dialog.open, 'the dialog did not close', WAIT);
    const added = card(board, name)!;
    expect(added.closest('[part~="cell"]')).to.equal(cell(board, 'business-case', 'todo'));
    await waitUntil(() => shadow(board).activeElement === handle(board, name), 'focus goes to the new card', WAIT);
    expect(await serverTask(world, event.task.id)).to.include({ title: name, status: 'todo', owner: DORA });
  });

  it('edits a task in the dialog and gives focus back to its card', async () => {
    const { security } = await seed(world);
    const { board } = await mount(world, world.people.ana);
    card(board, 'Security review')!.click();
    await board.updateComplete;
    expect(dialogOf(board).open).to.equal(true);
    expect(squash(dialogOf(board).querySelector('h3')!.textContent)).to.equal('Edit task');
    expect(field<HTMLInputElement>(board, 'title').value).to.equal('Security review');
    expect(field<HTMLSelectElement>(board, 'owner').value).to.equal(DORA);

    await fill(board, 'title', 'Security review (v2)');
    await fill(board, 'status', 'blocked');
    await fill(board, 'deliverable', '');
    // Emptying the owner and the due date removes them.
    await fill(board, 'owner', '');
    await fill(board, 'due', '');
    const changed = oneEvent(board, 'mutual-task-change') as Promise<MutualTaskChangeEvent>;
    part(board, 'save-button')!.click();
    expect((await changed).kind).to.equal('updated');
    await waitUntil(() => !dialogOf(board).open, 'the dialog did not close', WAIT);
    const edited = card(board, 'Security review (v2)')!;
    expect(edited.closest('[part~="cell"]')).to.equal(cell(board, 'plan', 'blocked'));
    expect(edited.querySelector('[part~="deliverable"]')).to.equal(null);
    expect(edited.querySelector('.owner-name')).to.equal(null);
    expect(edited.querySelector('time')).to.equal(null);
    await waitUntil(() => shadow(board).activeElement === handle(board, 'Security review (v2)'), 'focus is back on the card', WAIT);
    const stored = await serverTask(world, security.id);
    expect(stored).to.include({ title: 'Security review (v2)', status: 'blocked', deliverable: '' });
    expect(stored).to.not.have.any.keys('owner', 'due');
  });

  it('moves a task with the keyboard alone, announcing each step, and keeps focus on it', async () => {
    const { security } = await seed(world);
    const { board } = await mount(world, world.people.ana);
    const requests: MutualRequestTaskMoveEvent[] = [];
    board.addEventListener('mutual-request-task-move', (event) => requests.push(event));
    handle(board, 'Security review')!.focus();

    await sendKeys({ press: 'Space' });
    await board.updateComplete;
    expect(card(board, 'Security review')!.hasAttribute('data-grabbed')).to.equal(true);
    await waitUntil(() => announcement(board).startsWith('Picked up “Security review”'), 'no pick-up announcement', WAIT);

    await sendKeys({ press: 'ArrowRight' });
    await board.updateComplete;
    expect(card(board, 'Security review')!.closest('[part~="cell"]')).to.equal(cell(board, 'plan', 'doing'));
    expect(shadow(board).activeElement).to.equal(handle(board, 'Security review'));
    await waitUntil(() => announcement(board) === 'Overall plan, Doing.', 'no step announcement', WAIT);

    await sendKeys({ press: 'ArrowDown' });
    await board.updateComplete;
    expect(card(board, 'Security review')!.closest('[part~="cell"]')).to.equal(cell(board, 'proof', 'doing'));
    expect(requests, 'nothing asked before the drop').to.have.length(0);

    const changed = oneEvent(board, 'mutual-task-change') as Promise<MutualTaskChangeEvent>;
    await sendKeys({ press: 'Space' });
    await board.updateComplete;
    expect(requests).to.have.length(1);
    expect(requests[0]!.from).to.deep.equal({ status: 'todo', workstream: 'plan' });
    expect(requests[0]!.to).to.deep.equal({ status: 'doing', workstream: 'proof' });
    await waitUntil(() => announcement(board) === '“Security review” moved to Proof, Doing.', 'no drop announcement', WAIT);
    expect((await changed).task).to.include({ status: 'doing', workstream: 'proof' });
    await board.updateComplete;
    const moved = card(board, 'Security review')!;
    expect(moved.hasAttribute('data-grabbed')).to.equal(false);
    expect(moved.closest('[part~="cell"]')).to.equal(cell(board, 'proof', 'doing'));
    expect(shadow(board).activeElement, 'focus stays on the moved card').to.equal(handle(board, 'Security review'));
    expect(await serverTask(world, security.id)).to.include({ status: 'doing', workstream: 'proof' });

    // Escape puts a picked-up card back without asking the server anything.
    fetchSpy = spyOnFetch();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowLeft' });
    await board.updateComplete;
    expect(card(board, 'Security review')!.dataset.status).to.equal('todo');
    await sendKeys({ press: 'Escape' });
    await board.updateComplete;
    expect(card(board, 'Security review')!.closest('[part~="cell"]')).to.equal(cell(board, 'proof', 'doing'));
    await waitUntil(() => announcement(board).startsWith('Move cancelled.'), 'no cancel announcement', WAIT);
    expect(shadow(board).activeElement).to.equal(handle(board, 'Security review'));
    expect(fetchSpy.calls.filter((call) => call.method === 'PATCH')).to.have.length(0);

    // Enter opens the task for editing.
    await sendKeys({ press: 'Enter' });
    await board.updateComplete;
    expect(dialogOf(board).open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialogOf(board).open, 'Escape closes the dialog', WAIT);
    await waitUntil(() => shadow(board).activeElement === handle(board, 'Security review'), 'focus back on the card', WAIT);
  });

  it('moves a task by drag and drop', async () => {
    const { pilot } = await seed(world);
    const { board } = await mount(world, world.people.ana);
    const dragged = card(board, 'Run the pilot')!;
    const target = cell(board, 'proof', 'blocked');
    const data = new DataTransfer();
    const drag = (type: string, on: Element) =>
      on.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, composed: true, cancelable: true }));
    expect(dragged.getAttribute('draggable')).to.equal('true');
    drag('dragstart', dragged);
    drag('dragenter', target);
    const accepted = !drag('dragover', target);
    expect(accepted, 'the cell accepts the drop').to.equal(true);
    await board.updateComplete;
    expect(target.hasAttribute('data-drop-target')).to.equal(true);
    drag('drop', target);
    drag('dragend', dragged);
    await board.updateComplete;
    // Shown at once, before the server answers.
    expect(card(board, 'Run the pilot')!.closest('[part~="cell"]')).to.equal(target);
    expect(target.hasAttribute('data-drop-target')).to.equal(false);
    await waitUntil(async () => (await serverTask(world, pilot.id)).status === 'blocked', 'the server did not store the move', WAIT);
    expect((await serverTask(world, pilot.id)).workstream).to.equal(undefined);
  });

  it('lets the host veto a move, and sends nothing', async () => {
    const { security } = await seed(world);
    const { board } = await mount(world, world.people.ana);
    board.addEventListener('mutual-request-task-move', (event) => {
      if (event.to.status === 'done') event.preventDefault();
    });
    fetchSpy = spyOnFetch();
    handle(board, 'Security review')!.focus();
    await sendKeys({ press: 'Space' });
    for (let step = 0; step < 3; step++) await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await board.updateComplete;
    await waitUntil(() => announcement(board) === '“Security review” cannot be moved there.', 'the veto was not announced', WAIT);
    expect(card(board, 'Security review')!.closest('[part~="cell"]')).to.equal(cell(board, 'plan', 'todo'));
    expect(shadow(board).activeElement).to.equal(handle(board, 'Security review'));
    expect(fetchSpy.calls.filter((call) => call.method === 'PATCH')).to.have.length(0);
    expect((await serverTask(world, security.id)).status).to.equal('todo');
  });

  it('rolls a failed move back and says why', async () => {
    await seed(world);
    const { board } = await mount(world, world.people.ana);
    fetchSpy = spyOnFetch((call) => (call.method === 'PATCH' ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    const failed = oneEvent(board, 'mutual-error') as Promise<MutualErrorEvent>;
    await moveRightByKeyboard(board, 'Security review');
    const error = await failed;
    expect(error.operation).to.equal('move-task');
    expect(error.code).to.equal('network_error');
    await board.updateComplete;
    expect(card(board, 'Security review')!.closest('[part~="cell"]')).to.equal(cell(board, 'plan', 'todo'));
    const notice = part(board, 'notice')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(squash(notice.textContent)).to.contain('“Security review” could not be moved and is back where it was.');
    expect(squash(notice.textContent)).to.contain('The server could not be reached.');
    await waitUntil(() => shadow(board).activeElement === handle(board, 'Security review'), 'focus stays on the card', WAIT);
  });

  it('shows a move queued for the group’s home server as queued, without confirming it yet', async () => {
    const { security } = await seed(world);
    const { board } = await mount(world, world.people.ana);
    const event = 'q'.repeat(43);
    fetchSpy = spyOnFetch((call) =>
      call.method === 'PATCH'
        ? Promise.resolve(
            new Response(JSON.stringify({ status: 'queued', event, ref: security.id }), {
              status: 202,
              headers: { 'Content-Type': 'application/json' },
            }),
          )
        : undefined,
    );
    const changes: MutualTaskChangeEvent[] = [];
    board.addEventListener('mutual-task-change', (change) => changes.push(change));
    await moveRightByKeyboard(board, 'Security review');
    await waitUntil(() => card(board, 'Security review')?.dataset.sync === 'queued', 'not shown as queued', WAIT);
    const queued = card(board, 'Security review')!;
    expect(queued.closest('[part~="cell"]')).to.equal(cell(board, 'plan', 'doing'));
    expect(squash(queued.querySelector('[part~="sync"]')!.textContent)).to.equal('Queued for seller.test — will show when delivered.');
    expect(changes, 'confirmed only by its live echo').to.have.length(0);
  });

  it('puts a queued move back, and says why, when the group’s home server refuses it', async () => {
    const { security } = await seed(world);
    const { board } = await mount(world, world.people.ana);
    const event = 'q'.repeat(43);
    const json = (status: number, body: unknown) =>
      Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
    let refused = false;
    fetchSpy = spyOnFetch((call) => {
      if (call.method === 'PATCH') return json(202, { status: 'queued', event, ref: security.id });
      if (call.url.includes(`/api/spaces/${world.space}/refused?events=${event}`)) {
        const refusal = { event, group: security.group, type: 'task.updated', code: 'forbidden', message: 'observers cannot write in this group', at: new Date().toISOString() };
        return json(200, { refused: refused ? [refusal] : [] });
      }
      return undefined;
    });
    const changes: MutualTaskChangeEvent[] = [];
    board.addEventListener('mutual-task-change', (change) => changes.push(change));
    await moveRightByKeyboard(board, 'Security review');
    await waitUntil(() => card(board, 'Security review')?.dataset.sync === 'queued', 'not shown as queued', WAIT);
    expect(card(board, 'Security review')!.closest('[part~="cell"]')).to.equal(cell(board, 'plan', 'doing'));

    refused = true;
    await waitUntil(() => card(board, 'Security review')?.dataset.sync === undefined, 'the refusal was not shown', WAIT);
    expect(card(board, 'Security review')!.closest('[part~="cell"]'), 'back where it was').to.equal(cell(board, 'plan', 'todo'));
    const notice = part(board, 'notice')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(squash(notice.textContent)).to.contain('seller.test refused the change to “Security review”: it is back as it was.');
    expect(squash(notice.textContent)).to.contain('You cannot change tasks in this group.');
    expect(changes, 'never confirmed').to.have.length(0);
  });

  it('filters by mine, overdue, organisation and workstream, reflected to attributes', async () => {
    await seed(world);
    const { board } = await mount(world, world.people.ana);
    const titles = () => cards(board).map((element) => squash(element.querySelector('[part~="card-title"]')!.textContent)).sort();

    part(board, 'filter-mine')!.click();
    await board.updateComplete;
    expect(board.hasAttribute('filter-mine')).to.equal(true);
    expect(part(board, 'filter-mine')!.getAttribute('aria-pressed')).to.equal('true');
    expect(titles()).to.deep.equal(['Draft the NDA', 'Send the price list']);
    expect(squash(part(board, 'count')!.textContent)).to.equal('2 of 5 tasks');
    await waitUntil(() => announcement(board) === '2 of 5 tasks', 'the count was not announced', WAIT);

    part(board, 'filter-overdue')!.click();
    await board.updateComplete;
    expect(titles()).to.deep.equal(['Send the price list']);
    part(board, 'filter-mine')!.click();
    await board.updateComplete;
    expect(titles(), 'overdue alone; the done one is not late').to.deep.equal(['Send the price list']);
    part(board, 'filter-overdue')!.click();

    const organisation = part(board, 'filter-organisation') as HTMLSelectElement;
    expect([...organisation.options].map((option) => option.value)).to.deep.equal(['', 'buyer.test', 'seller.test']);
    organisation.value = 'buyer.test';
    organisation.dispatchEvent(new Event('change'));
    await board.updateComplete;
    expect(board.getAttribute('filter-organisation')).to.equal('buyer.test');
    expect(titles()).to.deep.equal(['Kick-off meeting', 'Security review']);

    organisation.value = '';
    organisation.dispatchEvent(new Event('change'));
    const workstream = part(board, 'filter-workstream') as HTMLSelectElement;
    workstream.value = 'proof';
    workstream.dispatchEvent(new Event('change'));
    await board.updateComplete;
    expect(board.hasAttribute('filter-organisation')).to.equal(false);
    expect(board.getAttribute('filter-workstream')).to.equal('proof');
    expect(titles()).to.deep.equal(['Run the pilot']);
    expect(parts(shadow(board), 'lane').map((lane) => lane.dataset.lane)).to.deep.equal(['proof']);

    // Set by the host through the attribute, cleared from the toolbar.
    board.setAttribute('filter-workstream', 'contract');
    await board.updateComplete;
    expect(titles()).to.deep.equal(['Draft the NDA']);
    const clear = part(board, 'clear-filters') as HTMLButtonElement;
    clear.focus();
    clear.click();
    await board.updateComplete;
    expect(titles()).to.have.length(5);
    expect(board.hasAttribute('filter-workstream')).to.equal(false);
    await board.updateComplete;
    expect(shadow(board).activeElement, 'the button is gone: focus goes to the first filter, not the page').to.equal(part(board, 'filter-mine'));
  });

  it('shows another member’s changes live, without a reload', async () => {
    const { security } = await seed(world);
    const { space, board } = await mount(world, world.people.ana);
    await waitUntil(() => space.status === LiveStatus.open, 'the stream did not open', WAIT);

    await api(world, world.people.bob, 'PATCH', `/groups/${world.groups.plan}/tasks/${security.id}`, { status: 'done' });
    await waitUntil(() => card(board, 'Security review')?.dataset.status === 'done', 'the move did not arrive', WAIT);
    expect(card(board, 'Security review')!.closest('[part~="cell"]')).to.equal(cell(board, 'plan', 'done'));
    await waitUntil(() => announcement(board) === 'Bob Martin, seller.test, moved “Security review” to Done.', 'not announced', WAIT);

    const title = unique('Prepare the demo data');
    await createTask(world, world.groups.proof, { title, status: 'doing', owner: world.people.bob }, world.people.bob);
    await waitUntil(() => card(board, title), 'the new task did not arrive', WAIT);
    expect(card(board, title)!.closest('[part~="cell"]')).to.equal(cell(board, 'proof', 'doing'));
    expect(squash(card(board, title)!.querySelector('.owner-name')!.textContent)).to.equal('Bob Martin');
  });

  it('goes on following the stream after being moved in the page, and reads again what it missed while away', async () => {
    const { security } = await seed(world);
    const { space, board } = await mount(world, world.people.ana);
    await waitUntil(() => space.status === LiveStatus.open, 'the stream did not open', WAIT);
    // Moved within its space (a re-layout): same connection, nothing missed.
    space.append(board);
    await board.updateComplete;
    expect(part(board, 'live-status')!.dataset.status).to.equal('open');
    await api(world, world.people.bob, 'PATCH', `/groups/${world.groups.plan}/tasks/${security.id}`, { status: 'done' });
    await waitUntil(() => card(board, 'Security review')?.dataset.status === 'done', 'the move did not arrive after the move in the page', WAIT);

    // Out of the page while someone else moves a task, then back: it reads the plan again.
    board.remove();
    const heard = new Promise<void>((resolve) => {
      const stop = space.connection!.subscribe(EVERY_GROUP, () => {
        stop();
        resolve();
      });
    });
    await api(world, world.people.bob, 'PATCH', `/groups/${world.groups.plan}/tasks/${security.id}`, { status: 'blocked' });
    await heard;
    space.append(board);
    await waitUntil(() => card(board, 'Security review')?.dataset.status === 'blocked', 'what happened while away was not read', WAIT);
    expect(part(board, 'live-status')!.dataset.status).to.equal('open');
  });

  it('places milestones between today and the decision date', async () => {
    const { plan, proof } = world.groups;
    const milestone = (group: string, title: string, date: string, done: boolean) =>
      api<Milestone>(world, world.people.ana, 'POST', `/groups/${group}/milestones`, { title, date, done });
    await milestone(plan, 'Kick-off', '2027-01-20', true);
    await milestone(proof, 'Proof signed off', '2027-03-01', false);
    await milestone(plan, 'Steering review', '2027-03-31', false);
    // 30 January 2027 at noon: 60 days before the harness's decision date (31 March 2027).
    const { board } = await mount(world, world.people.ana, { clock: () => new Date(2027, 0, 30, 12).getTime() });
    const timeline = part(board, 'timeline')!;
    expect(squash(timeline.querySelector('[part~="decision"]')!.textContent)).to.equal('Decision: Mar 31 · in 60 days');
    const items = parts(timeline, 'milestone');
    expect(items.map((item) => [squash(item.querySelector('.milestone-title')!.textContent), item.dataset.state, item.dataset.position])).to.deep.equal([
      ['Kick-off', 'done', '0.000'],
      ['Proof signed off', 'upcoming', '0.500'],
      ['Steering review', 'upcoming', '1.000'],
    ]);
    const done = items[0]!;
    expect(done.getAttribute('part')).to.contain('milestone-done');
    expect(squash(done.querySelector('.milestone-state')!.textContent)).to.equal('done');
    expect(squash(done.querySelector('.mark')!.textContent)).to.equal('✓');
    expect(items[1]!.querySelector('time')!.getAttribute('datetime')).to.equal('2027-03-01');
    const strip = timeline.querySelector('.track')!.getBoundingClientRect();
    const middle = items[1]!.getBoundingClientRect().left - strip.left;
    expect(Math.abs(middle - strip.width / 2)).to.be.below(2);
  });

  it('gently warns about a plan of more than 30 open steps', async () => {
    const { plan } = world.groups;
    await Promise.all(
      Array.from({ length: 30 }, (_, index) => createTask(world, plan, { title: `Step ${index + 1}`, status: index % 2 ? 'doing' : 'todo' })),
    );
    await createTask(world, plan, { title: 'Finished step', status: 'done' });
    const { board } = await mount(world, world.people.ana);
    expect(part(board, 'warning'), '30 open steps are fine').to.equal(null);

    await createTask(world, plan, { title: 'Step 31', status: 'blocked' });
    await waitUntil(() => part(board, 'warning'), 'no warning after the 31st open step', WAIT);
    expect(squash(part(board, 'warning')!.textContent)).to.contain('This plan has 31 open steps. Long plans tend to slip');
  });

  it('speaks French when the page or an ancestor says lang="fr"', async () => {
    await seed(world);
    const { board } = await mount(world, world.people.ana, { lang: 'fr' });
    expect(squash(part(board, 'title')!.textContent)).to.equal('Plan d’action mutuel');
    expect(parts(shadow(board), 'column').map((column) => squash(column.firstElementChild!.textContent))).to.deep.equal([
      'À faire',
      'En cours',
      'Bloqué',
      'Terminé',
    ]);
    expect(parts(shadow(board), 'lane').map((lane) => squash(lane.querySelector('.lane-name')!.textContent))).to.deep.equal([
      'Planning d’ensemble',
      'Preuve',
      'Contrats et conditions',
    ]);
    const security = card(board, 'Security review')!;
    expect(squash(security.querySelector('[part~="external-badge"]')!.textContent)).to.equal('Externe');
    expect(squash(security.querySelector('[part~="due"]')!.textContent)).to.equal('Échéance : 30 juin 2099');
    expect(squash(card(board, 'Send the price list')!.querySelector('[part~="overdue-badge"]')!.textContent)).to.match(/^En retard de \d+ jours$/);
    expect(squash(part(board, 'filter-mine')!.textContent)).to.equal('Les miennes');

    part(board, 'new-task-button')!.click();
    await board.updateComplete;
    expect(squash(dialogOf(board).querySelector('h3')!.textContent)).to.equal('Nouvelle tâche');
    part(board, 'save-button')!.click();
    await board.updateComplete;
    expect(squash(shadow(board).querySelector('#problem-title .problem-text')!.textContent)).to.equal('Le champ « Intitulé » est obligatoire.');

    // Switching the language re-renders in place.
    board.closest('mutual-space')!.setAttribute('lang', 'en');
    await waitUntil(() => squash(part(board, 'title')!.textContent) === 'Mutual action plan', 'did not switch to English', WAIT);
  });

  it('works on its own, outside a space', async () => {
    await seed(world);
    const board = await fixture<MutualWorkstreamBoard>(html`
      <mutual-workstream-board server=${world.server} space=${world.space} .tokenProvider=${tokenProviderFor(world.people.bob)}>
      </mutual-workstream-board>
    `);
    await loaded(board);
    expect(board.connection).to.exist;
    // bob is in plan and proof only: the contract task is in the plan group, so he sees all five.
    expect(cards(board)).to.have.length(5);
    expect(card(board, 'Send the price list')!.querySelector('.owner-name')!.textContent).to.equal('Ana Lima');
  });

  it('follows the host theme, and the system’s dark scheme when the host sets no colours', async () => {
    await seed(world);
    const { space, board } = await mount(world, world.people.ana);
    const base = part(board, 'base')!;
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(22, 27, 34)');
    await expect(space).to.be.accessible();
    board.setAttribute('theme', 'light');
    expect(getComputedStyle(base).backgroundColor, 'theme="light" keeps the light defaults').to.equal('rgb(255, 255, 255)');
    board.removeAttribute('theme');
    space.style.setProperty('--mutual-color-surface', 'rgb(250, 250, 240)');
    expect(getComputedStyle(base).backgroundColor, 'a host token wins').to.equal('rgb(250, 250, 240)');
    space.style.setProperty('--mutual-color-accent', 'rgb(1, 2, 3)');
    // Buttons fade between colours: wait for the transition.
    const button = part(board, 'new-task-button')!;
    await waitUntil(() => getComputedStyle(button).borderTopColor === 'rgb(1, 2, 3)', 'the accent token was not used', WAIT);
  });

  it('is accessible once loaded, and with the dialog open', async () => {
    await seed(world);
    await api(world, world.people.ana, 'POST', `/groups/${world.groups.plan}/milestones`, { title: 'Kick-off', date: PAST, done: true });
    const { space, board } = await mount(world, world.people.ana);
    await expect(space).to.be.accessible();
    card(board, 'Security review')!.click();
    await board.updateComplete;
    expect(dialogOf(board).open).to.equal(true);
    await expect(space).to.be.accessible();
    // With validation messages showing too.
    await fill(board, 'title', '');
    part(board, 'save-button')!.click();
    await board.updateComplete;
    expect(field(board, 'title').getAttribute('aria-invalid')).to.equal('true');
    await expect(space).to.be.accessible();
  });
});
