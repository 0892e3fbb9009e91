import type { Admin, RunningServer } from '@mutual/server';

/** A little evaluation already under way, so a newcomer sees something on first start. */
export const SPACE = 'northwind-2027';

export const PEOPLE = [
  { id: 'alice@seller.example', name: 'Alice Martin', title: 'Account executive' },
  { id: 'sam@seller.example', name: 'Sam Okafor', title: 'Solutions engineer' },
  { id: 'lea@seller.example', name: 'Léa Rousseau', title: 'Implementation consultant' },
  { id: 'victor@seller.example', name: 'Victor Hugo', title: 'Legal counsel' },
] as const;

/** People of the buyer (their own server is the authority on them; see the federation issue). */
const BUYER_PEOPLE = [
  { id: 'dana@buyer.example', name: 'Dana Schmidt', title: 'Head of operations' },
  { id: 'ivan@buyer.example', name: 'Ivan Petrov', title: 'IT architect' },
] as const;

export async function seed(admin: Admin, server: RunningServer): Promise<void> {
  await admin.createSpace({ id: SPACE, name: 'Northwind Manufacturing — plant analytics', buyer: 'buyer.example', decisionDate: '2027-03-31' });
  for (const person of [...PEOPLE, ...BUYER_PEOPLE]) await admin.addPerson(person);
  const group = (slug: string) => `${SPACE}.${slug}`;
  for (const person of PEOPLE) await admin.addMember(group('plan'), person.id, person.id.startsWith('alice') ? 'lead' : 'member');
  for (const person of BUYER_PEOPLE) await admin.addMember(group('plan'), person.id);
  for (const person of PEOPLE) await admin.addMember(group('internal'), person.id);
  await admin.addMember(group('steering'), 'alice@seller.example', 'lead');
  await admin.addMember(group('steering'), 'dana@buyer.example', 'lead');
  await admin.addMember(group('proof'), 'sam@seller.example', 'lead');
  await admin.addMember(group('proof'), 'ivan@buyer.example');

  const write = server.writer;
  const post = async (slug: string, author: string, text: string) =>
    (await write.writeHere({ space: SPACE, group: group(slug), author, type: 'post', body: { text } })).event;
  const reply = (slug: string, author: string, parent: string, text: string) =>
    write.writeHere({ space: SPACE, group: group(slug), author, type: 'reply', body: { parent, text } });

  const kickoff = await post('plan', 'alice@seller.example', 'Welcome to our evaluation space! The overall plan and milestones live here; each workstream has its own group.');
  await reply('plan', 'dana@buyer.example', kickoff.id, 'Thanks Alice. Our decision is due by the end of March: let us keep the plan tight.');
  await post('plan', 'ivan@buyer.example', 'The test plant data extract is ready. Who on your side should receive it?');
  await post('plan', 'sam@seller.example', 'Proof-of-concept environment is up. Credentials go out through the proof group.');
  await post('internal', 'alice@seller.example', 'Deal team only: discount floor is 18%. Never mention it outside this group.');
  await write.writeHere({
    space: SPACE,
    group: group('plan'),
    author: 'alice@seller.example',
    type: 'milestone.set',
    body: { milestone: 'proof-done', title: 'Proof of concept signed off', date: '2027-02-15', done: false },
  });
}
