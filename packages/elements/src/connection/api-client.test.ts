import { expect } from '@open-wc/testing';
import type { FeedPost, Task } from '@mutual/protocol';
import { MutualApiClient } from './api-client.js';
import { MutualApiError } from './api-error.js';
import { TokenSource } from './token-source.js';
import { isQueued } from './write-result.js';

// How the client reads the answers to writes. No test server queues writes yet (that needs a group
// homed on a second organisation's server), so the answers here come from a tiny in-test fetch; the
// 201 path is exercised against the real server by the feed tests.

interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

function answering(status: number, body: unknown): { api: MutualApiClient; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    sent.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
  const api = new MutualApiClient({ server: 'https://mutual.test/', tokens: new TokenSource({ token: 'a.b.c' }), fetch });
  return { api, sent };
}

const eventId = `event${'0'.repeat(37)}1`;
const at = '2030-01-01T10:00:00.000Z';
const post: FeedPost = {
  id: eventId,
  group: 'g',
  seq: 1,
  author: { id: 'ana@seller.test', name: 'Ana', organisation: 'seller.test' },
  text: 'hello',
  at,
  clientId: 'client-0001',
  reactions: [],
  replies: [],
};

describe('MutualApiClient writes', () => {
  it('returns the created post on 201', async () => {
    const { api, sent } = answering(201, post);
    const result = await api.createPost('g', { text: 'hello', clientId: 'client-0001' });
    expect(isQueued(result)).to.equal(false);
    expect(result).to.deep.equal(post);
    expect(sent[0]).to.deep.include({ url: 'https://mutual.test/api/groups/g/posts', method: 'POST' });
    expect(sent[0]!.body).to.deep.equal({ text: 'hello', clientId: 'client-0001' });
    expect(sent[0]!.headers.get('Authorization')).to.equal('Bearer a.b.c');
  });

  it('returns a queued write on 202, with only its known fields', async () => {
    const { api } = answering(202, { status: 'queued', event: eventId, clientId: 'client-0001', extra: 'ignored' });
    const result = await api.createPost('g', { text: 'hello', clientId: 'client-0001' });
    expect(isQueued(result)).to.equal(true);
    expect(result).to.deep.equal({ status: 'queued', event: eventId, clientId: 'client-0001' });
  });

  it('reads a queued reply and a queued reaction', async () => {
    const reply = await answering(202, { status: 'queued', event: eventId, clientId: 'client-0002' }).api.createReply('g', 'p', {
      text: 'hi',
      clientId: 'client-0002',
    });
    expect(reply).to.deep.equal({ status: 'queued', event: eventId, clientId: 'client-0002' });
    const reaction = await answering(202, { status: 'queued', event: eventId }).api.react('g', 'p', { emoji: '👍', on: true });
    expect(isQueued(reaction)).to.equal(true);
    const counted = await answering(200, { reactions: [{ emoji: '👍', count: 1, mine: true }] }).api.react('g', 'p', {
      emoji: '👍',
      on: true,
    });
    expect(isQueued(counted)).to.equal(false);
  });

  it('tells a task, which has a status of its own, from a queued task', async () => {
    const task: Task = {
      id: 'task1',
      group: 'g',
      title: 'Security review',
      status: 'todo',
      createdBy: 'ana@seller.test',
      createdAt: at,
      updatedAt: at,
    };
    expect(isQueued(await answering(201, task).api.createTask('g', { title: 'Security review', status: 'todo' }))).to.equal(false);
    const queued = await answering(202, { status: 'queued', event: eventId, ref: 'task1' }).api.createTask('g', {
      title: 'Security review',
      status: 'todo',
    });
    expect(queued).to.deep.equal({ status: 'queued', event: eventId, ref: 'task1' });
  });

  it('rejects a 202 that is not a queued write', async () => {
    for (const body of [{ status: 'queued' }, { status: 'stored', event: eventId }, { status: 'queued', event: eventId, ref: 3 }, null]) {
      let error: unknown;
      try {
        await answering(202, body).api.createPost('g', { text: 'hello' });
      } catch (caught) {
        error = caught;
      }
      expect(error, JSON.stringify(body)).to.be.instanceOf(MutualApiError);
      expect((error as MutualApiError).code).to.equal('invalid_response');
      expect((error as MutualApiError).status).to.equal(202);
    }
  });
});
