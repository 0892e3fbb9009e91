import { expect, waitUntil } from '@open-wc/testing';
import { MutualConnection } from './connection.js';
import { RefusalWatches, refusalError, watchRefusal } from './refusal-watch.js';

// Writes queued for another organisation's server, watched in case that server refuses them.

const QUEUED = 'q'.repeat(43);
const OTHER = 'o'.repeat(43);

/** A server that lists `refused` (ids) as refused writes, and counts how often it was asked. */
function refusingServer(refused: () => string[]) {
  const asked: string[] = [];
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const url = String(input);
    if (!url.includes('/refused')) return new Response('{}', { status: 404 });
    asked.push(new URL(url).pathname);
    const list = refused().map((event) => ({ event, group: 's.proof', type: 'post', code: 'not_a_member', message: 'the author is no longer a member of this group', at: '2026-11-28T10:00:00.000Z' }));
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
    expect(server.asked[0]).to.equal('/api/spaces/s/refused');
    expect(told).to.deep.equal([], 'not refused yet');
    refused = [OTHER, QUEUED];
    await waitUntil(() => told.length === 1, 'asked again', { timeout: 6_000 });
    expect(told).to.deep.equal([`${QUEUED} not_a_member`], 'only what is watched');
    const asked = server.asked.length;
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    expect(server.asked.length).to.equal(asked, 'nothing left to watch: no more questions');
  });

  it('asks nothing once the watch is stopped (the echo came)', async () => {
    const server = refusingServer(() => [QUEUED]);
    const watches = new RefusalWatches();
    const told: string[] = [];
    watches.watch(connect(server.fetch), QUEUED, (refusal) => told.push(refusal.event));
    watches.settled(QUEUED);
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

  it('turns a refusal into the error a failed write shows', () => {
    const error = refusalError({ event: QUEUED, group: 's.proof', type: 'post', code: 'forbidden', message: 'observers cannot write in this group', at: '2026-11-28T10:00:00.000Z' });
    expect(error.code).to.equal('forbidden');
    expect(error.message).to.equal('observers cannot write in this group');
    expect(error.isTransient).to.equal(false);
  });
});
