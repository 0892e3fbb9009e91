// Two Mutual organisations in two processes, peered by invitation, sharing space `acme`:
// acme.proof (seller-homed) has ana@seller.test and sofia@buyer.test.
import { startOrg } from './mutual.mjs';

export const ANA = 'ana@seller.test';
export const SOFIA = 'sofia@buyer.test';

export async function twoCompanies() {
  const [seller, buyer] = await Promise.all([startOrg('seller.test'), startOrg('buyer.test')]);
  await buyer.call('accept', await seller.call('invite'));
  await seller.call('invalidate');
  await seller.call('addPeople', [{ id: ANA, name: 'Ana' }]);
  await buyer.call('addPeople', [{ id: SOFIA, name: 'Sofia' }]);
  await seller.call('createSpace', { id: 'acme', name: 'Acme evaluation', buyer: 'buyer.test' });
  await seller.call('addMembers', 'acme.proof', [ANA, SOFIA]);
  await caughtUp(seller, buyer, 'acme.proof', 30_000);
  return { seller, buyer, close: () => Promise.all([seller.stop(), buyer.stop()]) };
}

/** Resolves when the buyer's copy of `group` has every event of the seller's log. */
export async function caughtUp(seller, buyer, group, timeoutMs = 60_000, target) {
  const want = target ?? (await seller.call('lastSeq', group));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const have = await buyer.call('lastSeq', group);
    if (have >= want) return have;
    if (Date.now() > deadline) throw new Error(`${group}: buyer at ${have}, seller at ${want} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
