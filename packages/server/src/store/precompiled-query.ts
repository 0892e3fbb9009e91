import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from './schema.js';

/**
 * A query built and compiled by Kysely once (per store: the dialect is the store's), then run
 * with new values on the connection or in the transaction at hand. On hot paths (the membership
 * check of every read, the append's statements, the cockpit) building and compiling cost more CPU
 * than SQLite running the statement. `build` gets one placeholder per value and must use each as a
 * plain value (a parameter); any other parameter it makes (a `+ 1`) is a constant kept as compiled.
 */
export function precompile<R>(arity: number, build: (db: Kysely<Database>, ...values: string[]) => Compilable<R>) {
  let compiled: { query: CompiledQuery<R>; slots: number[] } | undefined;
  return async (db: Kysely<Database>, ...values: unknown[]): Promise<QueryResult<R>> => {
    if (values.length !== arity) throw new TypeError(`expected ${arity} values`);
    if (!compiled) {
      const placeholders = Array.from({ length: arity }, (_, i) => `\u0000value ${i}\u0000`);
      const query = build(db, ...placeholders).compile();
      const slots = query.parameters.map((value) => placeholders.indexOf(value as string));
      for (let i = 0; i < arity; i++) if (!slots.includes(i)) throw new TypeError(`value ${i} is not used as a parameter`);
      compiled = { query, slots };
    }
    const { query, slots } = compiled;
    return db.executeQuery<R>({ ...query, parameters: query.parameters.map((constant, i) => (slots[i]! >= 0 ? values[slots[i]!] : constant)) });
  };
}
