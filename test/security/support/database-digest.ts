import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

/** Tables whose rows change on every request by design (a worker's lease renewals), left out of "no side effect". */
const BOOKKEEPING = new Set(['outbox_leases']);

/**
 * A digest of every row of every table of a server's SQLite file (read-only), so that a test can
 * say "this refused request changed nothing" without knowing which table it might have touched.
 */
export function databaseDigest(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as Array<{ name: string }>;
    const digest: Record<string, string> = {};
    for (const { name } of tables) {
      if (BOOKKEEPING.has(name)) continue;
      const rows = db.prepare(`select * from "${name}"`).all();
      digest[name] = `${rows.length}:${createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16)}`;
    }
    return digest;
  } finally {
    db.close();
  }
}
