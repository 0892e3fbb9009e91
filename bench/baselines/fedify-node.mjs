// One @fedify/fedify 1.5 instance (in-memory KV and queue, as its docs start you) with one actor,
// served on loopback by node:http. Two of these, in two processes, are `peer-fedify`: what a
// TypeScript team would reach for to federate. Deliveries are real: HTTP Signatures (RSA) and
// Object Integrity Proofs (Ed25519), the sender's key fetched and verified by the receiver.
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { createFederation, generateCryptoKeyPair, InProcessMessageQueue, MemoryKvStore } from '@fedify/fedify';
import { Create, Note, Person } from '@fedify/fedify/vocab';
import { serve } from '../lib/rpc.mjs';

let server;
let origin;
let peer;
const received = new Map();
let receivedCount = 0;
let onReceived = () => {};
const keyPairs = [await generateCryptoKeyPair('RSASSA-PKCS1-v1_5'), await generateCryptoKeyPair('Ed25519')];

const federation = createFederation({ kv: new MemoryKvStore(), queue: new InProcessMessageQueue(), allowPrivateAddress: true });
federation
  .setActorDispatcher('/users/{identifier}', async (ctx, identifier) => {
    if (identifier !== 'user') return null;
    const keys = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      inbox: ctx.getInboxUri(identifier),
      publicKey: keys[0].cryptographicKey,
      assertionMethods: keys.map((key) => key.multikey),
    });
  })
  .setKeyPairsDispatcher((_ctx, identifier) => (identifier === 'user' ? keyPairs : []));
federation.setInboxListeners('/users/{identifier}/inbox', '/inbox').on(Create, async (_ctx, create) => {
  const note = await create.getObject();
  const marker = /\[fedify (\d+)\]/.exec(String(note?.content ?? ''))?.[1];
  receivedCount++;
  onReceived(marker);
});

serve({
  async start() {
    server = createServer(async (req, res) => {
      const url = new URL(req.url, origin);
      if (req.method === 'POST' && url.pathname.startsWith('/ack/')) {
        // The receiver tells the sender "it arrived" (a bare loopback POST, not counted as fedify's).
        const marker = url.pathname.slice(5);
        received.get(marker)?.();
        received.delete(marker);
        req.resume();
        res.writeHead(204).end();
        return;
      }
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Readable.toWeb(req);
      const request = new Request(url, { method: req.method, headers: req.headers, body, duplex: 'half' });
      const response = await federation.fetch(request, { contextData: undefined });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
    return { url: origin };
  },
  peer(url) {
    peer = url;
    // As receiver: acknowledge every marked note to the sender.
    onReceived = (marker) => {
      if (marker) fetch(`${peer}/ack/${marker}`, { method: 'POST' }).catch(() => {});
    };
  },
  /** One Create(Note) at a time, from send to the receiver's inbox listener: ms each. */
  async latency(count) {
    const samples = [];
    for (let i = 0; i < count; i++) {
      const marker = `${Date.now()}${i}`;
      const arrived = new Promise((resolve) => received.set(marker, resolve));
      const started = performance.now();
      await send(marker);
      await arrived;
      samples.push(performance.now() - started);
    }
    return samples;
  },
  /** `count` activities sent `inFlight` at a time; resolves when the receiver has all: per second. */
  async throughput(count, inFlight) {
    const started = performance.now();
    let next = 0;
    const arrivals = [];
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < count) {
          const marker = `${Date.now()}${next++}`;
          arrivals.push(new Promise((resolve) => received.set(marker, resolve)));
          await send(marker);
        }
      }),
    );
    await Promise.all(arrivals);
    return count / ((performance.now() - started) / 1000);
  },
  received: () => receivedCount,
  close: () => new Promise((resolve) => (server ? server.close(resolve) : resolve())),
});

async function send(marker) {
  const ctx = federation.createContext(new URL(origin), undefined);
  const sender = ctx.getActorUri('user');
  const recipient = { id: new URL(`${peer}/users/user`), inboxId: new URL(`${peer}/users/user/inbox`) };
  const id = new URL(`${origin}/notes/${marker}`);
  await ctx.sendActivity(
    { identifier: 'user' },
    recipient,
    new Create({ id: new URL(`${id}#create`), actor: sender, to: recipient.id, object: new Note({ id, attribution: sender, to: recipient.id, content: `Is the SSO plan signed off? [fedify ${marker}]` }) }),
  );
}
