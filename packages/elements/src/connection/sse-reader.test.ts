import { expect } from '@open-wc/testing';
import { readEventStream, SseParser, type SseMessage } from './sse-reader.js';

function parse(chunks: string[]): { messages: SseMessage[]; comments: string[]; retries: number[]; parser: SseParser } {
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  const parser = new SseParser({
    onMessage: (message) => messages.push(message),
    onComment: (text) => comments.push(text),
    onRetry: (milliseconds) => retries.push(milliseconds),
  });
  for (const chunk of chunks) parser.push(chunk);
  return { messages, comments, retries, parser };
}

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

describe('SseParser', () => {
  it('reads id, event and data', () => {
    const { messages, parser } = parse(['id: 7\nevent: group-event\ndata: {"a":1}\n\n']);
    expect(messages).to.deep.equal([{ id: '7', event: 'group-event', data: '{"a":1}' }]);
    expect(parser.lastEventId).to.equal('7');
  });

  it('defaults the event name to "message"', () => {
    const { messages } = parse(['data: hello\n\n']);
    expect(messages).to.deep.equal([{ id: '', event: 'message', data: 'hello' }]);
  });

  it('joins data lines with a line feed', () => {
    const { messages } = parse(['data: one\ndata: two\ndata:\ndata:  three\n\n']);
    expect(messages[0]!.data).to.equal('one\ntwo\n\n three');
  });

  it('strips one space after the colon only', () => {
    const { messages } = parse(['data:no space\n\n', 'data:   three spaces\n\n']);
    expect(messages.map((message) => message.data)).to.deep.equal(['no space', '  three spaces']);
  });

  it('accepts CRLF, CR and LF line ends, mixed', () => {
    const { messages } = parse(['data: a\r\ndata: b\rdata: c\n\r\nevent: x\rdata: d\r\r']);
    expect(messages).to.deep.equal([
      { id: '', event: 'message', data: 'a\nb\nc' },
      { id: '', event: 'x', data: 'd' },
    ]);
  });

  it('counts a CRLF split across two chunks once', () => {
    const { messages } = parse(['data: a\r', '\ndata: b\r', '\n\r', '\n']);
    expect(messages).to.deep.equal([{ id: '', event: 'message', data: 'a\nb' }]);
  });

  it('handles a message split at any character', () => {
    const text = 'id: 42\r\nevent: group-event\r\ndata: {"event":{"id":"é"}}\r\n\r\n: ping\r\n\r\ndata: next\n\n';
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let index = 0; index < text.length; index += size) chunks.push(text.slice(index, index + size));
      const { messages, comments } = parse(chunks);
      expect(messages, `chunks of ${size}`).to.deep.equal([
        { id: '42', event: 'group-event', data: '{"event":{"id":"é"}}' },
        { id: '42', event: 'message', data: 'next' },
      ]);
      expect(comments, `chunks of ${size}`).to.deep.equal(['ping']);
    }
  });

  it('reports comments and does not dispatch them', () => {
    const { messages, comments } = parse([': keep-alive\n\n:\n\n']);
    expect(messages).to.deep.equal([]);
    expect(comments).to.deep.equal(['keep-alive', '']);
  });

  it('keeps the last id for later messages and commits an id without data', () => {
    const { messages, parser } = parse(['id: 1\ndata: a\n\n', 'data: b\n\n', 'id: 2\n\n']);
    expect(messages.map((message) => message.id)).to.deep.equal(['1', '1']);
    expect(parser.lastEventId).to.equal('2');
  });

  it('resets the id with an empty id field', () => {
    const { messages } = parse(['id: 1\ndata: a\n\nid\ndata: b\n\n']);
    expect(messages.map((message) => message.id)).to.deep.equal(['1', '']);
  });

  it('ignores an id containing NULL', () => {
    const { parser } = parse(['id: 1\n\nid: 2\u0000\n\n']);
    expect(parser.lastEventId).to.equal('1');
  });

  it('does not dispatch an event without data, and forgets its name', () => {
    const { messages } = parse(['event: lonely\n\ndata: x\n\n']);
    expect(messages).to.deep.equal([{ id: '', event: 'message', data: 'x' }]);
  });

  it('dispatches "data" without a value as an empty message', () => {
    const { messages } = parse(['data\n\n']);
    expect(messages).to.deep.equal([{ id: '', event: 'message', data: '' }]);
  });

  it('ignores unknown fields and reads retry', () => {
    const { messages, retries } = parse(['foo: bar\nretry: 2500\nretry: soon\ndata: x\n\n']);
    expect(messages).to.have.length(1);
    expect(retries).to.deep.equal([2500]);
  });

  it('treats a line without a colon as a field with an empty value', () => {
    const { messages } = parse(['event\ndata: x\n\n']);
    expect(messages[0]!.event).to.equal('message');
  });

  it('drops a leading byte order mark', () => {
    const { messages } = parse(['\uFEFFdata: x\n\n']);
    expect(messages).to.have.length(1);
  });

  it('drops an unfinished message at the end of the stream, and its id', () => {
    const { messages, parser } = parse(['id: 1\ndata: a\n\nid: 2\ndata: half']);
    parser.end();
    expect(messages).to.have.length(1);
    expect(parser.lastEventId).to.equal('1');
  });
});

describe('readEventStream', () => {
  it('decodes UTF-8 split inside a character', async () => {
    const bytes = new TextEncoder().encode('data: café ✓\n\n');
    const split = bytes.indexOf(0xc3) + 1; // inside "é"
    const messages: SseMessage[] = [];
    const parser = new SseParser({ onMessage: (message) => messages.push(message) });
    let chunks = 0;
    await readEventStream(streamOf([bytes.slice(0, split), bytes.slice(split)]), parser, { onChunk: () => chunks++ });
    expect(messages).to.deep.equal([{ id: '', event: 'message', data: 'café ✓' }]);
    expect(chunks).to.equal(2);
  });

  it('rejects when the stream fails', async () => {
    const failing = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: a\n\n'));
        controller.error(new TypeError('network'));
      },
    });
    const messages: SseMessage[] = [];
    let failure: unknown;
    try {
      await readEventStream(failing, new SseParser({ onMessage: (message) => messages.push(message) }));
    } catch (error) {
      failure = error;
    }
    expect(failure).to.be.instanceOf(TypeError);
  });
});
