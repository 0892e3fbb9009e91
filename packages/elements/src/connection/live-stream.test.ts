import { expect, waitUntil } from '@open-wc/testing';
import type { LiveMessage } from '@mutual/protocol';
import { MutualApiClient } from './api-client.js';
import type { MutualApiError } from './api-error.js';
import { LiveStatus, LiveStream } from './live-stream.js';
import { TokenSource } from './token-source.js';

// The stream's own logic (resume, backoff, status) against a scripted server. The real server is
// exercised by the space and feed tests.

interface Attempt {
  headers: Headers;
}

function scriptedFetch(answers: Array<() => Response>): { fetch: typeof fetch; attempts: Attempt[] } {
  const attempts: Attempt[] = [];
  const fetch = async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    attempts.push({ headers: new Headers(init?.headers) });
    const answer = answers.shift();
    if (!answer) return new Promise<Response>(() => undefined); // hang: no more script
    return answer();
  };
  return { fetch, attempts };
}

const sse = (text: string): Response => new Response(text, { headers: { 'Content-Type': 'text/event-stream' } });

const message = (id: string, seq: number): string =>
  `id: ${id}\nevent: group-event\ndata: ${JSON.stringify({
    event: { id: `e${seq}`, space: 's', group: 'g', seq, type: 'post', author: 'bob@seller.test', at: '2030-01-01T00:00:00Z', body: { text: 'x' } },
    author: { id: 'bob@seller.test', name: 'Bob', organisation: 'seller.test' },
  })}\n\n`;

function makeStream(answers: Array<() => Response>) {
  const { fetch, attempts } = scriptedFetch(answers);
  const api = new MutualApiClient({ server: 'https://mutual.test/', tokens: new TokenSource({ token: 'a.b.c' }), fetch });
  const statuses: LiveStatus[] = [];
  const messages: LiveMessage[] = [];
  const errors: MutualApiError[] = [];
  const stream = new LiveStream({
    api,
    space: 's',
    onMessage: (received) => messages.push(received),
    onStatus: (status) => statuses.push(status),
    onError: (error) => errors.push(error),
    backoff: { initialMs: 10, maxMs: 40 },
  });
  return { stream, attempts, statuses, messages, errors };
}

describe('LiveStream', () => {
  it('sends the bearer token, opens on ready, resumes with Last-Event-ID', async () => {
    const { stream, attempts, statuses, messages } = makeStream([
      () => sse(`event: ready\ndata: {"cursor":"10"}\n\n${message('11', 1)}: ping\n\n${message('12', 2)}`),
      () => sse(`event: ready\ndata: {"cursor":"12"}\n\n${message('13', 3)}`),
    ]);
    stream.start();
    await waitUntil(() => messages.length === 3 && attempts.length === 3);
    stream.close();
    expect(attempts[0]!.headers.get('Authorization')).to.equal('Bearer a.b.c');
    expect(attempts[0]!.headers.get('Last-Event-ID')).to.equal(null);
    expect(attempts[1]!.headers.get('Last-Event-ID')).to.equal('12');
    expect(attempts[2]!.headers.get('Last-Event-ID')).to.equal('13');
    expect(messages.map((received) => received.event.seq)).to.deep.equal([1, 2, 3]);
    expect(statuses.slice(0, 4)).to.deep.equal(['connecting', 'open', 'reconnecting', 'open']);
    expect(statuses.at(-1)).to.equal('closed');
  });

  it('resumes from the ready cursor when no message came', async () => {
    const { stream, attempts } = makeStream([() => sse('event: ready\ndata: {"cursor":"77"}\n\n')]);
    stream.start();
    await waitUntil(() => attempts.length === 2);
    stream.close();
    expect(attempts[1]!.headers.get('Last-Event-ID')).to.equal('77');
  });

  it('retries after a server error, and stops on 403', async () => {
    const problem = (status: number, code: string) => () =>
      new Response(JSON.stringify({ type: 'about:blank', title: code, status, code }), {
        status,
        headers: { 'Content-Type': 'application/problem+json' },
      });
    const { stream, attempts, statuses, errors } = makeStream([problem(503, 'internal'), problem(403, 'not_a_member')]);
    stream.start();
    await waitUntil(() => stream.status === LiveStatus.closed);
    expect(attempts).to.have.length(2);
    expect(errors.map((error) => error.code)).to.deep.equal(['internal', 'not_a_member']);
    expect(statuses).to.deep.equal(['connecting', 'reconnecting', 'closed']);
  });
});
