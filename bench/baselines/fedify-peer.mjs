// peer-fedify: two fedify instances in two processes on loopback; A sends Create(Note) to B.
import { startWorker } from '../lib/rpc.mjs';
import { percentile } from '../lib/stats.mjs';

export async function fedifyPeer() {
  const a = startWorker('baselines/fedify-node.mjs');
  const b = startWorker('baselines/fedify-node.mjs');
  try {
    const [{ url: aUrl }, { url: bUrl }] = await Promise.all([a.call('start'), b.call('start')]);
    await a.call('peer', bUrl);
    await b.call('peer', aUrl);
    // One delivery first: keys fetched and cached, as in a running pair.
    await withTimeout(a.call('latency', 2), 30_000, 'first fedify delivery');
  } catch (error) {
    await Promise.all([a.stop(), b.stop()]);
    throw error;
  }
  return {
    latency: (count) => withTimeout(a.call('latency', count), 120_000, 'fedify latency'),
    throughput: (count, inFlight) => withTimeout(a.call('throughput', count, inFlight), 300_000, 'fedify throughput'),
    close: () => Promise.all([a.stop(), b.stop()]),
    percentile,
  };
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}
