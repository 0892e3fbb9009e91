import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openSqliteStore } from './sqlite.js';
import { describeOutboxLeaseConformance } from './outbox-lease-conformance.js';
import { describeReplayRecordConformance } from './replay-record-conformance.js';
import { describeStoreConformance } from './store-conformance.js';

const folder = mkdtempSync(join(tmpdir(), 'mutual-sqlite-'));
after(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;

describeStoreConformance('SQLite', () => openSqliteStore(join(folder, `store-${++files}.db`)));
describeReplayRecordConformance('SQLite', () => openSqliteStore(join(folder, `store-${++files}.db`)));
describeOutboxLeaseConformance('SQLite', () => openSqliteStore(join(folder, `store-${++files}.db`)));

describe('SQLite file', () => {
  it('keeps what was written across a close and reopen, and migrates once', async () => {
    const file = join(folder, 'durable.db');
    const first = await openSqliteStore(file);
    await first.createSpace({ id: 's', name: 'S', seller: 'seller.test', buyer: 'buyer.test', stage: 'evaluation' }, '2027-01-01T00:00:00.000Z');
    await first.close();
    const second = await openSqliteStore(file);
    assert.equal((await second.getSpace('s'))?.name, 'S');
    await second.close();
  });
});
