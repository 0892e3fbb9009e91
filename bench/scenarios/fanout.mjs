// fanout: N SSE subscribers of one space on one Mutual process, one post every 100 ms, against
// ceiling-sse (a bare server writing one pre-framed message to N sockets).
import { startWorker } from '../lib/rpc.mjs';
import { people, startOrg } from '../lib/mutual.mjs';
import { medians, percentile, round } from '../lib/stats.mjs';
import { goalResult } from '../lib/report.mjs';

const PERSONS = 100;
const wallClock = () => performance.timeOrigin + performance.now();
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function oneSize(subscribers, { rounds, quick, log }) {
  // Fewer posts at 10,000 subscribers: each round must end even when the server falls behind.
  const posts = quick ? 10 : subscribers > 1000 ? 10 : 30;
  const seller = await startOrg('seller.test');
  const ceiling = startWorker('baselines/ceiling-sse.mjs', { execArgv: ['--expose-gc'] });
  const mutualClients = startWorker('lib/sse-clients.mjs');
  const ceilingClients = startWorker('lib/sse-clients.mjs');
  try {
    await seller.call('createSpace', { id: 'acme', name: 'Acme evaluation', buyer: 'buyer.test' });
    const team = people(PERSONS, 'seller.test');
    await seller.call('addPeople', [...team, { id: 'ana@seller.test', name: 'Ana' }]);
    await seller.call('addMembers', 'acme.plan', [...team.map((person) => person.id), 'ana@seller.test']);
    const tokens = await seller.call('tokens', team.map((person) => person.id));
    const [anaToken] = await seller.call('tokens', ['ana@seller.test']);
    const { url: ceilingUrl } = await ceiling.call('start');

    const memoryBefore = { mutual: (await seller.call('gc')).rss, ceiling: (await ceiling.call('gc')).rss };
    await ceilingClients.call('open', ceilingUrl, [''], subscribers);
    await mutualClients.call('open', `${seller.url}/api/spaces/acme/stream`, tokens, subscribers);
    const memoryAfter = { mutual: (await seller.call('gc')).rss, ceiling: (await ceiling.call('gc')).rss };
    const perSubscriber = {
      mutual: (memoryAfter.mutual - memoryBefore.mutual) / subscribers,
      ceiling: (memoryAfter.ceiling - memoryBefore.ceiling) / subscribers,
    };
    log(`  ${subscribers} open: RSS per subscriber mutual ${Math.round(perSubscriber.mutual)} B, ceiling ${Math.round(perSubscriber.ceiling)} B`);

    let marker = 0;
    const postUrl = `${seller.url}/api/groups/acme.plan/posts`;
    // Open loop, as people post: one every 100 ms whether or not the last was answered yet.
    const mutualRound = async () => {
      const sent = {};
      const answers = [];
      for (let i = 0; i < posts; i++) {
        const id = String(++marker);
        sent[id] = wallClock();
        answers.push(
          fetch(postUrl, { method: 'POST', headers: { authorization: `Bearer ${anaToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ text: `Kick-off moved to Tuesday [fanout ${id}]` }) })
            .then((response) => response.status)
            .catch(() => 0),
        );
        await pause(Math.max(0, 100 - (wallClock() - sent[id])));
      }
      await settle(mutualClients, sent, subscribers);
      const statuses = await Promise.race([Promise.all(answers), pause(1).then(() => null)]);
      if (statuses && statuses.some((status) => status !== 201)) throw new Error(`posts answered ${statuses.join(',')}`);
      return { ...(await mutualClients.call('collect', sent)), unanswered: statuses ? 0 : posts };
    };
    // The same open loop: a message every 100 ms, whether or not the last pass is done. (Waiting
    // for each pass before stamping the next send left the ceiling's own queueing out of its
    // latency once a pass took longer than 100 ms, as at 10,000 subscribers.)
    const ceilingRound = async () => {
      const sent = {};
      const passes = [];
      for (let i = 0; i < posts; i++) {
        const id = String(++marker);
        sent[id] = wallClock();
        passes.push(ceiling.call('publish', id));
        await pause(Math.max(0, 100 - (wallClock() - sent[id])));
      }
      // How long the ceiling took to hand one message to every socket: above 100 ms it could not
      // keep up with the posts, and its latency would be its queue.
      const passMs = percentile(await Promise.all(passes), 50);
      await settle(ceilingClients, sent, subscribers);
      return { ...(await ceilingClients.call('collect', sent)), passMs };
    };
    const base = [];
    const mine = [];
    for (let i = 0; i < rounds; i++) {
      base.push(await ceilingRound());
      mine.push(await mutualRound());
      log(`  ${subscribers} round ${i + 1}: ceiling p99 ${round(base.at(-1).p99Ms)} ms (${base.at(-1).delivered}/${base.at(-1).expected}, a pass ${round(base.at(-1).passMs)} ms), mutual p99 ${round(mine.at(-1).p99Ms)} ms (${mine.at(-1).delivered}/${mine.at(-1).expected})`);
    }
    const pick = (r) => ({ p50Ms: r.p50Ms, p99Ms: r.p99Ms, deliveredShare: r.delivered / r.expected, ...(r.passMs !== undefined && { passMs: r.passMs }) });
    return {
      subscribers,
      mutual: { ...medians(mine.map(pick)), rssBytesPerSubscriber: Math.round(perSubscriber.mutual) },
      ceiling: { ...medians(base.map(pick)), rssBytesPerSubscriber: Math.round(perSubscriber.ceiling) },
    };
  } finally {
    await Promise.all([mutualClients.stop(), ceilingClients.stop()]);
    await Promise.all([seller.stop(), ceiling.stop()]);
  }
}

/** Waits until every subscriber has every marker, or 10 s after the last send (then counts what came). */
async function settle(clients, sent, subscribers) {
  const deadline = Date.now() + 10_000;
  const markers = Object.keys(sent);
  while (Date.now() < deadline) {
    const have = await clients.call('count', markers);
    if (have >= markers.length * subscribers) return;
    await pause(50);
  }
}

export async function fanout(options) {
  const sizes = options.quick ? [1000] : [1000, 10_000];
  const results = [];
  for (const size of sizes) results.push(await oneSize(size, options));
  const checks = results.map((r) => ({
    subscribers: r.subscribers,
    delivered: r.mutual.deliveredShare === 1,
    // Nothing delivered has no p99: no ratio rather than a misleading 0.
    p99Ratio: Number.isFinite(r.mutual.p99Ms) ? round(r.mutual.p99Ms / r.ceiling.p99Ms) : null,
    memoryRatio: round(r.mutual.rssBytesPerSubscriber / r.ceiling.rssBytesPerSubscriber),
    // A ceiling that takes longer than the 100 ms between posts to write one message to every
    // socket falls behind, and its p99 is its queue: no ratio against it can be claimed.
    ceilingKeptUp: r.ceiling.passMs <= 100,
  }));
  return goalResult({
    name: 'fanout',
    figures: Object.fromEntries(results.map((r) => [r.subscribers, r.mutual])),
    baseline: Object.fromEntries(results.map((r) => [r.subscribers, r.ceiling])),
    baselineName: 'ceiling-sse',
    ratio: checks,
    goal: '100% delivered, p99 ≤ 1.5× ceiling-sse, RSS per subscriber ≤ 2× ceiling-sse (1,000 and 10,000 subscribers; only against a ceiling that kept up with the posts)',
    met: !options.quick && checks.every((c) => c.delivered && c.ceilingKeptUp && c.p99Ratio <= 1.5 && c.memoryRatio <= 2),
  });
}
