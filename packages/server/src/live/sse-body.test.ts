import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../../../../test/support/eventually.js';
import { sseBody, type SseSink } from './sse-body.js';

/**
 * The Node side of a live stream's body, on a real socket: a bare node:http server plays
 * @hono/node-server's part (writes the head, then reads the body once).
 */
describe('a live stream body on a Node response', () => {
  let server: Server;
  let url: string;
  let opened: (value: { sink: SseSink; drains: () => number; closed: () => boolean }) => void;
  let nextOpen: Promise<{ sink: SseSink; drains: () => number; closed: () => boolean }>;
  const expectOpen = () => (nextOpen = new Promise((resolve) => (opened = resolve)));

  before(async () => {
    server = createServer((_request, response: ServerResponse) => {
      let drains = 0;
      let closed = false;
      const body = sseBody(response, (sink) => {
        opened({ sink, drains: () => drains, closed: () => closed });
        return { drain: () => drains++, closed: () => (closed = true) };
      });
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Transfer-Encoding': 'chunked' });
      response.flushHeaders();
      // As @hono/node-server does: read the body, end the response when it ends.
      const reader = body.getReader();
      void reader.read().then(({ done }) => done && response.end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('writes messages as HTTP chunks, keeps the response open past the adapter, and ends it cleanly', async () => {
    expectOpen();
    const response = await fetch(url);
    const { sink } = await nextOpen;
    sink.write(Buffer.from('event: ready\ndata: {}\n\n'));
    sink.write(Buffer.from('event: group-event\nid: 1\ndata: {"n":1}\n\n'));
    sink.end();
    assert.equal(await response.text(), 'event: ready\ndata: {}\n\nevent: group-event\nid: 1\ndata: {"n":1}\n\n');
  });

  it('says when the client stops reading, and when it caught up', async () => {
    expectOpen();
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    socket.write('GET / HTTP/1.1\r\nHost: test\r\n\r\n');
    const { sink, drains } = await nextOpen;
    socket.pause();
    const frame = Buffer.alloc(64 * 1024, 'x');
    let writes = 0;
    // Until the kernel's buffers and Node's queue are full (loopback buffers are a few MB).
    while (sink.write(frame)) {
      writes++;
      assert.ok(writes < 4_000, 'the socket never said it was full');
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.equal(drains(), 0);
    socket.resume();
    socket.on('data', () => {});
    await eventually(() => assert.ok(drains() > 0, 'drain once the client read'));
    socket.destroy();
  });

  it('says when the client went away', async () => {
    expectOpen();
    const controller = new AbortController();
    const response = await fetch(url, { signal: controller.signal });
    const { closed } = await nextOpen;
    assert.equal(response.status, 200);
    controller.abort();
    await eventually(() => assert.ok(closed(), 'closed once the client went away'));
  });
});
