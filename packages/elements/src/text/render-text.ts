import { html, nothing, type TemplateResult } from 'lit';
import { reveal, RevealScope } from './invisible.js';
import { parseText, type Block, type Inline, type LinkToken } from './parse-text.js';

/**
 * Turns the token tree of `parse-text.ts` into Lit templates. Every character people wrote goes
 * into a text node through a Lit child binding, and the only attribute values taken from what
 * they wrote are link URLs that passed `safeUrl` (as serialised by the URL parser). No
 * `unsafeHTML`, no `innerHTML`, no HTML parser: there is no path from a post to markup.
 *
 * Templates are written without whitespace between tags so that `textContent` is exactly what a
 * reader sees.
 */

export interface RenderTextOptions {
  /** Renders a mention `@name@domain` (e.g. as a chip); by default, the text as typed. */
  mention?: (id: string, text: string) => TemplateResult | string;
  /** Title of a revealed invisible character, e.g. "Invisible character U+202E". */
  invisibleTitle?: (code: string) => string;
  /** Title of the real destination shown beside a link whose label names another one. */
  linkDestinationTitle?: (destination: string) => string;
}

/** Parses and renders a post or a reply. */
export function renderText(source: string, options: RenderTextOptions = {}): TemplateResult[] {
  return renderBlocks(parseText(source), options);
}

export function renderBlocks(blocks: readonly Block[], options: RenderTextOptions = {}): TemplateResult[] {
  return blocks.map((block) => renderBlock(block, options));
}

function renderBlock(block: Block, options: RenderTextOptions): TemplateResult {
  switch (block.type) {
    case 'paragraph':
      return html`<p dir="auto">${renderInlines(block.children, RevealScope.reordering, options)}</p>`;
    case 'code-block':
      // Code reads left to right whatever the language around it.
      return html`<pre part="code-block" dir="ltr"><code>${revealed(block.text, RevealScope.reordering, options)}</code></pre>`;
    case 'list': {
      const items = block.items.map(
        (item) => html`<li dir="auto">${renderInlines(item, RevealScope.reordering, options)}</li>`,
      );
      return block.ordered ? html`<ol start=${block.start}>${items}</ol>` : html`<ul>${items}</ul>`;
    }
  }
}

/**
 * `scope` says which invisible characters to reveal: only the reordering ones in running text,
 * all of them inside a link label (see invisible.ts).
 */
function renderInlines(tokens: readonly Inline[], scope: RevealScope, options: RenderTextOptions): unknown[] {
  return tokens.map((token) => {
    switch (token.type) {
      case 'text':
        return revealed(token.text, scope, options);
      case 'break':
        return html`<br>`;
      case 'strong':
        return html`<strong>${renderInlines(token.children, scope, options)}</strong>`;
      case 'em':
        return html`<em>${renderInlines(token.children, scope, options)}</em>`;
      case 'code':
        return html`<code part="code">${revealed(token.text, scope, options)}</code>`;
      case 'link':
        return renderLink(token, options);
      case 'mention':
        return options.mention ? options.mention(token.id, token.text) : token.text;
    }
  });
}

function renderLink(link: LinkToken, options: RenderTextOptions): unknown {
  const anchor = html`<a
    part="link"
    class="link"
    href=${link.url.href}
    title=${link.url.href}
    rel="noopener noreferrer nofollow"
    target="_blank"
    >${renderInlines(link.label, RevealScope.all, options)}</a
  >`;
  if (!link.mismatch) return anchor;
  // The label names another place than the link's: say where it really goes, in plain sight.
  return html`${anchor}<span
      part="link-destination"
      class="link-destination"
      title=${options.linkDestinationTitle?.(link.mismatch) ?? nothing}
      > (${revealed(link.mismatch, RevealScope.all, options)})</span
    >`;
}

/** The text, with the invisible characters of `scope` shown as `U+XXXX` marks. */
function revealed(text: string, scope: RevealScope, options: RenderTextOptions): unknown {
  const pieces = reveal(text, scope);
  if (pieces.length === 1 && pieces[0]!.kind === 'text') return text;
  return pieces.map((piece) =>
    piece.kind === 'text'
      ? piece.text
      : html`<span part="invisible-char" class="invisible-char" title=${options.invisibleTitle?.(piece.code) ?? piece.code}
          >${piece.code}</span
        >`,
  );
}
