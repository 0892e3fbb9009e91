import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { LiveMessage } from '@mutual/protocol';
import { EVERY_GROUP } from '../connection/connection.js';
import { LiveStatus } from '../connection/live-stream.js';
import type { MutualConnectionChangeEvent } from '../events/connection-change-event.js';
import '../feed/feed.define.js';
import { createSpaceFixture, embedToken, spyOnFetch, tokenProviderFor, WAIT, type SpaceFixture } from '../testing/harness.js';
import type { MutualSpace } from './space.js';
import './space.define.js';

// Against a real Mutual server: the harness creates a fresh space for each test.

describe('<mutual-space>', function () {
  this.timeout(30_000);
  let world: SpaceFixture;
  let fetchSpy: ReturnType<typeof spyOnFetch> | undefined;

  beforeEach(async () => {
    world = await createSpaceFixture();
  });

  afterEach(() => {
    fetchSpy?.restore();
    fetchSpy = undefined;
  });

  it('renders its children through a slot', async () => {
    const space = await fixture<MutualSpace>(html`<mutual-space><p>host content</p></mutual-space>`);
    expect(space.shadowRoot!.querySelector('slot')).to.exist;
    expect(space.querySelector('p')!.assignedSlot).to.exist;
  });

  it('waits for a token, then opens the live stream and reports each status', async () => {
    const space = await fixture<MutualSpace>(html`<mutual-space server=${world.server} space=${world.space}></mutual-space>`);
    expect(space.connection).to.equal(undefined);
    expect(space.status).to.equal(LiveStatus.closed);

    const statuses: string[] = [];
    space.addEventListener('mutual-connection-change', (event: MutualConnectionChangeEvent) => statuses.push(event.status));
    space.tokenProvider = tokenProviderFor(world.people.ana);
    await waitUntil(() => space.status === LiveStatus.open, 'the stream did not open', WAIT);
    expect(statuses).to.deep.equal([LiveStatus.connecting, LiveStatus.open]);
    expect(space.connection!.server).to.equal(world.server);
  });

  it('accepts a fixed token', async () => {
    const token = await embedToken(world.people.ana);
    const space = await fixture<MutualSpace>(
      html`<mutual-space server=${world.server} space=${world.space} .token=${token}></mutual-space>`,
    );
    await waitUntil(() => space.status === LiveStatus.open, 'the stream did not open', WAIT);
    const me = await space.connection!.me();
    expect(me.person.id).to.equal(world.people.ana);
  });

  it('keeps its token out of the HTML: a property, never an attribute', async () => {
    const token = await embedToken(world.people.ana);
    const elements = ['mutual-space', 'mutual-group-feed'].map((name) => Object.assign(document.createElement(name), { token }));
    for (const element of elements) {
      expect(element.hasAttribute('token'), element.localName).to.equal(false);
      expect(element.outerHTML).not.to.contain(token);
      element.setAttribute('token', 'from-the-markup');
      expect((element as unknown as { token: string }).token, 'an attribute is not read as the token').to.equal(token);
    }
  });

  it('gives its connection to the widgets inside it', async () => {
    const space = await fixture<MutualSpace>(html`
      <mutual-space server=${world.server} space=${world.space} .tokenProvider=${tokenProviderFor(world.people.ana)}>
        <div><mutual-group-feed group=${world.groups.plan}></mutual-group-feed></div>
      </mutual-space>
    `);
    const feed = space.querySelector('mutual-group-feed')!;
    expect(space.connection).to.exist;
    expect(feed.connection).to.equal(space.connection);
  });

  it('routes each live event to the subscribers of its group and to those of every group', async () => {
    const space = await fixture<MutualSpace>(
      html`<mutual-space server=${world.server} space=${world.space} .token=${await embedToken(world.people.ana)}></mutual-space>`,
    );
    await waitUntil(() => space.status === LiveStatus.open, 'the stream did not open', WAIT);
    const heard = { plan: [] as string[], proof: [] as string[], every: [] as string[] };
    const textOf = (message: LiveMessage) => (message.event.type === 'post' ? message.event.body.text : message.event.type);
    space.connection!.subscribe(world.groups.plan, (message) => heard.plan.push(textOf(message)));
    space.connection!.subscribe(world.groups.proof, (message) => heard.proof.push(textOf(message)));
    const stop = space.connection!.subscribe(EVERY_GROUP, (message) => heard.every.push(`${message.event.group} ${textOf(message)}`));
    await space.connection!.api.createPost(world.groups.plan, { text: 'in plan' });
    await space.connection!.api.createPost(world.groups.proof, { text: 'in proof' });
    await waitUntil(() => heard.every.length === 2 && heard.proof.length === 1, 'the posts did not arrive', WAIT);
    expect(heard.plan).to.deep.equal(['in plan']);
    expect(heard.proof).to.deep.equal(['in proof']);
    expect(heard.every).to.deep.equal([`${world.groups.plan} in plan`, `${world.groups.proof} in proof`]);
    stop();
    await space.connection!.api.createPost(world.groups.plan, { text: 'after stop' });
    await waitUntil(() => heard.plan.length === 2, 'the post did not arrive', WAIT);
    expect(heard.every, 'a stopped subscriber hears nothing more').to.have.length(2);
  });

  it('closes its stream when it leaves the document', async () => {
    fetchSpy = spyOnFetch();
    const space = await fixture<MutualSpace>(
      html`<mutual-space server=${world.server} space=${world.space} .tokenProvider=${tokenProviderFor(world.people.ana)}></mutual-space>`,
    );
    await waitUntil(() => space.status === LiveStatus.open, 'the stream did not open', WAIT);
    const connection = space.connection!;
    const closed = oneEvent<MutualConnectionChangeEvent>(space, 'mutual-connection-change');
    space.remove();
    expect((await closed).status).to.equal(LiveStatus.closed);
    expect(connection.closed).to.equal(true);
    expect(connection.status).to.equal(LiveStatus.closed);
    expect(space.connection).to.equal(undefined);
    expect(fetchSpy.calls.filter((call) => call.url.endsWith('/stream'))).to.have.length(1);
  });

  it('opens a new connection when the space changes', async () => {
    const other = await createSpaceFixture();
    const space = await fixture<MutualSpace>(
      html`<mutual-space server=${world.server} space=${world.space} .tokenProvider=${tokenProviderFor(world.people.ana)}></mutual-space>`,
    );
    const first = space.connection!;
    space.space = other.space;
    await space.updateComplete;
    expect(first.closed).to.equal(true);
    expect(space.connection).to.exist.and.not.equal(first);
    expect(space.connection!.space).to.equal(other.space);
    await waitUntil(() => space.status === LiveStatus.open, 'the new stream did not open', WAIT);
  });

  it('starts afresh when its credentials now sign for another person, and keeps its connection when they sign for the same one', async () => {
    const space = await fixture<MutualSpace>(
      html`<mutual-space server=${world.server} space=${world.space} .tokenProvider=${tokenProviderFor(world.people.ana)}></mutual-space>`,
    );
    await waitUntil(() => space.status === LiveStatus.open, 'the stream did not open', WAIT);
    const first = space.connection!;
    expect((await first.me()).person.id).to.equal(world.people.ana);
    // A new provider for the same person (a framework re-render): the same connection.
    space.tokenProvider = tokenProviderFor(world.people.ana);
    await space.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(space.connection).to.equal(first);
    // The host signed in Bob: a new connection, nothing of Ana's kept.
    space.tokenProvider = tokenProviderFor(world.people.bob);
    await waitUntil(() => space.connection !== first, 'the connection stayed Ana’s', WAIT);
    expect(first.closed).to.equal(true);
    expect((await space.connection!.me()).person.id).to.equal(world.people.bob);
    await waitUntil(() => space.status === LiveStatus.open, 'the new stream did not open', WAIT);
  });

  it('asks the token provider again before the token expires', async () => {
    // A 4 s token is renewed at half its life (the 30 s margin would exceed it).
    const provider = tokenProviderFor(world.people.ana, 4);
    const space = await fixture<MutualSpace>(
      html`<mutual-space server=${world.server} space=${world.space} .tokenProvider=${provider}></mutual-space>`,
    );
    await waitUntil(() => space.status === LiveStatus.open, 'the stream did not open', WAIT);
    const asked = provider.calls;
    await waitUntil(() => provider.calls > asked, 'the provider was not asked again', { timeout: 8_000 });
  });

  it('reopens the stream when its token expires and keeps receiving', async () => {
    // The server ends a stream when its token expires: the space reconnects with a fresh token
    // (and Last-Event-ID), and what is said afterwards still arrives.
    const space = await fixture<MutualSpace>(
      html`<mutual-space server=${world.server} space=${world.space} .tokenProvider=${tokenProviderFor(world.people.ana, 3)}></mutual-space>`,
    );
    const statuses: string[] = [];
    space.addEventListener('mutual-connection-change', (event: MutualConnectionChangeEvent) => statuses.push(event.status));
    await waitUntil(() => space.status === LiveStatus.open, 'the stream did not open', WAIT);
    const received: string[] = [];
    space.connection!.subscribe(world.groups.plan, (message) => {
      if (message.event.type === 'post') received.push(message.event.body.text);
    });
    await waitUntil(
      () => statuses.includes(LiveStatus.reconnecting) && space.status === LiveStatus.open,
      'the stream was not reopened after the token expired',
      { timeout: 12_000 },
    );
    const bob = await fixture<MutualSpace>(
      html`<mutual-space server=${world.server} space=${world.space} .tokenProvider=${tokenProviderFor(world.people.bob)}></mutual-space>`,
    );
    const text = `after expiry ${crypto.getRandomValues(new Uint32Array(1))[0]}`;
    await bob.connection!.api.createPost(world.groups.plan, { text });
    await waitUntil(() => received.includes(text), 'the post did not arrive after reconnecting', WAIT);
    expect(received.filter((candidate) => candidate === text)).to.have.length(1);
  });
});
