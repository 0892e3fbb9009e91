// The buyer's server is killed with SIGKILL in the middle of a stream of writes. After a restart,
// every write it acknowledged reaches the seller exactly once in effect, and both servers end with
// identical logs. Both servers are separate processes run by the `mutual` CLI.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { logDigest } from '../support/database.js';
import { eventually } from '../support/eventually.js';
import { freePort } from '../support/free-port.js';
import { ServerProcess } from '../support/server-process.js';

const PROOF = 'acme.proof';

describe('a member server killed mid-stream', () => {
  const folder = mkdtempSync(join(tmpdir(), 'mutual-crash-'));
  let seller: ServerProcess;
  let buyer: ServerProcess;

  before(async () => {
    seller = await ServerProcess.create('seller.test', folder, await freePort());
    buyer = await ServerProcess.create('buyer.test', folder, await freePort());
    await Promise.all([seller.start(), buyer.start()]);
    const invitation = (await seller.admin('peer', 'invite')).trim();
    assert.match(await buyer.admin('peer', 'accept', '--invitation', invitation), /peered with seller\.test/);
    assert.match(await seller.admin('peer', 'list'), /buyer\.test/);
    await seller.admin('space', 'create', '--id', 'acme', '--name', 'Acme', '--buyer', 'buyer.test');
    await seller.admin('person', 'add', '--id', 'sam@seller.test', '--name', 'Sam');
    await buyer.admin('person', 'add', '--id', 'ivan@buyer.test', '--name', 'Ivan');
    await seller.admin('member', 'add', '--group', PROOF, '--person', 'sam@seller.test');
    await seller.admin('member', 'add', '--group', PROOF, '--person', 'ivan@buyer.test');
    // The running seller notices the CLI's outbox items and delivers the group to the buyer.
    await eventually(async () => {
      const response = await fetch(`${buyer.url}/api/groups/${PROOF}/posts`, { headers: { Authorization: `Bearer ${await buyer.token('ivan@buyer.test')}` } });
      assert.equal(response.status, 200);
    });
  });

  after(async () => {
    await Promise.all([seller?.stop(), buyer?.stop()]);
    rmSync(folder, { recursive: true, force: true });
  });

  it('delivers every acknowledged write exactly once after a restart, and both logs end identical', async () => {
    const token = await buyer.token('ivan@buyer.test');
    const acknowledged: string[] = [];
    const attempted: string[] = [];
    let killed = false;
    const write = async (n: number) => {
      const clientId = `crash-write-${String(n).padStart(4, '0')}`;
      attempted.push(clientId);
      try {
        const response = await fetch(`${buyer.url}/api/groups/${PROOF}/posts`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ text: `measurement ${n}`, clientId }),
        });
        if (response.status === 202) acknowledged.push(clientId);
      } catch {
        // The process died under this request: it was never acknowledged.
      }
    };
    // Four writers in flight; the buyer is killed once 40 writes were acknowledged.
    let next = 0;
    const writer = async () => {
      while (!killed && next < 400) {
        await write(next++);
        if (acknowledged.length >= 40 && !killed) {
          killed = true;
          await buyer.kill();
        }
      }
    };
    await Promise.all([writer(), writer(), writer(), writer()]);
    assert.ok(killed, 'the buyer was killed mid-stream');
    assert.ok(acknowledged.length >= 40);

    await buyer.start();
    const sellerDb = join(folder, 'seller.test.db');
    const buyerDb = join(folder, 'buyer.test.db');
    const countsOnSeller = () => {
      const db = new Database(sellerDb, { readonly: true });
      try {
        const rows = db.prepare("select client_id as c, count(*) as n from events where group_id = ? and type = 'post' group by client_id").all(PROOF) as Array<{ c: string; n: number }>;
        return new Map(rows.map((row) => [row.c, row.n]));
      } finally {
        db.close();
      }
    };
    await eventually(() => {
      const counts = countsOnSeller();
      for (const clientId of acknowledged) assert.equal(counts.get(clientId), 1, `${clientId} on the seller`);
    }, { timeoutMs: 30_000 });
    const counts = countsOnSeller();
    for (const [clientId, n] of counts) {
      assert.equal(n, 1, `${clientId} applied once`);
      assert.ok(attempted.includes(clientId), `${clientId} was written by the test`);
    }
    await eventually(() => assert.deepEqual(logDigest(buyerDb, PROOF), logDigest(sellerDb, PROOF)), { timeoutMs: 30_000 });
    assert.ok(logDigest(sellerDb, PROOF).count >= acknowledged.length);
  });

  it('stops all traffic once the seller disconnects the buyer', async () => {
    assert.match(await seller.admin('peer', 'disconnect', '--domain', 'buyer.test'), /disconnected from buyer\.test/);
    assert.doesNotMatch(await seller.admin('peer', 'list'), /buyer\.test/);
    const response = await fetch(`${buyer.url}/api/groups/${PROOF}/posts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await buyer.token('ivan@buyer.test')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'after the disconnect', clientId: 'after-disconnect-1' }),
    });
    assert.equal(response.status, 202);
    // The buyer keeps it queued: the seller now answers 401 (not a peer) to everything it sends.
    await eventually(async () => assert.match(await buyer.admin('peer', 'list'), /queued 1 .*last error: .*401/), { timeoutMs: 15_000 });
    const db = new Database(join(folder, 'seller.test.db'), { readonly: true });
    try {
      assert.equal((db.prepare("select count(*) as n from events where client_id = 'after-disconnect-1'").get() as { n: number }).n, 0);
    } finally {
      db.close();
    }
  });
});
