// cross-org-latency and cross-org-throughput: two companies' Mutual servers on loopback, against
// floor-hop (the least a signed, durable hop can cost) and, when it runs, peer-fedify.
import { startWorker } from '../lib/rpc.mjs';
import { ANA, SOFIA, caughtUp, twoCompanies } from '../lib/federation.mjs';
import { medians, percentile, round } from '../lib/stats.mjs';
import { goalResult } from '../lib/report.mjs';
import { fedifyPeer } from '../baselines/fedify-peer.mjs';

async function floorHop() {
  const sender = startWorker('baselines/floor-hop.mjs');
  const receiver = startWorker('baselines/floor-hop.mjs');
  const { url } = await receiver.call('listen', await sender.call('keys'));
  await sender.call('target', url);
  return { sender, close: () => Promise.all([sender.stop(), receiver.stop()]) };
}

const latencyFigures = (samples) => ({ p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99) });

export async function crossOrgLatency({ rounds, quick, log }) {
  const perRound = quick ? 30 : 100;
  const companies = await twoCompanies();
  const hop = await floorHop();
  const probe = startWorker('lib/probe-worker.mjs');
  const fedify = await fedifyPeer().catch((error) => ({ error }));
  try {
    const [anaToken] = await companies.seller.call('tokens', [ANA]);
    const [sofiaToken] = await companies.buyer.call('tokens', [SOFIA]);
    await probe.call('subscribe', `${companies.seller.url}/api/spaces/acme/stream`, anaToken);
    const postUrl = `${companies.buyer.url}/api/groups/acme.proof/posts`;
    // Warm-up of both paths.
    await hop.sender.call('latency', 20);
    await probe.call('latency', postUrl, sofiaToken, 10);
    const base = [];
    const mine = [];
    const peer = [];
    for (let i = 0; i < rounds; i++) {
      base.push(latencyFigures(await hop.sender.call('latency', perRound)));
      mine.push(latencyFigures(await probe.call('latency', postUrl, sofiaToken, perRound)));
      if (!fedify.error) peer.push(latencyFigures(await fedify.latency(quick ? 10 : 20)));
      log(`  round ${i + 1}: floor-hop p50 ${round(base.at(-1).p50Ms)} ms, mutual p50 ${round(mine.at(-1).p50Ms)} p99 ${round(mine.at(-1).p99Ms)} ms${peer.length ? `, fedify p50 ${round(peer.at(-1).p50Ms)} ms` : ''}`);
    }
    const figures = medians(mine);
    const baseline = medians(base);
    const fedifyFigures = peer.length ? medians(peer) : null;
    const ratio = { p50: round(figures.p50Ms / baseline.p50Ms), p99: round(figures.p99Ms / baseline.p99Ms), ...(fedifyFigures && { p50VsFedify: round(figures.p50Ms / fedifyFigures.p50Ms, 4) }) };
    const met = ratio.p50 <= 3 && ratio.p99 <= 5 && (fedifyFigures ? ratio.p50VsFedify <= 1 / 20 : false);
    return goalResult({
      name: 'cross-org-latency',
      figures: { ...figures, samplesPerRound: perRound, path: "buyer API (202) → buyer outbox → seller submit → seller log → seller's SSE subscriber" },
      baseline: { 'floor-hop': baseline, 'peer-fedify': fedifyFigures ?? { error: String(fedify.error?.message ?? fedify.error) } },
      baselineName: 'floor-hop, peer-fedify',
      ratio,
      goal: 'p50 ≤ 3× and p99 ≤ 5× floor-hop; p50 ≤ 1/20 of peer-fedify',
      met,
    });
  } finally {
    await Promise.all([companies.close(), hop.close(), probe.stop(), fedify.close?.()]);
  }
}

export async function crossOrgThroughput({ rounds, quick, log }) {
  const count = quick ? 400 : 1500;
  const companies = await twoCompanies();
  const hop = await floorHop();
  const probe = startWorker('lib/probe-worker.mjs');
  const fedify = await fedifyPeer().catch((error) => ({ error }));
  try {
    const [anaToken] = await companies.seller.call('tokens', [ANA]);
    const postUrl = `${companies.seller.url}/api/groups/acme.proof/posts`;
    const mutualRun = async (n) => {
      const before = await companies.seller.call('lastSeq', 'acme.proof');
      const started = performance.now();
      const statuses = await probe.call('posts', postUrl, [anaToken], n, 16);
      if (statuses[201] !== n) throw new Error(`posts answered ${JSON.stringify(statuses)}`);
      await caughtUp(companies.seller, companies.buyer, 'acme.proof', 120_000, before + n);
      return n / ((performance.now() - started) / 1000);
    };
    await hop.sender.call('throughput', 200, 16);
    await mutualRun(100);
    const base = [];
    const mine = [];
    const peer = [];
    for (let i = 0; i < rounds; i++) {
      base.push({ eventsPerSecond: await hop.sender.call('throughput', count, 16) });
      mine.push({ eventsPerSecond: await mutualRun(count) });
      if (!fedify.error) peer.push({ eventsPerSecond: await fedify.throughput(quick ? 100 : 200, 16) });
      log(`  round ${i + 1}: floor-hop ${Math.round(base.at(-1).eventsPerSecond)} ev/s, mutual ${Math.round(mine.at(-1).eventsPerSecond)} ev/s${peer.length ? `, fedify ${round(peer.at(-1).eventsPerSecond)} ev/s` : ''}`);
    }
    const figures = medians(mine);
    const baseline = medians(base);
    const fedifyFigures = peer.length ? medians(peer) : null;
    const ratio = { floorHop: round(figures.eventsPerSecond / baseline.eventsPerSecond), ...(fedifyFigures && { fedify: round(figures.eventsPerSecond / fedifyFigures.eventsPerSecond) }) };
    const met = ratio.floorHop >= 2 && (fedifyFigures ? ratio.fedify >= 50 : false);
    return goalResult({
      name: 'cross-org-throughput',
      figures: { ...figures, eventsPerRound: count, inFlight: 16, path: "seller API (201, durable) → seller outbox → buyer replica, until the buyer's log holds them all" },
      baseline: { 'floor-hop': baseline, 'peer-fedify': fedifyFigures ?? { error: String(fedify.error?.message ?? fedify.error) } },
      baselineName: 'floor-hop, peer-fedify',
      ratio,
      goal: 'events/s ≥ 2× floor-hop (16 in flight) and ≥ 50× peer-fedify',
      met,
    });
  } finally {
    await Promise.all([companies.close(), hop.close(), probe.stop(), fedify.close?.()]);
  }
}
