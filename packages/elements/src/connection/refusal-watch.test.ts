import { expect, waitUntil } from '@open-wc/testing';
import { MutualConnection } from './connection.js';
import { RefusalWatches, refusalError, watchRefusal } from './refusal-watch.js';

// Writes queued for another organisation's server, watched in case that server refuses them.

const QUEUED = 'q'.repeat(43);
const OTHER = 'o'.repeat(43);

/** A server for which the writes `refused` (ids) were refused; it answers for those asked about, and counts the questions. */
function refusingServer(refused: () => string[]) {
  const asked: string[] = [];
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(String(input));
    if (!url.pathname.endsWith('/refused')) return new Response('{}', { status: 404 });
    asked.push(`${url.pathname}?${url.searchParams}`);
    const named = url.searchParams.get('events')!.split(',');
    const list = refused().filter((event) => named.includes(event)).map((event) => ({ event, group: 's.proof', type: 'post', code: 'not_a_member', message: 'the author is no longer a member of this group', at: '2026-11-28T10:00:00.000Z' }));
    return new Response(JSON.stringify({ refused: list }), { headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch, asked };
}

describe('watchRefusal', () => {
  const connections: MutualConnection[] = [];
  afterEach(() => connections.splice(0).forEach((connection) => connection.close()));
  const connect = (fetch: typeof globalThis.fetch) => {
    // Not connected: no live stream, only the API.
    const connection = new MutualConnection({ server: 'https://mutual.test/', space: 's', token: 'a.b.c', fetch });
    connections.push(connection);
    return connection;
  };

  it('tells the watcher of a refused write once, with the home’s reason, and then stops asking', async () => {
    let refused: string[] = [];
    const server = refusingServer(() => refused);
    const connection = connect(server.fetch);
    const told: string[] = [];
    watchRefusal(connection, QUEUED, (refusal) => told.push(`${refusal.event} ${refusal.code}`));
    await waitUntil(() => server.asked.length === 1, 'asked within a second or so', { timeout: 3_000 });
    expect(server.asked[0]).to.equal(`/api/spaces/s/refused?events=${QUEUED}`, 'only about the writes watched');
    expect(told).to.deep.equal([], 'not refused yet');
    refused = [OTHER, QUEUED];
    await waitUntil(() => told.length === 1, 'asked again', { timeout: 6_000 });
    expect(told).to.deep.equal([`${QUEUED} not_a_member`]);
    const asked = server.asked.length;
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    expect(server.asked.length).to.equal(asked, 'nothing left to watch: no more questions');
  });

  it('asks nothing once the watch is stopped (the echo came), nor for a write whose echo came first', async () => {
    const server = refusingServer(() => [QUEUED, OTHER]);
    const connection = connect(server.fetch);
    const watches = new RefusalWatches();
    const told: string[] = [];
    watches.watch(connection, QUEUED, (refusal) => told.push(refusal.event));
    watches.settled(QUEUED);
    // The echo before the 202's answer.
    watches.settled(OTHER);
    watches.watch(connection, OTHER, (refusal) => told.push(refusal.event));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(server.asked).to.deep.equal([]);
    expect(told).to.deep.equal([]);
  });

  it('keeps asking after a failed question, and watches nothing with an older API client', async () => {
    let failing = true;
    const server = refusingServer(() => [QUEUED]);
    const connection = connect(async (input) => {
      if (failing) {
        failing = false;
        throw new TypeError('Failed to fetch');
      }
      return server.fetch(input);
    });
    const told: string[] = [];
    watchRefusal(connection, QUEUED, (refusal) => told.push(refusal.event));
    await waitUntil(() => told.length === 1, 'asked again after the failure', { timeout: 7_000 });

    const older = connect(server.fetch);
    Object.defineProperty(older.api, 'refusedWrites', { value: undefined });
    const stop = watchRefusal(older, QUEUED, () => told.push('older'));
    expect(stop).to.be.a('function');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(told).to.deep.equal([QUEUED]);
  });

  it('asks within a second or so of the first write however often more come, and one question at a time', async () => {
    let inFlight = 0;
    let most = 0;
    const asked: number[] = [];
    const started = Date.now();
    const slow = async (input: RequestInfo | URL): Promise<Response> => {
      if (!String(input).includes('/refused')) return new Response('{}', { status: 404 });
      asked.push(Date.now() - started);
      most = Math.max(most, ++inFlight);
      // A slow server: writes keep coming while it answers.
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      inFlight--;
      return new Response(JSON.stringify({ refused: [] }), { headers: { 'Content-Type': 'application/json' } });
    };
    const connection = connect(slow);
    const stops: Array<() => void> = [];
    // A write every 300 ms for 3 s.
    for (let i = 0; i < 10; i++) {
      stops.push(watchRefusal(connection, String(i).padStart(43, 'w'), () => undefined));
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await waitUntil(() => asked.length >= 2, 'asked again after the first answer', { timeout: 5_000 });
    for (const stop of stops) stop();
    expect(asked[0]!, 'not put off by the writes that kept coming').to.be.below(1_500);
    expect(most, 'never two questions at once').to.equal(1);
  });

  it('turns a refusal into the error a failed write shows, with a code it knows', () => {
    const refusal = (code: string) => ({ event: QUEUED, group: 's.proof', type: 'post', code, message: 'observers cannot write in this group', at: '2026-11-28T10:00:00.000Z' });
    const error = refusalError(refusal('forbidden'));
    expect(error.code).to.equal('forbidden');
    expect(error.message).to.equal('observers cannot write in this group');
    expect(error.isTransient).to.equal(false);
    // The home chooses the code: one about the viewer's own session would say the wrong thing.
    expect(refusalError(refusal('token_expired')).code).to.equal('invalid_request');
    expect(refusalError(refusal('refused')).code).to.equal('invalid_request');
  });
});
