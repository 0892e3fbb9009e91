// What the live stream tests of packages/server/src/live share: a sink that keeps what a stream
// wrote, the two ways a stream reads the log, and a post through the real client API.
import assert from 'node:assert/strict';
import { systemClock, type LiveMessage, type PersonId } from '@mutual/protocol';
import { LiveStream } from '../../packages/server/src/live/live-stream.js';
import type { SseSink } from '../../packages/server/src/live/sse-body.js';
import { SpaceTail } from '../../packages/server/src/live/space-tail.js';
import { startTestOrganisation, type TestOrganisation } from '../../packages/server/src/testing/test-organisation.js';

/** A sink that keeps what the stream wrote: as text, or as the live messages it holds. */
export function recordingSink(): SseSink & { text: () => string; messages: () => LiveMessage[] } {
  const chunks: Uint8Array[] = [];
  const text = () => Buffer.concat(chunks).toString('utf8');
  return {
    write: (chunk) => (chunks.push(chunk), true),
    end: () => undefined,
    text,
    messages: () => [...text().matchAll(/^event: group-event\nid: \d+\ndata: (.*)$/gm)].map(([, data]) => JSON.parse(data!) as LiveMessage),
  };
}

/** The shared tail, and a stream further behind than the tail keeps (a window of one event). */
export const STREAM_PATHS = [
  ['the shared tail', undefined],
  ['its own catch-up from the store', 1],
] as const;

/** Posts as `person` through the client API; the new post's id. */
export async function postAs(org: TestOrganisation, person: PersonId, group: string, text: string): Promise<string> {
  const response = await fetch(`${org.url}/api/groups/${group}/posts`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await org.token(person)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  assert.equal(response.status, 201);
  return ((await response.json()) as { id: string }).id;
}

/**
 * `person`'s stream of space `acme` as opened at `position` when they were in the plan group, into a
 * recording sink; it reads everything after, through the shared tail or, with a `window` of one,
 * its own catch-up.
 */
export function planStream(org: TestOrganisation, person: PersonId, position: number, window: number | undefined) {
  const sink = recordingSink();
  const stream = new LiveStream({
    person,
    space: 'acme',
    groups: ['acme.plan'],
    groupsAt: position,
    cursor: position,
    sink,
    store: org.server.store,
    clock: systemClock,
  });
  return { stream, sink, started: stream.start(new SpaceTail(org.server.store, 'acme', position, window)) };
}

/** An organisation with space `acme`, Ana and Bob, and Ana in its plan group. */
export async function acmeWithAnaAndBob(): Promise<TestOrganisation> {
  const org = await startTestOrganisation();
  await org.admin.createSpace({ id: 'acme', name: 'Acme', buyer: 'buyer.test' });
  await org.admin.addPerson({ id: 'ana@seller.test', name: 'Ana' });
  await org.admin.addPerson({ id: 'bob@seller.test', name: 'Bob' });
  await org.admin.addMember('acme.plan', 'ana@seller.test');
  return org;
}
