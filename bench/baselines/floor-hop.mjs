// floor-hop: the least a federation hop can cost. Process A (this worker, role "sender") POSTs a
// 1 KB Ed25519-signed event to process B (role "receiver"), which verifies the signature, appends
// it to SQLite (WAL, synchronous=FULL, one transaction per event) and answers.
import { createServer, request as httpRequest, Agent } from 'node:http';
import { generateKeyPairSync, sign, verify, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { serve } from '../lib/rpc.mjs';

let server;
let folder;
let keys;
let target;
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

serve({
  /** Receiver: listens; trusts the sender's public key (pinned, as peers are). */
  async listen(publicKeyPem) {
    folder = mkdtempSync(join(tmpdir(), 'floor-hop-'));
    const db = new SQLite(join(folder, 'hop.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('create table events (id integer primary key, body text not null, signature text not null)');
    const insert = db.prepare('insert into events (body, signature) values (?, ?)');
    const publicKey = createPublicKey(publicKeyPem);
    server = createServer((req, res) => {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const signature = Buffer.from(req.headers['x-signature'] ?? '', 'base64url');
        if (!verify(null, body, publicKey, signature)) {
          res.writeHead(401).end();
          return;
        }
        const { lastInsertRowid } = insert.run(body.toString(), signature.toString('base64url'));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ seq: Number(lastInsertRowid) }));
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${server.address().port}` };
  },
  /** Sender: makes its key pair, returns the public half. */
  keys() {
    keys = generateKeyPairSync('ed25519');
    return keys.publicKey.export({ type: 'spki', format: 'pem' });
  },
  target(url) {
    target = new URL(url);
  },
  /** One event at a time: latency of each hop, in ms. */
  async latency(count) {
    const samples = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await send(i);
      samples.push(performance.now() - started);
    }
    return samples;
  },
  /** `count` events, `inFlight` at a time, all acknowledged: events per second. */
  async throughput(count, inFlight) {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < count) await send(next++);
      }),
    );
    return count / ((performance.now() - started) / 1000);
  },
  async close() {
    agent.destroy();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    if (folder) rmSync(folder, { recursive: true, force: true });
  },
});

function send(i) {
  // About 1 KB of event, as a Mutual post with its envelope is.
  const body = Buffer.from(JSON.stringify({ type: 'post', group: 'acme.plan', author: 'sofia@buyer.test', at: new Date().toISOString(), seq: i, text: 'x'.repeat(860) }));
  const signature = sign(null, body, keys.privateKey).toString('base64url');
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { agent, host: target.hostname, port: target.port, method: 'POST', path: '/events', headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-signature': signature } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`hop answered ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
