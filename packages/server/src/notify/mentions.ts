import type { PersonId } from '@mutual/protocol';

// The same grammar as the feed's mention chips (elements/src/text/parse-text.ts): `@name@domain`,
// not glued to a word or an address before it, nor to a word after it. ASCII letters only, as
// there: no Unicode case folding (the Kelvin sign is not a k).
const MENTION = /@([a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?)@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)/gi;
const BEFORE_MENTION = /[\p{L}\p{N}._@+-]/u;
const AFTER_MENTION = /[\p{L}\p{N}_@-]/u;

/** Links (`[label](url)`) and bare URLs: the feed shows no mention inside them. */
const LINK_OR_URL = /\[[^\]\n]*\]\([^)\s]*\)|(?:https?:\/\/|mailto:)[^\s<>"`]+/gi;

/**
 * The text with what the feed shows as code, links and URLs blanked out (same length, so positions
 * hold): a mention there is not shown as one, so it must not notify anyone either.
 */
function outsideCodeAndLinks(text: string): string {
  let kept = '';
  let index = 0;
  while (index < text.length) {
    const tick = text.indexOf('`', index);
    if (tick < 0) break;
    let run = tick;
    while (text[run] === '`') run++;
    const fence = text.slice(tick, run);
    // A code span closes at the next run of exactly as many backticks; without one, the run is text.
    let close = text.indexOf(fence, run);
    while (close >= 0 && text[close + fence.length] === '`') close = text.indexOf(fence, close + fence.length + 1);
    kept += text.slice(index, tick);
    if (close < 0) {
      kept += fence;
      index = run;
    } else {
      kept += ' '.repeat(close + fence.length - tick);
      index = close + fence.length;
    }
  }
  kept += text.slice(index);
  return kept.replace(LINK_OR_URL, (found) => ' '.repeat(found.length));
}

/** The people a post or reply mentions, as the feed shows them: lower-cased, each once. */
export function mentionsIn(text: string): PersonId[] {
  const found = new Set<PersonId>();
  const visible = outsideCodeAndLinks(text);
  for (const match of visible.matchAll(MENTION)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start > 0 && BEFORE_MENTION.test(visible[start - 1]!)) continue;
    if (end < visible.length && AFTER_MENTION.test(visible[end]!)) continue;
    found.add(`${match[1]}@${match[2]}`.toLowerCase());
  }
  return [...found];
}
