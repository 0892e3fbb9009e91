// One organisation's real Mutual server (TypeScript sources, SQLite file, WAL, synchronous=FULL)
// in its own process, driven by the bench orchestrator over IPC. Nothing is mocked: tokens,
// server requests and events are signed and verified as in production.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PersonId } from '@mutual/protocol';
import { acceptInvitation, createInvitation, startTestOrganisation, type TestOrganisation } from '@mutual/server/testing';
// @ts-expect-error plain ESM helper without types
import { serve } from '../lib/rpc.mjs';

let org: TestOrganisation | undefined;
let folder: string | undefined;
const need = () => {
  if (!org) throw new Error('not started');
  return org;
};

serve({
  async start(options: { domain: string; name?: string; origins?: string[] }) {
    folder = mkdtempSync(join(tmpdir(), 'mutual-bench-'));
    org = await startTestOrganisation({
      domain: options.domain,
      name: options.name ?? options.domain,
      databaseFile: join(folder, 'mutual.db'),
      ...(options.origins && { origins: options.origins }),
    });
    return { url: org.url, issuer: org.issuer, pid: process.pid };
  },
  async createSpace(input: { id: string; name: string; buyer: string }) {
    await need().admin.createSpace({ ...input, decisionDate: '2027-03-31' });
  },
  async addPeople(people: Array<{ id: PersonId; name: string }>) {
    for (const person of people) await need().admin.addPerson(person);
  },
  async addMembers(group: string, people: PersonId[], role: 'lead' | 'member' = 'member') {
    for (const person of people) await need().admin.addMember(group, person, role);
  },
  async tokens(people: PersonId[], ttlSeconds = 900) {
    return Promise.all(people.map((person) => need().token(person, { ttlSeconds })));
  },
  async invite() {
    const { token } = await createInvitation({ ...need().server.federation.deps });
    return token;
  },
  async accept(token: string) {
    await acceptInvitation({ ...need().server.federation.deps }, token);
    need().server.federation.deps.directory.invalidate();
  },
  invalidate() {
    need().server.federation.deps.directory.invalidate();
  },
  async lastSeq(group: string) {
    return need().server.store.lastSeq(group);
  },
  /** Seeds posts through the real writer (signed proofs, projections, outbox). */
  async seedPosts(group: string, authors: PersonId[], count: number, concurrency = 64) {
    const space = group.slice(0, group.indexOf('.'));
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        await need().server.writer.writeHere({ space, group, author: authors[i % authors.length]!, type: 'post', body: { text: `Seeded post ${i}: ${'lorem ipsum '.repeat(8)}` } });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  },
  async seedTasks(group: string, author: PersonId, count: number, concurrency = 16, prefix = 't') {
    const space = group.slice(0, group.indexOf('.'));
    const statuses = ['todo', 'doing', 'blocked', 'done'] as const;
    let next = 0;
    const base = Date.parse('2027-01-04T00:00:00Z');
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const due = new Date(base + (i % 90) * 86_400_000).toISOString().slice(0, 10);
        await need().server.writer.writeHere({
          space,
          group,
          author,
          type: 'task.created',
          body: { task: `${prefix}${i}`, title: `Task ${i}`, status: statuses[i % 4]!, due } as never,
        });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  },
  /** Server-side timing of a GET, in this process through app.request (no network, no client). */
  async timeRequests(path: string, token: string, count: number) {
    const app = need().server.app;
    const samples: number[] = [];
    let status = 0;
    let bytes = 0;
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const response = await app.request(path, { headers: { Authorization: `Bearer ${token}` } });
      const text = await response.text();
      samples.push(performance.now() - started);
      status = response.status;
      bytes = text.length;
    }
    return { samples, status, bytes };
  },
  memory() {
    return process.memoryUsage();
  },
  gc() {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage();
  },
  async close() {
    await org?.close();
    org = undefined;
    if (folder) rmSync(folder, { recursive: true, force: true });
  },
});
