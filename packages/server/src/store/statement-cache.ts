import type SQLite from 'better-sqlite3';

/**
 * Makes `database.prepare` reuse compiled statements. Kysely's SQLite driver prepares every query
 * anew, and compiling the SQL cost about a third of a feed read (see docs/performance.md). Kysely
 * emits the same SQL text for the same query shape (values are parameters), so a few hundred
 * entries hold every shape. A statement still iterating (busy) is never handed out twice.
 */
export function cachePreparedStatements(database: SQLite.Database, maxEntries = 500): void {
  const prepare = database.prepare.bind(database);
  const statements = new Map<string, SQLite.Statement>();
  database.prepare = function preparedOnce(source: string) {
    const cached = statements.get(source);
    if (cached && !cached.busy) {
      // Least recently used leaves first: a hit moves to the end of the insertion order.
      statements.delete(source);
      statements.set(source, cached);
      return cached;
    }
    const statement = prepare(source);
    if (!cached) {
      statements.set(source, statement);
      if (statements.size > maxEntries) statements.delete(statements.keys().next().value!);
    }
    return statement;
  } as SQLite.Database['prepare'];
}
