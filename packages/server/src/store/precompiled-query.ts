import type { Compilable, CompiledQuery, DialectAdapter, Kysely, QueryResult } from 'kysely';
import type { Database } from './schema.js';

/**
 * A query built and compiled by Kysely once per dialect, then run with new values on the
 * connection or in the transaction at hand. On hot paths (the membership check of every read, the
 * append's statements and projections, the cockpit) building and compiling cost more CPU than
 * SQLite running the statement. `build` gets one placeholder per value and must use each as a
 * plain value (a parameter); any other parameter it makes (a `+ 1`) is a constant kept as compiled.
 * Compiled forms are kept per dialect adapter, so one module-level query serves a SQLite and a
 * PostgreSQL store in the same process.
 */
export function precompile<R>(arity: number, build: (db: Kysely<Database>, ...values: string[]) => Compilable<R>) {
  const compiledFor = new WeakMap<DialectAdapter, { query: CompiledQuery<R>; slots: number[] }>();
  const compile = (db: Kysely<Database>) => {
    const placeholders = Array.from({ length: arity }, (_, i) => `\u0000value ${i}\u0000`);
    const query = build(db, ...placeholders).compile();
    const slots = query.parameters.map((value) => placeholders.indexOf(value as string));
    for (let i = 0; i < arity; i++) if (!slots.includes(i)) throw new TypeError(`value ${i} is not used as a parameter`);
    return { query, slots };
  };
  return async (db: Kysely<Database>, ...values: unknown[]): Promise<QueryResult<R>> => {
    if (values.length !== arity) throw new TypeError(`expected ${arity} values`);
    // A transaction shares its database's adapter: one compilation serves both.
    const adapter = db.getExecutor().adapter;
    let compiled = compiledFor.get(adapter);
    if (!compiled) compiledFor.set(adapter, (compiled = compile(db)));
    const { query, slots } = compiled;
    return db.executeQuery<R>({ ...query, parameters: query.parameters.map((constant, i) => (slots[i]! >= 0 ? values[slots[i]!] : constant)) });
  };
}
