// The long variant of test/security/fault-proxy.test.ts: 10,000 events both ways through the
// fault-injecting proxies, then identical logs, nothing lost, nothing applied twice.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FAULTS, flowBothWays, startTwoWay, type TwoWay } from '../security/support/two-way-flow.js';

describe('soak: faults on the wire, both ways', () => {
  let t: TwoWay;
  before(async () => {
    t = await startTwoWay();
  });
  after(() => t?.close());

  it('converges after 10,000 events both ways through faults', { timeout: 1_800_000 }, async () => {
    const counts = await flowBothWays(t, 10_000, FAULTS, { settleMs: 600_000 });
    console.log(`faults applied: seller ${JSON.stringify(counts.seller)}, buyer ${JSON.stringify(counts.buyer)}`);
    for (const side of [counts.seller, counts.buyer]) assert.ok(side.drop + side.cutRequest + side.cutResponse + side.answer500 + side.duplicate >= 10, JSON.stringify(side));
  });

  it('converges after a long partition with writes on both sides', { timeout: 600_000 }, async () => {
    await flowBothWays(t, 1_000, { partition: true }, { settleMs: 300_000 });
  });
});
