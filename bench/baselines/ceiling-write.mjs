// ceiling-write: the least a durable, signed post can cost on this machine. A bare node:http server
// that parses the post, hashes and signs it (Ed25519, one signature per event, as Mutual's events
// are), inserts it into SQLite (WAL, synchronous=FULL) in a group commit (every post that arrived
// in one turn of the event loop shares one transaction) and answers 201 after the commit.
// No token, no validation, no membership, no projection, no outbox: what api-write is read against.
import { createServer } from 'node:http';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { serve } from '../lib/rpc.mjs';

let server;
let folder;

serve({
  /** `signed: false` leaves the signature out, to show what it costs. */
  async start({ signed = true } = {}) {
    folder = mkdtempSync(join(tmpdir(), 'ceiling-write-'));
    const db = new SQLite(join(folder, 'write.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('create table events (seq integer primary key, id text not null unique, body text not null, proof text)');
    const insert = db.prepare('insert into events (id, body, proof) values (?, ?, ?)');
    const { privateKey } = generateKeyPairSync('ed25519');
    let seq = Number(db.prepare('select coalesce(max(seq), 0) as seq from events').get().seq);
    let waiting = [];
    const commit = db.transaction((events) => {
      for (const event of events) insert.run(event.id, event.body, event.proof);
    });
    const flush = () => {
      const batch = waiting;
      waiting = [];
      commit(batch);
      for (const { res, answer } of batch) res.writeHead(201, { 'content-type': 'application/json' }).end(answer);
    };
    server = createServer((req, res) => {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        const { text } = JSON.parse(Buffer.concat(chunks).toString());
        const event = { seq: ++seq, group: req.url, type: 'post.created', text, at: new Date().toISOString() };
        const body = JSON.stringify(event);
        const id = createHash('sha256').update(body).digest('base64url');
        const proof = signed ? sign(null, Buffer.from(id), privateKey).toString('base64url') : null;
        if (!waiting.length) setImmediate(flush);
        waiting.push({ res, id, body, proof, answer: JSON.stringify({ id, ...event }) });
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${server.address().port}` };
  },
  async close() {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    if (folder) rmSync(folder, { recursive: true, force: true });
  },
});
