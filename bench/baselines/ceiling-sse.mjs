// ceiling-sse: a bare node:http server that writes one pre-framed message to N open SSE sockets.
import { createServer } from 'node:http';
import { serve } from '../lib/rpc.mjs';

let server;
const sockets = new Set();
let sequence = 0;

serve({
  async start() {
    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write('event: ready\ndata: {}\n\n');
      sockets.add(res);
      req.on('close', () => sockets.delete(res));
    });
    server.maxConnections = 100_000;
    await new Promise((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
    return { url: `http://127.0.0.1:${server.address().port}/stream` };
  },
  subscribers: () => sockets.size,
  /** Writes a message of about the size Mutual sends for a post, stamped with the send time. */
  publish(marker) {
    sequence++;
    const frame = `event: group-event\nid: ${sequence}\ndata: ${JSON.stringify({ event: { type: 'post', body: { text: `[fanout ${marker}] ${'x'.repeat(300)}` } } })}\n\n`;
    for (const socket of sockets) socket.write(frame);
  },
  gc() {
    globalThis.gc?.();
    return process.memoryUsage();
  },
  close: () => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  },
});
