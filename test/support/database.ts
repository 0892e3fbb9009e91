import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

/** Tables that hold rows of one group, and the column naming it. */
const GROUP_TABLES = {
  groups: 'id',
  memberships: 'group_id',
  events: 'group_id',
  entries: 'group_id',
  tasks: 'group_id',
  milestones: 'group_id',
  agreements: 'group_id',
  held_events: 'group_id',
  membership_claims: 'group_id',
} as const;

/** Reads a server's own database file directly (read-only), as an auditor would. */
export function groupsInDatabase(file: string): Map<string, Set<string>> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const found = new Map<string, Set<string>>();
    for (const [table, column] of Object.entries(GROUP_TABLES)) {
      const rows = db.prepare(`select distinct ${column} as g from ${table}`).all() as Array<{ g: string }>;
      found.set(table, new Set(rows.map((row) => row.g)));
    }
    return found;
  } finally {
    db.close();
  }
}

/** A digest of a group's log as one server holds it: (seq, id) in order. */
export function logDigest(file: string, group: string): { count: number; hash: string } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('select seq, id from events where group_id = ? order by seq').all(group) as Array<{ seq: number; id: string }>;
    const text = rows.map((row) => `${row.seq}:${row.id}`).join('\n');
    return { count: rows.length, hash: createHashHex(text) };
  } finally {
    db.close();
  }
}

const createHashHex = (text: string) => createHash('sha256').update(text).digest('hex');
