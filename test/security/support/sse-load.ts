import assert from 'node:assert/strict';
import { startTestOrganisation } from '@mutual/server/testing';
import { SseClient } from '@mutual/server/testing/sse-client';
import { eventually } from '../../support/eventually.js';

const GROUPS = ['load.g0', 'load.g1', 'load.g2', 'load.g3'];
const POSTER = 'poster@seller.test';

export interface SseLoadResult {
  posts: number;
  /** From the first post until every subscriber had every post of its groups. */
  seconds: number;
  messages: number;
  heapBeforeMb: number;
  heapAfterMb: number;
  /** Whether the heap was measured after a forced collection (node --expose-gc). */
  collected: boolean;
}

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

/**
 * `subscribers` people each hold the space's live stream (each in one or two of four groups) on
 * one real server, while a poster writes `postsPerSecond` for `seconds` through the client API.
 * Afterwards every subscriber got every post of its groups and none of the others', no stream
 * failed, and once the streams are closed the server holds none of them.
 */
export async function runSseLoad({ subscribers, seconds, postsPerSecond }: { subscribers: number; seconds: number; postsPerSecond: number }): Promise<SseLoadResult> {
  const org = await startTestOrganisation({ domain: 'seller.test' });
  try {
    await org.admin.addPerson({ id: POSTER, name: 'Poster' });
    await org.admin.createSpace({ id: 'load', name: 'Load', buyer: 'buyer.test', standardGroups: false });
    for (const [i, id] of GROUPS.entries()) {
      await org.admin.createGroup({ id, space: 'load', kind: 'workstream', workstream: `w${i}`, name: `Group ${i}` });
      await org.admin.addMember(id, POSTER, 'lead');
    }
    const people = Array.from({ length: subscribers }, (_, i) => `sub${i}@seller.test`);
    const groupsOf = new Map<string, Set<string>>();
    for (const [i, person] of people.entries()) {
      await org.admin.addPerson({ id: person, name: `Subscriber ${i}` });
      const mine = new Set([GROUPS[i % 4]!, ...(i % 3 === 0 ? [GROUPS[(i + 1) % 4]!] : [])]);
      for (const group of mine) await org.admin.addMember(group, person);
      groupsOf.set(person, mine);
    }

    const streams = new Map<string, SseClient>();
    for (const person of people) {
      const stream = await SseClient.open(`${org.url}/api/spaces/load/stream`, { Authorization: `Bearer ${await org.token(person, { ttlSeconds: 900 })}` });
      assert.equal(stream.status, 200, `${person}'s stream`);
      streams.set(person, stream);
    }
    await Promise.all([...streams.values()].map((stream) => stream.next((m) => m.event === 'ready', 30_000)));
    // The baseline holds what every run holds once the streams are open (tokens verified and
    // cached, people known, statements prepared): what grows beyond it is the run's.
    const heapBefore = heapMb();

    // A steady stream of posts, spread over the groups, for the given time.
    const posted = new Map<string, Set<string>>(GROUPS.map((g) => [g, new Set()]));
    const token = await org.token(POSTER, { ttlSeconds: 900 });
    const started = Date.now();
    let n = 0;
    const writes: Array<Promise<void>> = [];
    const failures: string[] = [];
    let inFlight = 0;
    const write = async (i: number) => {
      const group = GROUPS[i % GROUPS.length]!;
      inFlight++;
      try {
        const response = await fetch(`${org.url}/api/groups/${group}/posts`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ text: `load post ${i}` }),
        });
        if (response.status !== 201) failures.push(`post ${i}: ${response.status} ${await response.text()}`);
        else posted.get(group)!.add(((await response.json()) as { id: string }).id);
      } catch (error) {
        failures.push(`post ${i}: ${(error as Error).message} (${String((error as { cause?: unknown }).cause)})`);
      } finally {
        inFlight--;
      }
    };
    // On schedule, whether or not the previous post has been answered — but never more than a few
    // at once: if the server falls behind, the rate drops to what it sustains (reported as posts).
    while (Date.now() - started < seconds * 1000) {
      const due = Math.floor(((Date.now() - started) / 1000) * postsPerSecond);
      for (; n < due && inFlight < 4; n++) writes.push(write(n));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await Promise.all(writes);
    assert.deepEqual(failures, [], 'every post was accepted');

    let messages = 0;
    await eventually(
      () => {
        messages = 0;
        for (const [person, stream] of streams) {
          const got = stream.groupEvents<{ event: { id: string; group: string; type: string } }>().filter(({ event }) => event.type === 'post');
          messages += got.length;
          const mine = groupsOf.get(person)!;
          for (const { event } of got) assert.ok(mine.has(event.group), `${person} got a post of ${event.group}`);
          const expected = [...mine].reduce((sum, g) => sum + posted.get(g)!.size, 0);
          assert.equal(got.length, expected, `${person} got ${got.length} of ${expected} posts`);
          assert.equal(new Set(got.map(({ event }) => event.id)).size, got.length, `${person} got a post twice`);
        }
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );

    await Promise.all([...streams.values()].map((stream) => stream.close()));
    await eventually(() => assert.equal(org.server.federation.deps.hub.subscriberCount, 0, 'the server still holds closed streams'), { timeoutMs: 10_000 });
    streams.clear();
    return { posts: n, seconds: (Date.now() - started) / 1000, messages, heapBeforeMb: heapBefore, heapAfterMb: heapMb(), collected: gc !== undefined };
  } finally {
    await org.close();
  }
}
