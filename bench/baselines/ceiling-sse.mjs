// ceiling-sse: a bare node:http server that writes one pre-framed message to N open SSE sockets.
// Pre-framed down to the HTTP chunk (`<hex length>\r\n<message>\r\n`, built once per message and
// written as is to every socket), as Mutual's streams write theirs (live/http-chunk.ts): Node's
// chunked encoder would add its own buffers to every write and make the ceiling slower than Mutual.
import { createServer } from 'node:http';
import { serve } from '../lib/rpc.mjs';

let server;
const sockets = new Set();
let sequence = 0;

serve({
  async start() {
    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      // The head and the first chunk go through Node, which then leaves the connection to us.
      res.write('event: ready\ndata: {}\n\n');
      const connection = res.chunkedEncoding ? res.socket : null;
      const stream = { write: (chunk, message) => (connection ? connection.write(chunk) : res.write(message)), destroy: () => res.destroy() };
      sockets.add(stream);
      req.on('close', () => sockets.delete(stream));
    });
    server.maxConnections = 100_000;
    await new Promise((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
    return { url: `http://127.0.0.1:${server.address().port}/stream` };
  },
  subscribers: () => sockets.size,
  /** Writes a message of about the size Mutual sends for a post; answers how long the pass took (ms). */
  publish(marker) {
    const started = performance.now();
    sequence++;
    const message = Buffer.from(`event: group-event\nid: ${sequence}\ndata: ${JSON.stringify({ event: { type: 'post', body: { text: `[fanout ${marker}] ${'x'.repeat(300)}` } } })}\n\n`);
    const chunk = Buffer.concat([Buffer.from(`${message.byteLength.toString(16)}\r\n`), message, Buffer.from('\r\n')]);
    for (const stream of sockets) stream.write(chunk, message);
    return performance.now() - started;
  },
  gc() {
    globalThis.gc?.();
    return process.memoryUsage();
  },
  close: () => {
    for (const stream of sockets) stream.destroy?.();
    return new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  },
});
