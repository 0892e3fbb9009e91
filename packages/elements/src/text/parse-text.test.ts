import { expect } from '@open-wc/testing';
import { MAX_NESTING, parseInline, parseText, plainText, type Block, type Inline } from './parse-text.js';

const text = (value: string): Inline => ({ type: 'text', text: value });
const paragraph = (source: string): Inline[] => {
  const blocks = parseText(source);
  expect(blocks, 'one paragraph').to.have.length(1);
  expect(blocks[0]!.type).to.equal('paragraph');
  return (blocks[0] as Extract<Block, { type: 'paragraph' }>).children;
};
const links = (tokens: Inline[]): Array<Extract<Inline, { type: 'link' }>> =>
  tokens.flatMap((token) =>
    token.type === 'link' ? [token] : token.type === 'strong' || token.type === 'em' ? links(token.children) : [],
  );

describe('parseText', () => {
  describe('emphasis and code', () => {
    it('reads **bold**, *italic* and `code`', () => {
      expect(paragraph('a **b** *c* `d`')).to.deep.equal([
        text('a '),
        { type: 'strong', children: [text('b')] },
        text(' '),
        { type: 'em', children: [text('c')] },
        text(' '),
        { type: 'code', text: 'd' },
      ]);
    });

    it('nests emphasis, and never lets two pairs cross', () => {
      expect(paragraph('**a *b* c**')).to.deep.equal([
        { type: 'strong', children: [text('a '), { type: 'em', children: [text('b')] }, text(' c')] },
      ]);
      expect(paragraph('*a **b* c**')).to.deep.equal([{ type: 'em', children: [text('a **b')] }, text(' c**')]);
      expect(paragraph('**a *b** c*')).to.deep.equal([{ type: 'strong', children: [text('a *b')] }, text(' c*')]);
    });

    it('keeps markers that open on a space, close after one, or are unmatched, as text', () => {
      expect(paragraph('2 * 3 * 4')).to.deep.equal([text('2 * 3 * 4')]);
      expect(paragraph('** not bold **')).to.deep.equal([text('** not bold **')]);
      expect(paragraph('*open only')).to.deep.equal([text('*open only')]);
      expect(paragraph('***three***')).to.deep.equal([text('***three***')]);
      expect(paragraph('a ` b')).to.deep.equal([text('a ` b')]);
      expect(paragraph('``')).to.deep.equal([text('``')]);
    });

    it('treats the inside of a code span as text', () => {
      expect(paragraph('`**x** [a](https://a.example) @ana@seller.example`')).to.deep.equal([
        { type: 'code', text: '**x** [a](https://a.example) @ana@seller.example' },
      ]);
    });

    it(`stops nesting at ${MAX_NESTING} levels and shows deeper markers as typed`, () => {
      const depth = MAX_NESTING + 4;
      const open = Array.from({ length: depth }, (_, level) => (level % 2 ? '*b ' : '**a ')).join('');
      const close = Array.from({ length: depth }, (_, level) => (level % 2 ? ' b*' : ' a**')).reverse().join('');
      const source = `${open}x${close}`;
      const tokens = paragraph(source);
      let deepest = 0;
      const walk = (list: Inline[], level: number) => {
        for (const token of list) {
          if (token.type === 'strong' || token.type === 'em') walk(token.children, level + 1);
          else deepest = Math.max(deepest, level);
        }
      };
      walk(tokens, 0);
      expect(deepest).to.equal(MAX_NESTING);
      expect(plainText(parseText(source)).replace(/[*]/g, '')).to.equal(source.replace(/[*]/g, ''));
    });
  });

  describe('blocks', () => {
    it('splits paragraphs on blank lines and keeps single newlines as breaks', () => {
      expect(parseText('one\ntwo\n\n\nthree')).to.deep.equal([
        { type: 'paragraph', children: [text('one'), { type: 'break' }, text('two')] },
        { type: 'paragraph', children: [text('three')] },
      ]);
    });

    it('reads bulleted and numbered lists, starting at the first number', () => {
      expect(parseText('Steps:\n- one\n- **two**\n3. three\n4) four')).to.deep.equal([
        { type: 'paragraph', children: [text('Steps:')] },
        { type: 'list', ordered: false, start: 1, items: [[text('one')], [{ type: 'strong', children: [text('two')] }]] },
        { type: 'list', ordered: true, start: 3, items: [[text('three')], [text('four')]] },
      ]);
    });

    it('does not take "-x" or "1.5" for list items', () => {
      expect(parseText('-x\n1.5 litres')).to.deep.equal([
        { type: 'paragraph', children: [text('-x'), { type: 'break' }, text('1.5 litres')] },
      ]);
    });

    it('keeps a fenced code block verbatim, closed or not', () => {
      expect(parseText('```ts\n**not bold** <b>\n\n  indented\n```\nafter')).to.deep.equal([
        { type: 'code-block', text: '**not bold** <b>\n\n  indented', language: 'ts' },
        { type: 'paragraph', children: [text('after')] },
      ]);
      expect(parseText('```\nopen <script>')).to.deep.equal([{ type: 'code-block', text: 'open <script>', language: undefined }]);
    });

    it('normalises Windows and old Mac line ends', () => {
      expect(parseText('a\r\nb\rc')).to.deep.equal([
        { type: 'paragraph', children: [text('a'), { type: 'break' }, text('b'), { type: 'break' }, text('c')] },
      ]);
    });
  });

  describe('links', () => {
    it('links [label](url) for http, https and mailto, with formatting in the label', () => {
      const [link] = links(paragraph('[the **plan**](https://example.com/plan?x=1#y)'));
      expect(link!.url.href).to.equal('https://example.com/plan?x=1#y');
      expect(link!.bare).to.equal(false);
      expect(link!.label).to.deep.equal([text('the '), { type: 'strong', children: [text('plan')] }]);
      expect(links(paragraph('[write](mailto:ana@seller.example)'))[0]!.url.protocol).to.equal('mailto:');
      expect(links(paragraph('[x](http://example.com/a_(b))'))[0]!.url.href).to.equal('http://example.com/a_(b)');
    });

    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'javascript://%0aalert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example/x',
      '/relative/path',
      'relative',
      '&#106;avascript:alert(1)',
      'https://user:pass@evil.example',
      'mailto:nobody',
    ]) {
      it(`shows [x](${JSON.stringify(url)}) as the text typed`, () => {
        const source = `[x](${url})`;
        const tokens = paragraph(source);
        expect(links(tokens), 'no link').to.have.length(0);
        expect(plainText(parseText(source))).to.equal(source);
      });
    }

    it('allows no link inside a link label', () => {
      const tokens = paragraph('[[inner](https://a.example)](https://b.example)');
      const found = links(tokens);
      expect(found.map((link) => link.url.href)).to.deep.equal(['https://a.example/', 'https://b.example/']);
      expect(found[0]!.label).to.deep.equal([text('inner')]);
      expect(found[1]!.bare, 'the outer URL is only a bare URL').to.equal(true);
      const labelOnly = paragraph('[see https://a.example or @ana@seller.example](https://b.example)');
      expect(links(labelOnly)).to.have.length(1);
      expect(links(labelOnly)[0]!.label).to.deep.equal([text('see https://a.example or @ana@seller.example')]);
    });

    it('rejects URLs with spaces, titles or invisible characters', () => {
      expect(links(paragraph('[a](https://a.example "title")')).map((link) => link.bare)).to.deep.equal([true]);
      expect(links(paragraph('[a](https://a.exa\u200Bmple)')).every((link) => link.bare)).to.equal(true);
    });

    it('finds bare URLs, leaving trailing punctuation and unbalanced parentheses outside', () => {
      const tokens = paragraph('See https://example.com/a_(b). Or (http://x.example/y), mailto:ana@seller.example!');
      expect(links(tokens).map((link) => link.url.href)).to.deep.equal([
        'https://example.com/a_(b)',
        'http://x.example/y',
        'mailto:ana@seller.example',
      ]);
      expect(plainText(parseText('Or (http://x.example/y), done'))).to.equal('Or (http://x.example/y), done');
    });

    it('does not link bare javascript:, data: or vbscript: URLs, nor a scheme inside a word', () => {
      for (const source of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'xhttp://a.example', 'https://']) {
        expect(links(paragraph(source)), source).to.have.length(0);
      }
    });

    it('ends a bare URL at <, >, " and invisible characters', () => {
      const [link] = links(paragraph('https://a.example/x"onmouseover="alert(1)'));
      expect(link!.url.href).to.equal('https://a.example/x');
      expect(links(paragraph('https://a.example/p\u202Ecod.exe'))[0]!.url.href).to.equal('https://a.example/p');
      expect(links(paragraph('https://a.example/<script>'))[0]!.url.href).to.equal('https://a.example/');
    });

    it('shows an international look-alike host as punycode', () => {
      const [link] = links(paragraph('https://аpple.example/login'));
      expect(link!.label).to.deep.equal([text('https://xn--pple-43d.example/login')]);
    });

    it('flags a label that names another destination than the link', () => {
      const mismatch = (source: string) => links(paragraph(source))[0]!.mismatch;
      expect(mismatch('[bank.example](https://evil.example)')).to.equal('evil.example');
      expect(mismatch('[https://bank.example/login](https://evil.example)')).to.equal('evil.example');
      expect(mismatch('[pay\u200Bpal.example](https://evil.example)')).to.equal('evil.example');
      expect(mismatch('[ana@seller.example](mailto:eve@evil.example)')).to.equal('eve@evil.example');
      // Punctuation, formatting and look-alike dots around or inside the domain do not hide it.
      for (const label of [
        'bank.example:',
        '“bank.example”',
        '«bank.example»',
        'bank.example…',
        'bank.example’s login',
        'bank.example—login',
        '¡bank.example',
        'bank.example|login',
        '**bank**.example',
        'bank.**example**',
        'bank`.`example',
        'bank\u2024example',
        'bank\u3002example',
        'bank\uFF0Eexample',
        'ｂａｎｋ.example',
      ]) {
        expect(mismatch(`[${label}](https://evil.example/x)`), label).to.equal('evil.example');
      }
      expect(mismatch('[bank.example:](https://bank.example/login)'), 'a true claim with punctuation').to.equal(undefined);
      expect(mismatch('[the plan](https://evil.example)')).to.equal(undefined);
      expect(mismatch('[example.com](https://www.example.com/x)')).to.equal(undefined);
      expect(mismatch('[https://example.com](https://example.com)')).to.equal(undefined);
    });
  });

  describe('mentions', () => {
    it('reads @name@domain in any case as a person id', () => {
      expect(paragraph('Thanks @Dora@Buyer.example, and @ana@seller.example.')).to.deep.equal([
        text('Thanks '),
        { type: 'mention', id: 'dora@buyer.example', text: '@Dora@Buyer.example' },
        text(', and '),
        { type: 'mention', id: 'ana@seller.example', text: '@ana@seller.example' },
        text('.'),
      ]);
    });

    it('does not take an e-mail address or a broken id for a mention', () => {
      for (const source of ['bob@ana@x.example', 'write to ana@seller.example', '@ana', '@ana@', '@an\u200Ba@seller.example', '@-a@x.example']) {
        expect(
          paragraph(source).some((token) => token.type === 'mention'),
          source,
        ).to.equal(false);
      }
    });
  });

  describe('hostile input', () => {
    it('keeps every character of what was typed, in order, outside formatting markers', () => {
      const source = '<img src=x onerror=alert(1)> &lt;b&gt; \u202Etxt.exe [a](javascript:x) `<svg/onload=1>`';
      expect(plainText(parseText(source))).to.equal(source.replace(/`/g, ''));
    });

    it('parses 20,000 characters of markers in linear time', () => {
      const sources = [
        '**a *b '.repeat(2_900),
        '`'.repeat(20_000),
        '[a]('.repeat(5_000),
        '['.repeat(20_000),
        'mailto:'.repeat(2_800),
        'http://'.repeat(2_800),
        '@a@'.repeat(6_600),
        '*'.repeat(20_000),
        `${'**x '.repeat(5_000)}`,
        `[${'a'.repeat(19_990)}](https://x.example)`,
      ];
      for (const source of sources) {
        const started = performance.now();
        parseText(source);
        expect(performance.now() - started, source.slice(0, 12)).to.be.below(250);
      }
    });
  });

  it('parseInline reads one line the same way as a paragraph', () => {
    expect(parseInline('**a**')).to.deep.equal([{ type: 'strong', children: [text('a')] }]);
  });
});
