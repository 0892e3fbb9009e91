// `npm run size:why -- [entry]`: what each source module adds to an entry's gzip size, to know
// where bytes go before cutting any. Reads the built files (run `npm run size` or
// `npm run build:elements` first) and their source maps; an entry's chunks loaded at once come
// from dist/manifest/<entry>.json, as in `npm run size`.
//
// A module's share is measured by leaving it out: the gzip size of the chunk with that module's
// bytes taken away, subtracted from the whole. Gzip shares repeated text between modules, so the
// shares do not add up exactly to the total; read the order, not the last byte.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map';

const dist = 'packages/elements/dist';
const entry = process.argv[2] ?? 'mutual-elements.js';
const manifestPath = `${dist}/manifest/${entry.replace(/\.js$/, '.json')}`;
if (!existsSync(manifestPath)) {
  console.error(`no ${manifestPath}: build first (npm run build:elements)`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const gzipped = (text) => gzipSync(text, { level: 9 }).length;

/** The entry and the chunks it imports at once, transitively. */
function loadedAtOnce(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imported of manifest[file]?.imports ?? []) loadedAtOnce(imported, seen);
  return seen;
}

/** The character ranges of the generated code each source module produced. */
async function rangesBySource(code, map) {
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const lineEnd = (line) => (line < lineStarts.length ? lineStarts[line] - 1 : code.length);
  const mappings = [];
  await SourceMapConsumer.with(map, null, (consumer) => consumer.eachMapping((mapping) => mappings.push(mapping)));
  const ranges = new Map();
  mappings.forEach((mapping, index) => {
    const next = mappings[index + 1];
    const start = lineStarts[mapping.generatedLine - 1] + mapping.generatedColumn;
    const end = next?.generatedLine === mapping.generatedLine ? lineStarts[next.generatedLine - 1] + next.generatedColumn : lineEnd(mapping.generatedLine);
    const source = shortName(mapping.source ?? '(unmapped)');
    if (!ranges.has(source)) ranges.set(source, []);
    ranges.get(source).push([start, end]);
  });
  return ranges;
}

const shortName = (source) => source.replace(/^.*node_modules\//, '').replace(/^.*packages\//, '').replace(/^(\.\.\/)+/, '');

/** The code without the given ranges. */
function without(code, ranges) {
  const removed = new Uint8Array(code.length);
  for (const [start, end] of ranges) removed.fill(1, start, end);
  let kept = '';
  for (let i = 0; i < code.length; ) {
    let j = i;
    while (j < code.length && removed[j] === removed[i]) j++;
    if (!removed[i]) kept += code.slice(i, j);
    i = j;
  }
  return kept;
}

const rows = [];
let total = 0;
for (const file of loadedAtOnce(entry)) {
  const code = readFileSync(`${dist}/${file}`, 'utf8');
  const whole = gzipped(code);
  total += whole;
  for (const [source, ranges] of await rangesBySource(code, JSON.parse(readFileSync(`${dist}/${file}.map`, 'utf8')))) {
    const minified = ranges.reduce((sum, [start, end]) => sum + end - start, 0);
    if (minified >= 200) rows.push({ source, minified, gzip: whole - gzipped(without(code, ranges)) });
  }
}

rows.sort((a, b) => b.gzip - a.gzip);
console.log(`${entry}: ${(total / 1024).toFixed(1)} KB gzip loaded at once\n`);
console.log('  gzip  minified  module');
for (const { source, minified, gzip } of rows) console.log(`${String(gzip).padStart(6)}  ${String(minified).padStart(8)}  ${source}`);
