import { expect } from '@open-wc/testing';
import { MutualConnection } from './connection.js';
import { following } from './following.js';

// When a widget may read its first page: once the live stream follows the space.

/** A fetch whose stream answers when `open` is called (or never), with `ready` and nothing more. */
function streamServer(answer: 'ready' | 'forbidden' | 'never') {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    if (!String(input).includes('/stream')) return new Response('{}', { status: 404 });
    await opened;
    if (answer === 'forbidden') {
      return new Response(JSON.stringify({ type: 'about:blank', title: 'not a member', status: 403, code: 'not_a_member' }), {
        status: 403,
        headers: { 'Content-Type': 'application/problem+json' },
      });
    }
    if (answer === 'never') return new Promise<Response>(() => undefined);
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode('event: ready\ndata: {"cursor":"5"}\n\n')),
    });
    return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
  };
  return { fetch, open: () => open() };
}

const settledWithin = (promise: Promise<void>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

describe('following', () => {
  const connections: MutualConnection[] = [];
  afterEach(() => connections.splice(0).forEach((connection) => connection.close()));
  const connect = (fetch: typeof globalThis.fetch) => {
    const connection = new MutualConnection({ server: 'https://mutual.test/', space: 's', token: 'a.b.c', fetch });
    connections.push(connection);
    connection.connect();
    return connection;
  };

  it('waits for the stream to follow the space, then answers at once', async () => {
    const server = streamServer('ready');
    const connection = connect(server.fetch);
    const waiting = following(connection, 5_000);
    expect(await settledWithin(waiting, 100)).to.equal(false, 'the stream has not started yet');
    server.open();
    expect(await settledWithin(waiting, 2_000)).to.equal(true);
    expect(await settledWithin(following(connection, 5_000), 20)).to.equal(true, 'already following');
  });

  it('lets the page load without live updates when the stream stops for good, or takes too long', async () => {
    const refused = streamServer('forbidden');
    const closed = connect(refused.fetch);
    const afterRefusal = following(closed, 5_000);
    refused.open();
    expect(await settledWithin(afterRefusal, 2_000)).to.equal(true);
    expect(await settledWithin(following(closed, 5_000), 20)).to.equal(true, 'stopped for good: no wait the next time');
    const never = streamServer('never');
    never.open();
    const slowConnection = connect(never.fetch);
    expect(await settledWithin(following(slowConnection, 100), 1_000)).to.equal(true);
    expect(await settledWithin(following(slowConnection, 5_000), 20)).to.equal(true, 'slow once: not waited for again');
  });
});
