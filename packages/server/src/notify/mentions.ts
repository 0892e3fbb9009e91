import type { PersonId } from '@mutual/protocol';

// The same grammar as the feed's mention chips (elements/src/text/parse-text.ts): `@name@domain`,
// not glued to a word or an address before it, nor to a word after it.
const MENTION = /@([a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?)@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)/giu;
const BEFORE_MENTION = /[\p{L}\p{N}._@+-]/u;
const AFTER_MENTION = /[\p{L}\p{N}_@-]/u;

/** The people a post or reply mentions, lower-cased, each once. */
export function mentionsIn(text: string): PersonId[] {
  const found = new Set<PersonId>();
  for (const match of text.matchAll(MENTION)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start > 0 && BEFORE_MENTION.test(text[start - 1]!)) continue;
    if (end < text.length && AFTER_MENTION.test(text[end]!)) continue;
    found.add(`${match[1]}@${match[2]}`.toLowerCase());
  }
  return [...found];
}
