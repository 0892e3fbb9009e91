import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { cachePreparedStatements } from './statement-cache.js';

describe('prepared-statement cache', () => {
  const open = (max?: number) => {
    const database = new SQLite(':memory:');
    database.exec('create table t (id integer primary key, v text)');
    database.exec("insert into t (v) values ('a'), ('b'), ('c')");
    cachePreparedStatements(database, max);
    return database;
  };

  it('hands back the same compiled statement for the same SQL, with fresh parameters each run', () => {
    const database = open();
    const first = database.prepare('select v from t where id = ?');
    const second = database.prepare('select v from t where id = ?');
    assert.equal(second, first);
    assert.deepEqual(first.get(1), { v: 'a' });
    assert.deepEqual(second.get(3), { v: 'c' });
  });

  it('never hands out a statement that is still iterating', () => {
    const database = open();
    const seen: string[] = [];
    const outer = database.prepare('select v from t order by id');
    for (const row of outer.iterate() as Iterable<{ v: string }>) {
      const inner = database.prepare('select v from t order by id');
      assert.notEqual(inner, outer);
      seen.push(`${row.v}${(inner.all() as unknown[]).length}`);
    }
    assert.deepEqual(seen, ['a3', 'b3', 'c3']);
  });

  it('is bounded: the least recently used statement is compiled again', () => {
    const database = open(2);
    const a = database.prepare('select 1');
    const b = database.prepare('select 2');
    assert.equal(database.prepare('select 1'), a);
    database.prepare('select 3'); // evicts "select 2"
    assert.equal(database.prepare('select 1'), a);
    assert.notEqual(database.prepare('select 2'), b);
  });

  it('sees writes made after a statement was cached', () => {
    const database = open();
    const count = () => (database.prepare('select count(*) as n from t').get() as { n: number }).n;
    assert.equal(count(), 3);
    database.prepare('insert into t (v) values (?)').run('d');
    assert.equal(count(), 4);
  });
});
