import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RequestRecord } from './request-record.js';
import type { Store } from './store.js';

const AT = '2027-01-01T10:00:00.000Z';
const NOW = Date.parse(AT);

/**
 * A server request's replay record is stored in the transaction of the write it authorises
 * (AppendOptions.request, applyReplicatedInOrder's `request`): stored exactly when that write
 * is, and a replay writes nothing. Run by the SQLite and PostgreSQL store tests alike.
 */
export function describeReplayRecordConformance(name: string, openStore: () => Promise<Store>) {
  async function withGroups(work: (store: Store) => Promise<void>) {
    const store = await openStore();
    try {
      await store.createSpace({ id: 's1', name: 'S1', seller: 'seller.test', buyer: 'buyer.test', stage: 'evaluation' }, AT);
      await store.createGroup({ id: 'home', space: 's1', kind: 'workstream', workstream: 'proof', name: 'home', home: 'seller.test' }, AT);
      await store.createGroup({ id: 'copy', space: 's1', kind: 'workstream', workstream: 'contract', name: 'copy', home: 'buyer.test' }, AT);
      await work(store);
    } finally {
      await store.close();
    }
  }
  let ids = 0;
  const request = (): RequestRecord => ({ issuer: 'https://buyer.test', jti: `jti-${++ids}`, expiresAt: NOW + 60_000, now: NOW });
  const draft = (text: string) => ({ space: 's1', group: 'home', type: 'post' as const, author: 'sam@buyer.test', at: AT, body: { text } });
  const replayed = (error: unknown) => (error as { code?: string }).code === 'token_replayed';

  describe(`replay records with their write: ${name}`, () => {
    it('stores the request with the append, and refuses a replay of it without appending', async () => {
      await withGroups(async (store) => {
        const first = request();
        assert.equal(await store.peers.requestSeen(first.issuer, first.jti, NOW), false);
        await store.append(draft('first'), { request: first });
        assert.equal(await store.peers.requestSeen(first.issuer, first.jti, NOW), true);
        await assert.rejects(store.append(draft('second'), { request: first }), replayed);
        assert.deepEqual((await store.sealedAfter('home', 0, 10)).map(({ event }) => event.body), [{ text: 'first' }]);
        assert.equal(await store.peers.rememberRequest(first.issuer, first.jti, first.expiresAt, NOW), false, 'as if remembered alone');
      });
    });

    it('lets one of two appends carrying the same request through when they run at once', async () => {
      await withGroups(async (store) => {
        const same = request();
        const outcomes = await Promise.allSettled([store.append(draft('a'), { request: same }), store.append(draft('b'), { request: same })]);
        assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
        assert.ok(outcomes.some((o) => o.status === 'rejected' && replayed(o.reason)));
        assert.equal(await store.lastSeq('home'), 1);
      });
    });

    it('stores a delivery’s request with its events, and applies nothing of a replay', async () => {
      await withGroups(async (store) => {
        const event = (seq: number) => ({ event: { id: `e${seq}`, space: 's1', group: 'copy', seq, type: 'post', author: 'sam@buyer.test', at: AT, body: { text: `r${seq}` } }, proof: 'p' }) as never;
        const delivery = request();
        const outcomes = await store.applyReplicatedInOrder([event(1), event(2)], delivery);
        assert.deepEqual(outcomes.map((o) => o.outcome), ['applied', 'applied']);
        assert.equal(await store.peers.requestSeen(delivery.issuer, delivery.jti, NOW), true);
        await assert.rejects(store.applyReplicatedInOrder([event(3)], delivery), replayed);
        assert.equal(await store.lastSeq('copy'), 2);
        // A request that carries no event is still remembered.
        const empty = request();
        assert.deepEqual(await store.applyReplicatedInOrder([], empty), []);
        assert.equal(await store.peers.requestSeen(empty.issuer, empty.jti, NOW), true);
      });
    });

    it('forgets an expired request id', async () => {
      await withGroups(async (store) => {
        const old = { ...request(), expiresAt: NOW - 1 };
        assert.equal(await store.peers.rememberRequest(old.issuer, old.jti, old.expiresAt, NOW - 10), true);
        assert.equal(await store.peers.requestSeen(old.issuer, old.jti, NOW), false, 'expired ids are not seen');
        await store.peers.forgetExpiredRequests(NOW);
        assert.equal(await store.peers.requestSeen(old.issuer, old.jti, NOW - 10), false, 'and are deleted');
        const live = request();
        await store.append(draft('later'), { request: live });
        await store.peers.forgetExpiredRequests(NOW);
        assert.equal(await store.peers.requestSeen(live.issuer, live.jti, NOW), true, 'a live one stays');
      });
    });
  });
}
