import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { httpChunk } from './http-chunk.js';

describe('HTTP chunks of live frames', () => {
  it('frames the bytes with their length in hex, as chunked transfer coding does', () => {
    assert.equal(httpChunk(Buffer.from('abc')).toString(), '3\r\nabc\r\n');
    assert.equal(httpChunk(Buffer.from('é'.repeat(13))).toString(), `1a\r\n${'é'.repeat(13)}\r\n`, 'the length counts bytes');
  });

  it('frames a frame once, however many streams send it', () => {
    const frame = Buffer.from('event: group-event\nid: 1\ndata: {}\n\n');
    assert.equal(httpChunk(frame), httpChunk(frame));
  });
});
