// Three seller processes on one PostgreSQL behind a load balancer, and one buyer process.
// Concurrent posts through all of them, live subscribers on each, one seller process killed
// with SIGKILL midway: every acknowledged post is seen exactly once by every surviving
// subscriber and delivered exactly once to the buyer; sequence numbers stay gap-free.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { SseClient } from '@mutual/server/testing/sse-client';
import { eventually } from '../support/eventually.js';
import { freePort } from '../support/free-port.js';
import { ServerProcess } from '../support/server-process.js';
import { startBalancer } from '../support/tcp-balancer.js';

const url = process.env.DATABASE_URL;
const PROOF = 'acme.proof';

describe('several seller processes on one PostgreSQL', { skip: url ? false : 'DATABASE_URL is not set: run `npm run test:pg`' }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'mutual-scale-'));
  const schema = `scale_${process.pid}_${Date.now().toString(36)}`;
  let sellers: ServerProcess[] = [];
  let buyer: ServerProcess;
  let balancer: { url: string; close(): Promise<void> };
  const streams: SseClient[] = [];

  before(async () => {
    const ports = [await freePort(), await freePort(), await freePort()];
    balancer = await startBalancer(ports);
    const first = await ServerProcess.create('seller.test', folder, ports[0]!, { name: 'seller-1', origin: balancer.url, database: { url, schema } });
    sellers = [first];
    for (const [i, port] of ports.slice(1).entries()) {
      sellers.push(await ServerProcess.create('seller.test', folder, port, { name: `seller-${i + 2}`, origin: balancer.url, database: { url, schema }, hostKeys: first.hostKeys }));
    }
    buyer = await ServerProcess.create('buyer.test', folder, await freePort());
    await sellers[0]!.start();
    await Promise.all([...sellers.slice(1).map((s) => s.start()), buyer.start()]);
    await buyer.admin('peer', 'accept', '--invitation', (await sellers[0]!.admin('peer', 'invite')).trim());
    const seller = sellers[0]!;
    await seller.admin('space', 'create', '--id', 'acme', '--name', 'Acme', '--buyer', 'buyer.test');
    await seller.admin('person', 'add', '--id', 'sam@seller.test', '--name', 'Sam');
    await buyer.admin('person', 'add', '--id', 'ivan@buyer.test', '--name', 'Ivan');
    await seller.admin('member', 'add', '--group', PROOF, '--person', 'sam@seller.test');
    await seller.admin('member', 'add', '--group', PROOF, '--person', 'ivan@buyer.test');
    await eventually(async () => {
      const response = await fetch(`${buyer.url}/api/groups/${PROOF}/posts`, { headers: { Authorization: `Bearer ${await buyer.token('ivan@buyer.test')}` } });
      assert.equal(response.status, 200);
    }, { timeoutMs: 20_000 });
  });

  after(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await Promise.all([...sellers.map((s) => s.stop()), buyer?.stop()]);
    await balancer?.close();
    if (url) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
    rmSync(folder, { recursive: true, force: true });
  });

  it('loses nothing and repeats nothing when a process dies mid-burst', async () => {
    const token = await sellers[0]!.token('sam@seller.test');
    for (const seller of sellers) {
      const client = await SseClient.open(`${seller.url}/api/spaces/acme/stream`, { Authorization: `Bearer ${token}` });
      streams.push(client);
      await client.next((m) => m.event === 'ready');
    }
    const buyerStream = await SseClient.open(`${buyer.url}/api/spaces/acme/stream`, { Authorization: `Bearer ${await buyer.token('ivan@buyer.test')}` });
    streams.push(buyerStream);
    await buyerStream.next((m) => m.event === 'ready');

    const acknowledged = new Map<string, string>(); // clientId → event id
    let killed = false;
    const writer = async (process: number) => {
      for (let n = 0; n < 40; n++) {
        if (process === 1 && killed) return;
        const clientId = `p${process}-post-${String(n).padStart(3, '0')}`;
        try {
          const response = await fetch(`${sellers[process]!.url}/api/groups/${PROOF}/posts`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ text: `reading ${clientId}`, clientId }),
          });
          if (response.status === 201) acknowledged.set(clientId, ((await response.json()) as { id: string }).id);
        } catch {
          // The process died under this request: not acknowledged.
        }
        if (process === 0 && n === 15 && !killed) {
          killed = true;
          await sellers[1]!.kill();
        }
      }
    };
    await Promise.all([writer(0), writer(1), writer(2)]);
    assert.ok(killed);
    assert.ok(acknowledged.size >= 80, `${acknowledged.size} acknowledged`);

    // Every surviving subscriber, on either surviving process, sees each acknowledged post once.
    for (const client of [streams[0]!, streams[2]!]) {
      await eventually(() => {
        const ids = client.groupEvents<{ event: { id: string } }>().map((m) => m.event.id);
        for (const id of acknowledged.values()) assert.equal(ids.filter((x) => x === id).length, 1);
      }, { timeoutMs: 20_000 });
    }

    // The group's log: gap-free, each acknowledged post once, and the buyer holds the same log.
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    let sellerLog: Array<{ seq: number; id: string }>;
    try {
      sellerLog = (await db.query(`select seq, id from ${schema}.events where group_id = $1 order by seq`, [PROOF])).rows.map((r) => ({ seq: Number(r.seq), id: r.id }));
    } finally {
      await db.end();
    }
    assert.deepEqual(sellerLog.map((r) => r.seq), sellerLog.map((_, i) => i + 1), 'gap-free and unique');
    for (const id of acknowledged.values()) assert.equal(sellerLog.filter((r) => r.id === id).length, 1);
    await eventually(() => {
      const buyerDb = new Database(join(folder, 'buyer.test.db'), { readonly: true });
      try {
        const rows = buyerDb.prepare('select seq, id from events where group_id = ? order by seq').all(PROOF) as Array<{ seq: number; id: string }>;
        assert.deepEqual(rows, sellerLog, 'the buyer holds exactly the seller’s log');
      } finally {
        buyerDb.close();
      }
    }, { timeoutMs: 30_000 });
    // The buyer's live subscriber is told once the buyer's server has applied each event.
    await eventually(() => {
      const ivanSaw = buyerStream.groupEvents<{ event: { id: string } }>().map((m) => m.event.id);
      for (const id of acknowledged.values()) assert.equal(ivanSaw.filter((x) => x === id).length, 1, 'the buyer’s subscriber, once');
    }, { timeoutMs: 20_000 });
  });
});
