import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from './schema.js';

/**
 * A query built and compiled by Kysely once, then run with new values: on a hot read path,
 * building and compiling cost more than SQLite running the statement. `build` receives one
 * placeholder per argument (strings only) and must use each as a plain value.
 */
export function precompile<R>(db: () => Kysely<Database>, arity: number, build: (...values: string[]) => Compilable<R>) {
  let compiled: { query: CompiledQuery<R>; slots: number[] } | undefined;
  return (...values: string[]): Promise<QueryResult<R>> => {
    if (values.length !== arity) throw new TypeError(`expected ${arity} values`);
    if (!compiled) {
      const placeholders = Array.from({ length: arity }, (_, i) => `\u0000placeholder ${i}\u0000`);
      const query = build(...placeholders).compile();
      const slots = query.parameters.map((value) => placeholders.indexOf(value as string));
      if (slots.includes(-1)) throw new TypeError('the query has a value that is not a placeholder');
      compiled = { query, slots };
    }
    const { query, slots } = compiled;
    return db().executeQuery<R>({ ...query, parameters: slots.map((slot) => values[slot]) });
  };
}
