// A client in its own process: posts through one server's API and watches another server's
// live stream, timing each post from send to arrival (one clock, one process).
import { Agent, request } from 'node:http';
import { openSse } from './sse.mjs';
import { serve } from './rpc.mjs';

const agent = new Agent({ keepAlive: true, maxSockets: 64 });
let stream;
const waiting = new Map();
let received = 0;

serve({
  async subscribe(url, token) {
    let ready;
    const isReady = new Promise((resolve) => (ready = resolve));
    stream = await openSse(url, token, (message) => {
      if (message.event === 'ready') ready();
      if (message.event !== 'group-event') return;
      received++;
      const marker = /\[probe (\d+)\]/.exec(message.data)?.[1];
      const resolve = marker && waiting.get(marker);
      if (resolve) {
        waiting.delete(marker);
        resolve(performance.now());
      }
    });
    await isReady;
  },
  /** One post at a time through `postUrl`, each awaited on the stream: latencies in ms. */
  async latency(postUrl, token, count, timeoutMs = 10_000) {
    const samples = [];
    for (let i = 0; i < count; i++) {
      const marker = `${process.pid}${i}`;
      const arrived = new Promise((resolve, reject) => {
        waiting.set(marker, resolve);
        setTimeout(() => reject(new Error(`post ${i} did not arrive within ${timeoutMs} ms`)), timeoutMs).unref();
      });
      const started = performance.now();
      const status = await post(postUrl, token, `Is the SSO plan signed off? [probe ${marker}]`);
      if (status !== 201 && status !== 202) throw new Error(`post answered ${status}`);
      samples.push((await arrived) - started);
    }
    return samples;
  },
  /** `count` posts, `inFlight` at a time, each acknowledged by the API. */
  async posts(postUrl, tokens, count, inFlight) {
    let next = 0;
    const statuses = {};
    await Promise.all(
      Array.from({ length: inFlight }, async (_, worker) => {
        while (next < count) {
          const i = next++;
          const status = await post(postUrl, tokens[worker % tokens.length], `Throughput post ${i} ${'x'.repeat(400)}`);
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
      }),
    );
    return statuses;
  },
  received: () => received,
  close() {
    stream?.close();
    agent.destroy();
  },
});

function post(url, token, text) {
  const target = new URL(url);
  const body = JSON.stringify({ text });
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
