// Starts Mutual organisations as their own processes (TypeScript sources through tsx) and sets up
// the evaluation space the scenarios use.
import { startWorker } from './rpc.mjs';

/** `BENCH_CPU_PROF=dir` runs the Mutual processes under node --cpu-prof, profiles written there. */
const profiling = () => (process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []);

export async function startOrg(domain, { origins } = {}) {
  const worker = startWorker('servers/mutual-org.ts', { ts: true, execArgv: ['--expose-gc', ...profiling()] });
  const info = await worker.call('start', { domain, ...(origins && { origins }) });
  return Object.assign(worker, info, { domain });
}

export const people = (count, domain, prefix = 'p') =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}@${domain}`, name: `Person ${i}` }));

/** A seller organisation with space `acme`, `readers` people in acme.plan and `posts` seeded posts. */
export async function sellerWithSpace({ readers = 50, posts = 0 } = {}) {
  const seller = await startOrg('seller.test');
  await seller.call('createSpace', { id: 'acme', name: 'Acme evaluation', buyer: 'buyer.test' });
  const team = people(readers, 'seller.test');
  await seller.call('addPeople', team);
  await seller.call('addMembers', 'acme.plan', team.map((person) => person.id));
  if (posts) await seller.call('seedPosts', 'acme.plan', team.map((person) => person.id), posts);
  return { seller, team };
}
