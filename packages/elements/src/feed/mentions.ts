import type { Member } from './member-directory.js';

/** The `@query` being typed before the caret, if any. */
export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  /** What follows it up to the caret: letters, digits, `.`, `_`, `-`, and one more `@`. */
  query: string;
}

/** `@` at the start or after a space or an opening bracket or quote, then the query, then the caret. */
const QUERY_BEFORE_CARET = /(?:^|[\s([{"'«])@([\p{L}\p{N}._-]{0,64}(?:@[\p{L}\p{N}.-]{0,64})?)$/u;

/** The mention being typed when the caret is at `caret` in `value`. */
export function mentionQueryAt(value: string, caret: number): MentionQuery | undefined {
  // A mention is short: look at the last characters only, whatever the length of the draft.
  const from = Math.max(0, caret - 140);
  const match = QUERY_BEFORE_CARET.exec(value.slice(from, caret));
  if (!match) return undefined;
  const query = match[1]!;
  return { start: caret - query.length - 1, query };
}

/** Lower case, without accents: "Éloïse" matches "elo". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The members matching `query`, best first: a name or id that starts with it, then a word of the
 * name that does, then a name that contains it; alphabetical within each. At most `limit`.
 */
export function matchMembers(members: readonly Member[], query: string, locale: string, limit = 8): Member[] {
  const wanted = foldForSearch(query);
  const scored: Array<{ member: Member; score: number }> = [];
  for (const member of members) {
    const name = foldForSearch(member.name);
    const id = member.id.toLowerCase();
    let score: number;
    if (wanted === '' || name.startsWith(wanted) || id.startsWith(wanted)) score = 0;
    else if (name.split(/[\s'’-]+/u).some((word) => word.startsWith(wanted))) score = 1;
    else if (name.includes(wanted)) score = 2;
    else continue;
    scored.push({ member, score });
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  scored.sort((a, b) => a.score - b.score || collator.compare(a.member.name, b.member.name));
  return scored.slice(0, limit).map((entry) => entry.member);
}

/** `value` with the `@query` at `start…caret` replaced by `@id ` and where the caret goes after it. */
export function insertMention(value: string, query: MentionQuery, caret: number, id: string): { value: string; caret: number } {
  const after = value.slice(caret);
  const inserted = `@${id}${after.startsWith(' ') || after.startsWith('\n') ? '' : ' '}`;
  const next = value.slice(0, query.start) + inserted + after;
  const position = query.start + inserted.length + (inserted.endsWith(' ') ? 0 : 1);
  return { value: next, caret: Math.min(position, next.length) };
}
