import { describe } from 'node:test';
import { openPostgresStore } from './postgres.js';
import { describeOutboxLeaseConformance } from './outbox-lease-conformance.js';
import { describeReplayRecordConformance } from './replay-record-conformance.js';
import { describeStoreConformance } from './store-conformance.js';

const url = process.env.DATABASE_URL;
let schemas = 0;

if (url) {
  // Each test gets a fresh schema in the one test database.
  const run = `t${process.pid}_${Date.now().toString(36)}`;
  describeStoreConformance('PostgreSQL', () => openPostgresStore({ url, schema: `${run}_${++schemas}`, max: 5 }));
  describeReplayRecordConformance('PostgreSQL', () => openPostgresStore({ url, schema: `${run}_${++schemas}`, max: 5 }));
  describeOutboxLeaseConformance('PostgreSQL', () => openPostgresStore({ url, schema: `${run}_${++schemas}`, max: 5 }));
} else {
  describe('store conformance: PostgreSQL', { skip: 'DATABASE_URL is not set: run `npm run test:pg`, which starts a throwaway PostgreSQL' }, () => {});
}
