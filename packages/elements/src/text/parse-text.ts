import { INVISIBLE_PATTERN } from './invisible.js';
import { MAX_URL_LENGTH, safeUrl, type SafeUrl } from './safe-url.js';

/**
 * A small, strict parser for the light formatting people may use in posts. It returns plain data
 * (a tree of tokens), never markup: `render-text.ts` turns the tree into Lit templates, where every
 * character people wrote ends up in a text node. Anything the grammar does not recognise stays
 * text, character for character.
 *
 * Grammar (one post):
 * ```
 * blocks      := (fence | bullets | numbers | paragraph | blank line)*
 * fence       := "```" [language] NL  any lines  ( "```" NL | end )     — verbatim, no inline parsing
 * bullets     := ( "- " inline NL )+                                     — up to 3 spaces before "-"
 * numbers     := ( digits ("." | ")") " " inline NL )+                   — starts at the first number
 * paragraph   := lines up to a blank line, a fence or a list; a single newline is a line break
 * inline      := "`" code "`" | "**" inline "**" | "*" inline "*" | "[" label "](" url ")"
 *              | bare url | "@" name "@" domain | text
 * ```
 * - A `*`/`**` opens when followed by a non-space and closes when preceded by one; runs of three
 *   or more stars are text. Formatting nests at most {@link MAX_NESTING} deep; deeper markers are text.
 * - Code spans stay on one line and hold text only.
 * - Link labels hold text, code and emphasis — no links, bare URLs or mentions (no link in a link).
 * - Link URLs and bare URLs must pass {@link safeUrl} (`http:`, `https:`, `mailto:`); a markdown
 *   link to anything else is shown as the text that was typed, brackets and all.
 * - Bare URLs start with `http://`, `https://` or `mailto:` after a non-letter, end at a space,
 *   `<`, `>`, `"`, a backtick or an invisible character, and lose trailing punctuation and
 *   unbalanced closing parentheses.
 * - Mentions are person ids, `@name@domain`, in lower case ASCII (`@ana@seller.example`).
 *
 * Every step is linear in the length of the text (searches that fail are remembered), so a
 * 20,000-character post made of nothing but markers parses as fast as prose.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'break' }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | LinkToken
  | { type: 'mention'; id: string; text: string };

export interface LinkToken {
  type: 'link';
  url: SafeUrl;
  /** What the link shows: the label of `[label](url)`, or the URL itself for a bare URL. */
  label: Inline[];
  bare: boolean;
  /**
   * Set when the label names a destination (a domain, a URL, an address) other than where the link
   * goes, e.g. `[bank.example](https://evil.example)`: the real destination, to show beside it.
   */
  mismatch?: string | undefined;
}

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'code-block'; text: string; language?: string | undefined }
  | { type: 'list'; ordered: boolean; start: number; items: Inline[][] };

/** How deep `**`/`*` may nest; deeper markers are shown as typed. */
export const MAX_NESTING = 6;

const FENCE_OPEN = /^ {0,3}```[ \t]*([A-Za-z0-9_+#.-]{0,32})[ \t]*$/;
const FENCE_CLOSE = /^ {0,3}```[ \t]*$/;
const BULLET = /^ {0,3}- (.*)$/;
const NUMBERED = /^ {0,3}(\d{1,9})[.)] (.*)$/;
const BLANK = /^[ \t]*$/;

/** Parses a post or a reply into blocks. */
export function parseText(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (BLANK.test(line)) {
      index++;
      continue;
    }
    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      const body: string[] = [];
      index++;
      while (index < lines.length && !FENCE_CLOSE.test(lines[index]!)) body.push(lines[index++]!);
      index++; // the closing fence, or past the end
      blocks.push({ type: 'code-block', text: body.join('\n'), language: fence[1] || undefined });
      continue;
    }
    if (BULLET.test(line) || NUMBERED.test(line)) {
      const ordered = !BULLET.test(line);
      const marker = ordered ? NUMBERED : BULLET;
      const items: Inline[][] = [];
      const start = ordered ? Number(NUMBERED.exec(line)![1]) : 1;
      let match: RegExpExecArray | null;
      while (index < lines.length && (match = marker.exec(lines[index]!))) {
        items.push(parseInline(ordered ? match[2]! : match[1]!));
        index++;
      }
      blocks.push({ type: 'list', ordered, start, items });
      continue;
    }
    const paragraph: string[] = [];
    while (index < lines.length) {
      const next = lines[index]!;
      if (BLANK.test(next) || FENCE_OPEN.test(next) || BULLET.test(next) || NUMBERED.test(next)) break;
      paragraph.push(next);
      index++;
    }
    blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
  }
  return blocks;
}

