import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { isMutualError } from '@mutual/protocol';
import { Webhook } from 'standardwebhooks';
import { eventually } from '../../../../test/support/eventually.js';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';
import type { WebhookPayload } from './payload.js';
import { startTestReceiver } from './test-receiver.js';
import { kyselyOf } from './kysely-of.js';
import { WebhookAdmin } from './webhook-admin.js';
import { WebhookStore } from './webhook-store.js';
import { WebhookWorker } from './webhook-worker.js';

const SPACE = 'acme';
const alice = 'alice@seller.test';
const ivan = 'ivan@buyer.test';
const fast = { retry: { initialMs: 20, maxMs: 80 }, maxAttempts: 3, timeoutMs: 2_000, pollMs: 20 };

const post = (org: TestOrganisation, group: string, author: string, text: string) =>
  org.server.writer.write({ space: SPACE, group: `${SPACE}.${group}`, author, type: 'post', body: { text } });

const rejects = (code: string) => (error: unknown) => isMutualError(error) && error.code === code;

describe('webhooks', () => {
  let seller: TestOrganisation;
  let buyer: TestOrganisation;
  let sellerHooks: WebhookAdmin;
  let buyerHooks: WebhookAdmin;

  before(async () => {
    seller = await startTestOrganisation({ domain: 'seller.test', webhooks: fast });
    buyer = await startTestOrganisation({ domain: 'buyer.test', webhooks: fast });
    await seller.peerWith(buyer);
    await seller.admin.addPerson({ id: alice, name: 'Alice' });
    await buyer.admin.addPerson({ id: ivan, name: 'Ivan' });
    await seller.admin.createSpace({ id: SPACE, name: 'Acme evaluation', buyer: 'buyer.test' });
    for (const slug of ['plan', 'proof', 'internal']) await seller.admin.addMember(`${SPACE}.${slug}`, alice, 'lead');
    for (const slug of ['plan', 'proof', 'contract']) await seller.admin.addMember(`${SPACE}.${slug}`, ivan);
    // Messages on every assertion retried by eventually(): without one, node's assert re-reads and
    // parses the (transpiled, one-line) source to describe each failure, which takes seconds.
    await eventually(async () => assert.ok(await buyer.server.store.getGroup(`${SPACE}.contract`), 'the buyer holds contract'));
    await buyer.admin.createGroup({ id: `${SPACE}.committee`, space: SPACE, kind: 'internal', name: 'Buying committee' });
    await buyer.admin.addMember(`${SPACE}.committee`, ivan, 'lead');
    sellerHooks = new WebhookAdmin(seller.server.store, seller.domain);
    buyerHooks = new WebhookAdmin(buyer.server.store, buyer.domain);
  });

  after(async () => {
    await Promise.all([seller?.close(), buyer?.close()]);
  });

  it('signs every delivery the Standard Webhooks way: the receiver verifies it with the secret, and only that secret', async () => {
    const receiver = await startTestReceiver();
    const { subscription, secret } = await sellerHooks.add({ space: SPACE, group: `${SPACE}.proof`, events: ['post'], url: receiver.url });
    assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    await seller.server.writer.write({ space: SPACE, group: `${SPACE}.proof`, author: alice, type: 'task.created', body: { task: 't-1', title: 'Not a post', status: 'todo' } });
    const written = await post(seller, 'proof', alice, 'Signed and sealed');
    assert.equal(written.status, 'stored');
    await receiver.received(1);

    const [request] = receiver.requests;
    const headers = request!.headers as Record<string, string>;
    assert.equal(headers['content-type'], 'application/json');
    assert.equal(headers['webhook-id'], written.status === 'stored' ? written.stored.event.id : '');
    assert.match(headers['webhook-signature']!, /^v1,[A-Za-z0-9+/]+=*$/);
    const payload = new Webhook(secret).verify(request!.body, headers) as WebhookPayload;
    assert.equal(payload.type, 'post');
    assert.equal(payload.data.group.id, `${SPACE}.proof`);
    assert.deepEqual(payload.data.event.body, { text: 'Signed and sealed' });
    assert.throws(() => new Webhook('whsec_' + Buffer.alloc(32, 7).toString('base64')).verify(request!.body, headers), /signature/i);
    assert.throws(() => new Webhook(secret).verify(request!.body.replace('sealed', 'forged'), headers), /signature/i);

    // The task was not asked for; the secret shows nowhere once given.
    const log = await eventually(async () => {
      const lines = await sellerHooks.deliveries({ subscription: subscription.id });
      assert.deepEqual(lines.map((d) => [d.type, d.status, d.attempts]), [['post', 'delivered', 1]]);
      return lines;
    });
    assert.ok(!JSON.stringify([await sellerHooks.list(), log, await sellerHooks.attempts(log[0]!.id)]).includes(secret.slice(6)));
    await sellerHooks.remove(subscription.id);
    await receiver.close();
  });

  it('gives a receiver that fails twice the event on the third try, the same message each time, and logs every attempt', async () => {
    const flaky = await startTestReceiver([500, 503]);
    const down = await startTestReceiver([500, 500, 500, 500]);
    const ok = await sellerHooks.add({ space: SPACE, events: ['post'], url: flaky.url });
    const failing = await sellerHooks.add({ space: SPACE, events: ['post'], url: down.url });
    await post(seller, 'plan', alice, 'Third time lucky');
    await Promise.all([flaky.received(3), down.received(3)]);

    const ids = new Set(flaky.requests.map((r) => r.headers['webhook-id']));
    assert.equal(ids.size, 1, 'one webhook-id for every retry of one event');
    assert.equal(new Set(flaky.requests.map((r) => r.body)).size, 1, 'the same bytes each time');
    for (const request of flaky.requests) new Webhook(ok.secret).verify(request.body, request.headers as Record<string, string>);

    const [delivered] = await eventually(async () => {
      const log = await sellerHooks.deliveries({ subscription: ok.subscription.id });
      assert.equal(log[0]?.status, 'delivered');
      return log;
    });
    assert.equal(delivered!.attempts, 3);
    assert.deepEqual((await sellerHooks.attempts(delivered!.id)).map((a) => [a.attempt, a.status, a.error]), [
      [1, 500, 'HTTP 500'],
      [2, 503, 'HTTP 503'],
      [3, 200, undefined],
    ]);

    const [failed] = await eventually(async () => {
      const log = await sellerHooks.deliveries({ subscription: failing.subscription.id });
      assert.equal(log[0]?.status, 'failed');
      return log;
    });
    assert.equal(failed!.attempts, 3, 'gives up after maxAttempts');
    assert.equal(failed!.lastError, 'HTTP 500');
    assert.equal(down.requests.length, 3);
    for (const { subscription } of [ok, failing]) await sellerHooks.remove(subscription.id);
    await Promise.all([flaky.close(), down.close()]);
  });

  it('queues deliveries with the event, so none is lost while nothing sends, and each event once per subscription', async () => {
    const receiver = await startTestReceiver();
    const first = await sellerHooks.add({ space: SPACE, events: ['post', 'reply'], url: receiver.url });
    const second = await sellerHooks.add({ space: SPACE, group: `${SPACE}.plan`, url: receiver.url });
    await seller.server.webhooks.stop();
    const written = await post(seller, 'plan', alice, 'Written while the sender is stopped');
    assert.equal(written.status, 'stored');
    const id = written.status === 'stored' ? written.stored.event.id : '';
    const queued = await sellerHooks.deliveries({ status: 'pending' });
    assert.deepEqual(queued.map((d) => d.eventId).sort(), [id, id]);
    // Applying the same event again (a replay) queues nothing more.
    await seller.server.writer.appendDraft({ ...written.stored.event });
    assert.equal((await sellerHooks.deliveries({ status: 'pending' })).length, 2);

    seller.server.webhooks.start();
    await receiver.received(2);
    assert.deepEqual(receiver.requests.map((r) => r.headers['webhook-id']), [id, id], 'the same event is the same webhook-id for both');
    for (const { subscription } of [first, second]) await sellerHooks.remove(subscription.id);
    await receiver.close();
  });

  it('stops without waiting for a slow receiver, and makes the interrupted attempt again later', async () => {
    let hang = true;
    const held: Array<() => void> = [];
    const requests: string[] = [];
    const slow = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        requests.push(String(request.headers['webhook-id']));
        if (hang) held.push(() => response.end());
        else response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const { subscription } = await sellerHooks.add({ space: SPACE, group: `${SPACE}.plan`, events: ['post'], url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/` });
    try {
      await post(seller, 'plan', alice, 'Sent to a receiver that does not answer');
      await eventually(() => assert.equal(requests.length, 1));
      await seller.server.webhooks.stop();
      const [interrupted] = await sellerHooks.deliveries({ subscription: subscription.id });
      assert.deepEqual([interrupted?.status, interrupted?.attempts], ['pending', 0], 'not counted as the receiver failing');
      hang = false;
      seller.server.webhooks.start();
      await eventually(async () => assert.equal((await sellerHooks.deliveries({ subscription: subscription.id }))[0]?.status, 'delivered'), { timeoutMs: 15_000 });
      assert.deepEqual(requests, [requests[0], requests[0]], 'the same message again');
    } finally {
      for (const release of held) release();
      await sellerHooks.remove(subscription.id);
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });

  it('keeps a receiver that hangs from holding up the others: at most four of its deliveries in flight, the rest of the queue goes on', async () => {
    const held: Array<() => void> = [];
    const hanging = createServer((request, response) => {
      request.resume();
      request.on('end', () => held.push(() => response.writeHead(204).end()));
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const receiver = await startTestReceiver();
    const stuck = await sellerHooks.add({ space: SPACE, group: `${SPACE}.proof`, events: ['post'], url: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/` });
    const healthy = await sellerHooks.add({ space: SPACE, group: `${SPACE}.plan`, events: ['post'], url: receiver.url });
    // The organisation's own sender is paused; this one waits a minute for an answer.
    await seller.server.webhooks.stop();
    const sender = new WebhookWorker({ store: new WebhookStore(kyselyOf(seller.server.store)), domain: seller.domain, clock: Date.now, ...fast, timeoutMs: 60_000 });
    try {
      // Thirty deliveries to the hanging receiver are queued before the healthy one's.
      for (let n = 0; n < 30; n++) await post(seller, 'proof', alice, `Backlog ${n}`);
      await post(seller, 'plan', alice, 'For the receiver that answers');
      sender.start();
      await receiver.received(1);
      await eventually(() => assert.equal(held.length, 4, 'four of the hanging receiver\'s deliveries in flight'));
      assert.deepEqual((await sellerHooks.deliveries({ subscription: healthy.subscription.id })).map((d) => d.status), ['delivered']);
      assert.equal(await sender.runOnce(), 0, 'no more while they hang: the pass leaves the busy webhook out');
      assert.equal(held.length, 4);
      for (const release of held.splice(0)) release();
      await eventually(() => assert.equal(held.length, 4, 'the next four once they are answered'));
    } finally {
      for (const release of held) release();
      await sender.stop();
      seller.server.webhooks.start();
      for (const { subscription } of [stuck, healthy]) await sellerHooks.remove(subscription.id);
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
      await receiver.close();
    }
  });

  it('sends each attempt once when two senders share the queue (two processes on one database)', async () => {
    const receiver = await startTestReceiver();
    const { subscription } = await sellerHooks.add({ space: SPACE, group: `${SPACE}.plan`, events: ['post'], url: receiver.url });
    const second = new WebhookWorker({ store: new WebhookStore(kyselyOf(seller.server.store)), domain: seller.domain, clock: Date.now, ...fast });
    second.start();
    try {
      for (let n = 0; n < 12; n++) await post(seller, 'plan', alice, `Concurrent ${n}`);
      await eventually(async () => {
        const log = await sellerHooks.deliveries({ subscription: subscription.id });
        assert.equal(log.length, 12);
        assert.ok(log.every((d) => d.status === 'delivered' && d.attempts === 1), 'all delivered at the first attempt');
      });
      assert.equal(receiver.requests.length, 12, 'no delivery sent twice');
      assert.equal(new Set(receiver.requests.map((r) => r.headers['webhook-id'])).size, 12);
    } finally {
      await second.stop();
      await sellerHooks.remove(subscription.id);
      await receiver.close();
    }
  });

  it("sends an organisation only events of groups its people are in: internal groups to their own organisation's webhooks alone", async () => {
    const sellerReceiver = await startTestReceiver();
    const buyerReceiver = await startTestReceiver();
    const sellerSub = await sellerHooks.add({ space: SPACE, url: sellerReceiver.url, events: ['post'] });
    const buyerSub = await buyerHooks.add({ space: SPACE, url: buyerReceiver.url, events: ['post'] });

    // The seller homes contract but none of its people are in it: its webhooks never carry it.
    const texts = ['Deal desk: floor price agreed', 'Committee: budget ceiling', 'Redlines attached', 'Shared with both companies'];
    await post(seller, 'internal', alice, texts[0]!);
    await post(buyer, 'committee', ivan, texts[1]!);
    await post(buyer, 'contract', ivan, texts[2]!);
    await post(seller, 'proof', alice, texts[3]!);
    const ours = (requests: Array<{ body: string }>) => requests.filter((r) => texts.some((text) => r.body.includes(text)));
    await eventually(() => assert.ok(ours(sellerReceiver.requests).length >= 2 && ours(buyerReceiver.requests).length >= 3, 'both receivers got their posts'));
    // What the buyer's server replicated of earlier tests (plan posts) may arrive too: look at this test's posts.
    const groupsOf = (requests: Array<{ body: string }>) => ours(requests).map((r) => (JSON.parse(r.body) as WebhookPayload).data.group.id).sort();
    assert.deepEqual(groupsOf(sellerReceiver.requests), [`${SPACE}.internal`, `${SPACE}.proof`]);
    assert.deepEqual(groupsOf(buyerReceiver.requests), [`${SPACE}.committee`, `${SPACE}.contract`, `${SPACE}.proof`]);
    const idOf = (requests: typeof sellerReceiver.requests) => requests.find((r) => r.body.includes('Shared with both'))!.headers['webhook-id'];
    assert.equal(idOf(sellerReceiver.requests), idOf(buyerReceiver.requests), 'one event, one webhook-id on both sides');
    // Nothing else is queued or sent for either (the contract post reached the seller's log as an event, not as a delivery).
    assert.ok(await seller.server.store.sealedAfter(`${SPACE}.contract`, 0, 100).then((events) => events.some((e) => e.event.type === 'post')));
    const loggedGroups = async (hooks: WebhookAdmin, subscription: string) => new Set((await hooks.deliveries({ subscription })).map((d) => d.group));
    assert.ok(!(await loggedGroups(sellerHooks, sellerSub.subscription.id)).has(`${SPACE}.contract`));
    assert.ok(!(await loggedGroups(buyerHooks, buyerSub.subscription.id)).has(`${SPACE}.internal`));
    for (const [hooks, { subscription }] of [[sellerHooks, sellerSub], [buyerHooks, buyerSub]] as const) await hooks.remove(subscription.id);
    await Promise.all([sellerReceiver.close(), buyerReceiver.close()]);
  });

  it('refuses a subscription to a space or group this server does not hold, and unsafe URLs or unknown types', async () => {
    const url = 'https://crm.buyer.test/hooks';
    await assert.rejects(buyerHooks.add({ space: 'nowhere', url }), rejects('not_found'));
    await assert.rejects(buyerHooks.add({ space: SPACE, group: `${SPACE}.internal`, url }), rejects('not_found'), "the seller's deal team");
    await assert.rejects(sellerHooks.add({ space: SPACE, group: `${SPACE}.committee`, url }), rejects('not_found'), "the buyer's committee");
    for (const bad of ['http://crm.buyer.test/hooks', 'https://user:pass@crm.buyer.test/hooks', 'ftp://crm.buyer.test', 'not a url']) {
      await assert.rejects(buyerHooks.add({ space: SPACE, url: bad }), rejects('invalid_request'), bad);
    }
    await assert.rejects(buyerHooks.add({ space: SPACE, url, events: ['post', 'gossip' as 'post'] }), rejects('invalid_request'));
    await assert.rejects(sellerHooks.remove('wh_unknown'), rejects('not_found'));
    assert.equal((await buyerHooks.add({ space: SPACE, group: `${SPACE}.committee`, url })).subscription.group, `${SPACE}.committee`);
  });
});
