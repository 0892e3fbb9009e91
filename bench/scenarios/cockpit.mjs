// cockpit: the decider cockpit's figures for a space with 10,000 tasks and 100,000 posts, timed
// server-side (in the server's process through app.request: no network, no client).
import { people, startOrg } from '../lib/mutual.mjs';
import { medians, percentile, round } from '../lib/stats.mjs';
import { goalResult } from '../lib/report.mjs';

export async function cockpit({ rounds, quick, log }) {
  const tasks = quick ? 1_000 : 10_000;
  const posts = quick ? 10_000 : 100_000;
  const seller = await startOrg('seller.test');
  try {
    await seller.call('createSpace', { id: 'acme', name: 'Acme evaluation', buyer: 'buyer.test' });
    const team = people(40, 'seller.test');
    await seller.call('addPeople', [...team, { id: 'ana@seller.test', name: 'Ana' }]);
    await seller.call('addMembers', 'acme.plan', [...team.map((person) => person.id), 'ana@seller.test']);
    await seller.call('addMembers', 'acme.steering', ['ana@seller.test'], 'lead');
    let started = performance.now();
    await seller.call('seedTasks', 'acme.plan', 'ana@seller.test', tasks, 64);
    await seller.call('seedPosts', 'acme.plan', team.map((person) => person.id), posts, 64);
    const seedSeconds = round((performance.now() - started) / 1000, 1);
    log(`  seeded ${tasks} tasks and ${posts} posts in ${seedSeconds} s (${Math.round((tasks + posts) / seedSeconds)} events/s through the writer)`);
    const [token] = await seller.call('tokens', ['ana@seller.test']);
    const path = '/api/spaces/acme/cockpit';
    const warm = await seller.call('timeRequests', path, token, 5);
    if (warm.status !== 200) throw new Error(`cockpit answered ${warm.status}`);
    const runs = [];
    for (let i = 0; i < rounds; i++) {
      const { samples } = await seller.call('timeRequests', path, token, quick ? 20 : 50);
      runs.push({ p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99) });
      log(`  round ${i + 1}: p50 ${round(runs.at(-1).p50Ms)} ms, p99 ${round(runs.at(-1).p99Ms)} ms`);
    }
    const figures = medians(runs);
    return goalResult({
      name: 'cockpit',
      figures: { ...figures, tasks, posts, responseBytes: warm.bytes, seedEventsPerSecond: round((tasks + posts) / seedSeconds, 0) },
      goal: 'p99 ≤ 20 ms server-side (10,000 tasks, 100,000 posts)',
      met: !quick && figures.p99Ms <= 20,
    });
  } finally {
    await seller.stop();
  }
}