/** Parses one run of inline text (a paragraph, a list item). */
export function parseInline(source: string): Inline[] {
  return buildTree(matchEmphasis(scan(source, 0, source.length, true)));
}

// —— pass 1: scan the text into atoms ——

/** A run of `*` that may open or close emphasis, decided in pass 2. */
interface Delimiter {
  type: 'delimiter';
  run: string;
  canOpen: boolean;
  canClose: boolean;
  /** Index of the atom that closes this one, set by {@link matchEmphasis}. */
  closer?: number | undefined;
}
type Atom = Inline | Delimiter;

const MENTION = /@([a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?)@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)/iy;
/** What may not come right before `@` of a mention (so `bob@ana@x.example` is not one). */
const BEFORE_MENTION = /[\p{L}\p{N}._@+-]/u;
/** What may not come right after a mention. */
const AFTER_MENTION = /[\p{L}\p{N}_@-]/u;
const BARE_URL_START = /(?:https?:\/\/|mailto:)/iy;
/** What may not come right before a bare URL (so `xhttp://` is not one). */
const BEFORE_URL = /[\p{L}\p{N}]/u;
/** Where a URL ends for sure: a space, `<`, `>`, `"`, a backtick or an invisible character. */
const URL_STOP = new RegExp(`[\\s<>"\`]|${INVISIBLE_PATTERN}`, 'gu');
const TRAILING_PUNCTUATION = /[.,:;!?'*_~]/;
const WHITESPACE = /\s/u;

function scan(source: string, from: number, to: number, allowLinks: boolean): Atom[] {
  return new Scanner(source, from, to, allowLinks).run();
}

/**
 * Pass 1. Every search it makes is remembered (the next `]`, `)`, backtick or URL stop after a
 * position), so that no stretch of text is searched more than a constant number of times.
 */
class Scanner {
  readonly #source: string;
  readonly #from: number;
  readonly #to: number;
  readonly #allowLinks: boolean;
  readonly #atoms: Atom[] = [];
  #textStart: number;
  #noBacktickFrom = Infinity;
  #closeBracket = -1;
  #lastOpenBeforeClose = -1;
  #nextParen = -1;
  #nextStop = -1;
  /** `(` counts before each position, built the first time a link needs them. */
  #opens: Int32Array | undefined;
  /** A bare URL that failed ends here: any other starting before it (inside it) fails too. */
  #bareFailedUntil = -1;

  constructor(source: string, from: number, to: number, allowLinks: boolean) {
    this.#source = source;
    this.#from = from;
    this.#to = to;
    this.#allowLinks = allowLinks;
    this.#textStart = from;
  }

  run(): Atom[] {
    const source = this.#source;
    const to = this.#to;
    let index = this.#from;
    while (index < to) {
      const char = source[index]!;
      let taken: { atom: Atom; end: number } | undefined;
      if (char === '\n') taken = { atom: { type: 'break' }, end: index + 1 };
      else if (char === '`') taken = this.#codeAt(index);
      else if (char === '*') taken = this.#delimiterAt(index);
      else if (this.#allowLinks) {
        if (char === '[') taken = this.#linkAt(index);
        else if (char === 'h' || char === 'H' || char === 'm' || char === 'M') taken = this.#bareUrlAt(index);
        else if (char === '@') taken = this.#mentionAt(index);
      }
      if (!taken) {
        index++;
        continue;
      }
      this.#flush(index);
      this.#atoms.push(taken.atom);
      this.#textStart = index = taken.end;
    }
    this.#flush(to);
    return this.#atoms;
  }

  #flush(end: number): void {
    if (end > this.#textStart) this.#atoms.push({ type: 'text', text: this.#source.slice(this.#textStart, end) });
  }

  #codeAt(index: number): { atom: Atom; end: number } | undefined {
    const close = index + 1 >= this.#noBacktickFrom ? -1 : this.#source.indexOf('`', index + 1);
    if (close === -1 || close >= this.#to) {
      this.#noBacktickFrom = Math.min(this.#noBacktickFrom, index + 1);
      return undefined;
    }
    const code = this.#source.slice(index + 1, close);
    // Not a code span: the next backtick gets its own chance.
    if (code.length === 0 || code.includes('\n')) return undefined;
    return { atom: { type: 'code', text: code }, end: close + 1 };
  }

  #delimiterAt(index: number): { atom: Atom; end: number } {
    const source = this.#source;
    let end = index;
    while (end < this.#to && source[end] === '*') end++;
    const before = index > this.#from ? source[index - 1]! : '';
    const after = end < this.#to ? source[end]! : '';
    return {
      atom: {
        type: 'delimiter',
        run: source.slice(index, end),
        canOpen: after !== '' && !WHITESPACE.test(after),
        canClose: before !== '' && !WHITESPACE.test(before),
      },
      end,
    };
  }

  /** `[label](url)`; undefined when it is not one. */
  #linkAt(open: number): { atom: Atom; end: number } | undefined {
    const source = this.#source;
    const to = this.#to;
    if (open >= this.#closeBracket) {
      this.#closeBracket = source.indexOf(']', open + 1);
      if (this.#closeBracket === -1 || this.#closeBracket >= to) this.#closeBracket = to;
      this.#lastOpenBeforeClose = source.lastIndexOf('[', this.#closeBracket - 1);
    }
    const close = this.#closeBracket;
    // A label holds no `[`: only the last `[` before the next `]` can start a link.
    if (close >= to || open !== this.#lastOpenBeforeClose || close === open + 1 || source[close + 1] !== '(') return undefined;
    const urlStart = close + 2;
    const urlEnd = this.#urlEnd(urlStart);
    if (urlEnd === undefined) return undefined;
    const whole = source.slice(open, urlEnd + 1);
    const url = safeUrl(source.slice(urlStart, urlEnd));
    // Any other scheme, relative or protocol-relative URL: shown exactly as typed, and nothing more.
    if (!url) return { atom: { type: 'text', text: whole }, end: urlEnd + 1 };
    const labelSource = source.slice(open + 1, close);
    const label = buildTree(matchEmphasis(scan(labelSource, 0, labelSource.length, false)));
    return { atom: { type: 'link', url, label, bare: false, mismatch: claimedMismatch(labelSource, url) }, end: urlEnd + 1 };
  }

  /**
   * The `)` that ends a link URL starting at `start`: before any space or invisible character, at
   * most {@link MAX_URL_LENGTH} away, with at most one balanced `(…)` inside.
   */
  #urlEnd(start: number): number | undefined {
    const stop = Math.min(this.#stopAfter(start), this.#to, start + MAX_URL_LENGTH);
    const first = this.#parenAfter(start);
    if (first === -1 || first >= stop || first === start) return undefined;
    const opens = this.#openCount(start, first);
    if (opens === 0) return first;
    if (opens > 1) return undefined;
    const second = this.#parenAfter(first + 1);
    if (second === -1 || second >= stop || this.#openCount(first + 1, second) !== 0) return undefined;
    return second;
  }

  #bareUrlAt(start: number): { atom: Atom; end: number } | undefined {
    const source = this.#source;
    if (start < this.#bareFailedUntil) return undefined;
    if (start > this.#from && BEFORE_URL.test(source[start - 1]!)) return undefined;
    BARE_URL_START.lastIndex = start;
    if (!BARE_URL_START.test(source)) return undefined;
    const schemeEnd = BARE_URL_START.lastIndex;
    let end = Math.min(this.#stopAfter(start), this.#to, start + MAX_URL_LENGTH);
    const runEnd = end;
    // Trailing punctuation belongs to the sentence; a `)` only to a URL that opened one.
    let unbalanced = this.#closeCount(start, end) - this.#openCount(start, end);
    for (; end > schemeEnd; end--) {
      const last = source[end - 1]!;
      if (TRAILING_PUNCTUATION.test(last)) continue;
      if (last === ')' && unbalanced > 0) {
        unbalanced--;
        continue;
      }
      break;
    }
    const typed = source.slice(start, end);
    const url = end > schemeEnd ? safeUrl(typed) : undefined;
    if (!url) {
      this.#bareFailedUntil = runEnd;
      return undefined;
    }
    // An international name is shown as the address bar shows it (punycode), so that a look-alike
    // (`аpple.example` with a Cyrillic а) shows as what it is.
    const idn = url.protocol !== 'mailto:' && url.destination.includes('xn--') && !typed.toLowerCase().includes('xn--');
    return { atom: { type: 'link', url, label: [{ type: 'text', text: idn ? url.href : typed }], bare: true }, end };
  }

  #mentionAt(start: number): { atom: Atom; end: number } | undefined {
    const source = this.#source;
    if (start > this.#from && BEFORE_MENTION.test(source[start - 1]!)) return undefined;
    MENTION.lastIndex = start;
    const match = MENTION.exec(source);
    if (!match) return undefined;
    const end = start + match[0].length;
    if (end > this.#to || (end < this.#to && AFTER_MENTION.test(source[end]!))) return undefined;
    return { atom: { type: 'mention', id: `${match[1]}@${match[2]}`.toLowerCase(), text: match[0] }, end };
  }

  /** The next URL stop at or after `position`, or the end of the text. */
  #stopAfter(position: number): number {
    if (position > this.#nextStop || this.#nextStop === -1) {
      URL_STOP.lastIndex = position;
      const match = URL_STOP.exec(this.#source);
      this.#nextStop = match ? match.index : this.#source.length;
    }
    return this.#nextStop;
  }

  /** The next `)` at or after `position`, or -1. */
  #parenAfter(position: number): number {
    if (this.#nextParen === -2) return -1;
    if (position > this.#nextParen) {
      this.#nextParen = this.#source.indexOf(')', position);
      if (this.#nextParen === -1) {
        this.#nextParen = -2;
        return -1;
      }
    }
    return this.#nextParen;
  }

  #openCount(from: number, to: number): number {
    if (!this.#opens) {
      const opens = new Int32Array(this.#source.length + 1);
      for (let index = 0; index < this.#source.length; index++) opens[index + 1] = opens[index]! + (this.#source[index] === '(' ? 1 : 0);
      this.#opens = opens;
    }
    return this.#opens[to]! - this.#opens[from]!;
  }

  /** `)` between `from` and `to`: only over a bare URL, at most {@link MAX_URL_LENGTH} long. */
  #closeCount(from: number, to: number): number {
    let total = 0;
    for (let index = from; index < to; index++) if (this.#source[index] === ')') total++;
    return total;
  }
}

/**
 * What separates the words of a label that may name a destination: anything but letters, digits,
 * marks and the characters of a URL or an address. So quotes, guillemets, dashes, ellipses and
 * the like never hide a domain from the check.
 */
const WORD_BREAK = /[^\p{L}\p{N}\p{M}.\-@:/?#%+~=&]+/u;
/** Formatting marks, removed rather than split on: `**bank**.example` still reads bank.example. */
const FORMATTING = /[*_`~]/g;
/** Dots that look like a full stop in a domain (one-dot leader, ideographic, fullwidth, small). */
const LOOKALIKE_DOTS = /[\u2024\u3002\uFE52\uFF0E\uFF61]/g;
const CLAIMED_SCHEME = /^[a-z][a-z0-9+.-]{0,20}:\/\//;
/** A domain name, Unicode or not. Each label is bounded and ends at a dot: no backtracking blow-up. */
const HOST_LIKE = /^(?:[\p{L}\p{N}][\p{L}\p{N}-]{0,62}\.)+\p{L}[\p{L}\p{N}-]{1,62}$/u;
const INVISIBLE_GLOBAL = new RegExp(INVISIBLE_PATTERN, 'gu');

/**
 * When a label names a place — a URL, an e-mail address or a domain — that is not where the link
 * goes, the real destination (to show beside the label). A label that names nothing is trusted:
 * "the spec" linking anywhere is ordinary. Invisible characters are ignored here (and revealed
 * when rendered), so `pay\u200Bpal.example` still claims `paypal.example`.
 */
function claimedMismatch(label: string, url: SafeUrl): string | undefined {
  const destination = url.destination.toLowerCase();
  const text = label.replace(INVISIBLE_GLOBAL, '').replace(FORMATTING, '').normalize('NFKC').replace(LOOKALIKE_DOTS, '.').toLowerCase();
  for (const word of text.split(WORD_BREAK)) {
    // A word ends a sentence or a clause as often as not: `bank.example:` claims bank.example.
    const claim = claimOf(word.replace(/[.:?#&=+-]+$/, ''));
    if (!claim) continue;
    if (claim.kind === 'address') {
      if (url.protocol !== 'mailto:' || claim.value !== destination) return destination;
    } else if (url.protocol === 'mailto:' || !(claim.value === destination || destination.endsWith(`.${claim.value}`))) {
      return destination;
    }
  }
  return undefined;
}

function claimOf(word: string): { kind: 'address' | 'host'; value: string } | undefined {
  let rest = word.replace(/^mailto:/, '');
  const scheme = CLAIMED_SCHEME.exec(rest);
  if (scheme) rest = rest.slice(scheme[0].length);
  rest = rest.split(/[/?#]/, 1)[0]!;
  const at = rest.lastIndexOf('@');
  if (at > 0 && !scheme) return HOST_LIKE.test(rest.slice(at + 1).replace(/\.$/, '')) ? { kind: 'address', value: rest } : undefined;
  // Credentials in a claimed URL: the host is what comes after them.
  if (at >= 0) rest = rest.slice(at + 1);
  rest = rest.replace(/:\d{1,5}$/, '').replace(/\.$/, '');
  if (!HOST_LIKE.test(rest)) return undefined;
  const host = asciiHost(rest);
  return host ? { kind: 'host', value: host } : undefined;
}

function asciiHost(name: string): string | undefined {
  try {
    return new URL(`http://${name}`).hostname;
  } catch {
    return undefined;
  }
}

// —— pass 2: pair the `*` runs ——

/**
 * Pairs openers and closers of the same length with two stacks. When a pair closes, openers of the
 * other length inside it can no longer close outside it (that would cross), so they are dropped.
 * Each delimiter is pushed and popped at most once: linear.
 */
function matchEmphasis(atoms: Atom[]): Atom[] {
  const openers: Record<1 | 2, number[]> = { 1: [], 2: [] };
  atoms.forEach((atom, index) => {
    if (atom.type !== 'delimiter' || atom.run.length > 2) return;
    const length = atom.run.length as 1 | 2;
    const stack = openers[length];
    if (atom.canClose && stack.length > 0) {
      const opener = stack.pop()!;
      (atoms[opener] as Delimiter).closer = index;
      const other = openers[length === 1 ? 2 : 1];
      while (other.length > 0 && other[other.length - 1]! > opener) other.pop();
      return;
    }
    if (atom.canOpen) stack.push(index);
  });
  return atoms;
}

// —— pass 3: build the tree ——

function buildTree(atoms: Atom[]): Inline[] {
  return build(atoms, 0, atoms.length, 0);
}

function build(atoms: Atom[], from: number, to: number, depth: number): Inline[] {
  const out: Inline[] = [];
  for (let index = from; index < to; index++) {
    const atom = atoms[index]!;
    if (atom.type !== 'delimiter') {
      pushInline(out, atom);
      continue;
    }
    const closer = atom.closer;
    if (closer === undefined || closer >= to || depth >= MAX_NESTING) {
      pushInline(out, { type: 'text', text: atom.run });
      continue;
    }
    const children = build(atoms, index + 1, closer, depth + 1);
    pushInline(out, { type: atom.run.length === 2 ? 'strong' : 'em', children });
    index = closer;
  }
  return out;
}

/** Appends, merging adjacent text. */
function pushInline(out: Inline[], token: Inline): void {
  const last = out[out.length - 1];
  if (token.type === 'text' && last?.type === 'text') last.text += token.text;
  else out.push(token.type === 'text' ? { type: 'text', text: token.text } : token);
}

/** The text a reader sees, without formatting: for tests, titles and the corpus. */
export function plainText(blocks: Block[]): string {
  const inline = (tokens: Inline[]): string =>
    tokens
      .map((token) => {
        switch (token.type) {
          case 'text':
          case 'code':
          case 'mention':
            return token.text;
          case 'break':
            return '\n';
          case 'strong':
          case 'em':
            return inline(token.children);
          case 'link':
            return inline(token.label);
        }
      })
      .join('');
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return inline(block.children);
        case 'code-block':
          return block.text;
        case 'list':
          return block.items.map(inline).join('\n');
      }
    })
    .join('\n\n');
}
