/**
 * Characters that are not seen but change what text looks like, and our policy for them.
 *
 * - **Bidi embeddings, overrides and isolates** (U+202A–U+202E, U+2066–U+2069) reorder the text
 *   that follows them: `‮gnp.exe` reads as `exe.png`. Chat text never needs them (the Unicode
 *   bidi algorithm and `dir="auto"` lay out Arabic or Hebrew correctly without them), so they are
 *   *revealed everywhere*: shown as a visible `U+202E` mark instead of acting.
 * - **Everything else that is invisible** — zero-width spaces and joiners, word joiner, bidi
 *   *marks* (LRM, RLM, ALM), soft hyphen, BOM, Hangul fillers, tag characters — is legitimate in
 *   running text (emoji sequences need ZWJ, Persian needs ZWNJ, RTL text uses marks), so it is kept
 *   there, but *revealed* in the places where it could make one thing pass for another: link
 *   labels, shown URLs, mentions and the names in mention chips.
 *
 * Revealing rather than deleting: a reader sees that something was hidden, and a label cannot
 * collapse into a look-alike of another (`pay\u200Bpal.com` shows as `payU+200Bpal.com`).
 */

/** Bidi controls that reorder text: revealed wherever they appear. */
const REORDERING = '\u202A-\u202E\u2066-\u2069';
/** Invisible, and harmless in running text; revealed in labels, URLs and mentions. */
const OTHER_INVISIBLE =
  '\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u2060-\u2064\u206A-\u206F\u3164\uFEFF\uFFA0';

/** A regular-expression source matching one character of the `all` scope. */
export const INVISIBLE_PATTERN = `[${REORDERING}${OTHER_INVISIBLE}]|[\\u{E0000}-\\u{E007F}]`;

const REORDERING_CLASS = new RegExp(`[${REORDERING}]`, 'u');
const ANY_INVISIBLE_CLASS = new RegExp(INVISIBLE_PATTERN, 'u');

/** A part of a string: text to show as is, or one invisible character to show as its code. */
export type RevealedPiece = { kind: 'text'; text: string } | { kind: 'invisible'; code: string };

/** Which characters {@link reveal} makes visible. */
export const RevealScope = {
  /** Only the bidi controls that reorder text: running text and code. */
  reordering: 'reordering',
  /** Every invisible character: link labels, shown URLs, mentions, names. */
  all: 'all',
} as const;
export type RevealScope = (typeof RevealScope)[keyof typeof RevealScope];

/** `U+202E` for '\u202E'. */
export function codePointLabel(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** True when the character is one that {@link reveal} shows in `scope`. */
export function isHidden(character: string, scope: RevealScope): boolean {
  return (scope === RevealScope.all ? ANY_INVISIBLE_CLASS : REORDERING_CLASS).test(character);
}

/** True when the string holds any character of the `all` scope (used to end bare URLs). */
export function hasInvisible(text: string): boolean {
  return ANY_INVISIBLE_CLASS.test(text);
}

/** Splits `text` into visible runs and the invisible characters of `scope` between them. */
export function reveal(text: string, scope: RevealScope): RevealedPiece[] {
  const pattern = new RegExp((scope === RevealScope.all ? ANY_INVISIBLE_CLASS : REORDERING_CLASS).source, 'gu');
  const pieces: RevealedPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index!;
    if (index > last) pieces.push({ kind: 'text', text: text.slice(last, index) });
    pieces.push({ kind: 'invisible', code: codePointLabel(match[0]) });
    last = index + match[0].length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

/** The same as {@link reveal}, flattened to a string: for titles and accessible names. */
export function revealToString(text: string, scope: RevealScope): string {
  return reveal(text, scope)
    .map((piece) => (piece.kind === 'text' ? piece.text : piece.code))
    .join('');
}
