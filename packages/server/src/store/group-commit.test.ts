import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { eventId, MutualError, type EventDraft, type GroupEvent, type PersonId, type SealedEvent } from '@mutual/protocol';
import { openSqliteStore } from './sqlite.js';
import type { KyselyStore } from './kysely-store.js';

const ANA = 'ana@seller.test' as PersonId;

describe('group commit of appends (SQLite)', () => {
  let folder: string;
  let store: KyselyStore;
  let other: SQLite.Database;
  let at = Date.parse('2026-03-02T09:00:00Z');
  const draft = (text: string, group = 'acme.plan'): EventDraft =>
    ({ space: 'acme', group, author: ANA, type: 'post', body: { text }, at: new Date(at++).toISOString() }) as EventDraft;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'group-commit-'));
    store = await openSqliteStore(join(folder, 'mutual.db'));
    const when = new Date(at).toISOString();
    await store.createSpace({ id: 'acme', name: 'Acme', seller: 'seller.test', buyer: 'buyer.test', stage: 'evaluation' }, when);
    await store.createGroup({ id: 'acme.plan', space: 'acme', name: 'Plan', kind: 'plan', home: 'seller.test' }, when);
    // A second connection sees only what is committed.
    other = new SQLite(join(folder, 'mutual.db'), { readonly: true });
  });
  after(async () => {
    other.close();
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const committed = (id: string) => other.prepare('select count(*) as n from events where id = ?').get(id) as { n: number };

  it('answers each of many concurrent appends only once it is committed, numbered without gaps', async () => {
    const drafts = Array.from({ length: 100 }, (_, i) => draft(`post ${i}`));
    const stored = await Promise.all(
      drafts.map((d) =>
        store.append(d).then((result) => {
          assert.equal(committed(result.event.id).n, 1, 'visible to another connection when answered');
          return result;
        }),
      ),
    );
    // Concurrent calls have no order of their own (each hashes its event first, off the main
    // thread): what counts is one number each, with no gap.
    const seqs = stored.map((s) => s.event.seq).sort((a, b) => a - b);
    assert.equal(new Set(seqs).size, 100);
    assert.equal(seqs.at(-1)! - seqs[0]!, 99, 'no gaps');
    assert.equal(await store.lastSeq('acme.plan'), seqs.at(-1));
  });

  it('fails one bad append alone: the others of its batch commit, and no sequence number is lost', async () => {
    const before = await store.lastSeq('acme.plan');
    const results = await Promise.allSettled([
      store.append(draft('first')),
      store.append(draft('into a group that does not exist', 'acme.nowhere')),
      store.append(draft('third')),
    ]);
    assert.equal(results[0].status, 'fulfilled');
    assert.equal(results[1].status, 'rejected');
    assert.ok((results[1] as PromiseRejectedResult).reason instanceof MutualError);
    assert.equal(results[2].status, 'fulfilled');
    const [first, third] = [results[0], results[2]].map((r) => (r as PromiseFulfilledResult<{ event: { seq: number } }>).value.event.seq);
    // Concurrent appends have no order between them (each event id is hashed before it queues):
    // what matters is that the two that committed took the next two numbers, none skipped.
    assert.deepEqual([first!, third!].sort((a, b) => a - b), [before + 1, before + 2]);
  });

  it('rolls back a failed append completely, even after it sealed and wrote', async () => {
    const before = await store.lastSeq('acme.plan');
    const failing = store.append(draft('sealed then refused'), {
      seal: async () => {
        throw new Error('signing key unavailable');
      },
    });
    const fine = store.append(draft('fine'));
    await assert.rejects(failing, /signing key unavailable/);
    assert.equal((await fine).event.seq, before + 1);
    assert.equal(await store.lastSeq('acme.plan'), before + 1);
  });

  it('applies a replicated delivery in order in one go, holding back what follows a gap', async () => {
    await store.createGroup({ id: 'acme.remote', space: 'acme', name: 'Remote', kind: 'workstream', workstream: 'remote', home: 'buyer.test' }, new Date(at).toISOString());
    const sealed = async (seq: number): Promise<SealedEvent> => {
      const d = { ...draft(`replicated ${seq}`, 'acme.remote'), author: 'sofia@buyer.test' as PersonId };
      return { event: { ...d, id: await eventId(d), seq } as GroupEvent, proof: 'p' };
    };
    const [one, two, three, five] = await Promise.all([sealed(1), sealed(2), sealed(3), sealed(5)]);
    const outcomes = await store.applyReplicatedInOrder([one!, two!, three!, five!]);
    assert.deepEqual(outcomes.map((o) => o.outcome), ['applied', 'applied', 'applied', 'gap']);
    assert.equal(await store.lastSeq('acme.remote'), 3);
    assert.equal(committed(three!.event.id).n, 1);
    const again = await store.applyReplicatedInOrder([two!, three!]);
    assert.deepEqual(again.map((o) => o.outcome), ['duplicate', 'duplicate']);
  });

  it('places the same draft once, even twice in one batch', async () => {
    const d = draft('said twice');
    const [a, b] = await Promise.all([store.append(d), store.append(d)]);
    assert.equal(a.event.id, b.event.id);
    assert.equal(a.event.seq, b.event.seq);
  });
});
