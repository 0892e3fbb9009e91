import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { neutralise, parseCsv, restore, toCsv } from './csv.js';

describe('plan CSV', () => {
  it('quotes as RFC 4180 says and reads it back', () => {
    const rows = [
      ['a', 'b,c', 'say "hi"'],
      ['line\r\nbreak', '', 'café ✓'],
    ];
    const text = toCsv(rows);
    assert.equal(text, 'a,"b,c","say ""hi"""\r\n"line\r\nbreak",,café ✓\r\n');
    assert.deepEqual(parseCsv(text), rows);
    assert.deepEqual(parseCsv('\ufeffx,y\nz,"w"'), [['x', 'y'], ['z', 'w']], 'a BOM and bare LF are accepted');
    assert.throws(() => parseCsv('a,"open\r\n'), /not closed/);
    assert.throws(() => parseCsv('"a"b,c'), /after a closing quote/);
  });

  it('neutralises every cell a spreadsheet would run as a formula, and gives back the exact text', () => {
    const hostile = ['=HYPERLINK("https://evil.test","x")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1', "'=already quoted", "''@twice"];
    for (const cell of hostile) {
      const written = neutralise(cell);
      assert.equal(written[0], "'", cell);
      assert.equal(restore(written), cell);
    }
    for (const harmless of ['plain', "'quoted text", 'a=b', '', ' =spaced']) assert.equal(neutralise(harmless), harmless);
    for (const cell of hostile) assert.match(toCsv([[cell]]), /^"?'/, `${JSON.stringify(cell)} starts with ' in the file`);
    assert.deepEqual(parseCsv(toCsv([hostile]))[0], hostile);
  });

  it('neutralises a formula after a semicolon or a tab inside a cell too (where Excel set to ";" starts a cell), and gives back the exact text', () => {
    const hostile = ["Kickoff;=cmd|' /C calc'!A0", 'a;"=HYPERLINK(""x"")', 'a;""+1', 'x\t@SUM(A1)', "a;'=b", "a;''-1", '\t\t=1', ';=;=', 'a\t;\t-1', '\t=1', "\t'=1", '\t"\'=1'];
    for (const cell of hostile) {
      const written = neutralise(cell);
      assert.ok(!/[;\t]"*[=+\-@]/.test(written), `${JSON.stringify(written)} has no formula after a boundary`);
      assert.equal(restore(written), cell, JSON.stringify(cell));
    }
    const line = toCsv([['task', 'proof', 't1', hostile[0]!]]).trimEnd();
    assert.ok(line.split(';').slice(1).every((cell) => !/^"*[=+\-@\t\r]/.test(cell)), `split on ";": ${line}`);
    for (const harmless of ['a;b', 'a; =b', 'x\ty', "it's;fine"]) assert.equal(neutralise(harmless), harmless);
    assert.deepEqual(parseCsv(toCsv([hostile]))[0], hostile);
  });

  it('gives back every short text of the characters that matter exactly, and leaves no formula after a boundary', () => {
    const alphabet = [';', '\t', '"', "'", '=', 'a', '\r', '-'];
    let texts = [''];
    for (let length = 1; length <= 5; length++) {
      texts = texts.flatMap((text) => alphabet.map((char) => text + char));
      for (const text of texts) {
        const written = neutralise(text);
        assert.equal(restore(written), text, JSON.stringify(text));
        assert.ok(!/^[=+\-@\t\r]/.test(written) && !/[;\t]"*[=+\-@\t\r]/.test(written), JSON.stringify(written));
      }
    }
    assert.deepEqual(parseCsv(toCsv([texts.slice(0, 2000)]))[0], texts.slice(0, 2000));
  });
});
