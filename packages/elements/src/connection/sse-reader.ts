/**
 * A `text/event-stream` parser, as the HTML standard describes it (§9.2.6), for streams read with
 * `fetch`: Mutual never puts a token in a URL, so `EventSource` (which cannot send headers) is out.
 */

/** One dispatched message. */
export interface SseMessage {
  /** The `event` field; `message` when the server gave none. */
  event: string;
  /** The `data` lines joined with `\n`. */
  data: string;
  /** The last `id` seen up to this message (ids carry over); empty when none yet. */
  id: string;
}

export interface SseHandlers {
  onMessage(message: SseMessage): void;
  /** A `:` comment line (servers send them to keep proxies from closing the stream). */
  onComment?(text: string): void;
  /** A `retry` field: the reconnection delay the server asks for, in ms. */
  onRetry?(milliseconds: number): void;
}

const LF = 10;
const CR = 13;

/**
 * Feed it decoded text in chunks of any size; it calls the handlers for each complete message.
 * Lines end in CRLF, LF or CR, and a CRLF split across two chunks counts once.
 */
export class SseParser {
  readonly #handlers: SseHandlers;
  /** The unfinished last line. */
  #pending = '';
  /** The previous chunk ended in CR: a LF starting the next one belongs to it. */
  #afterCR = false;
  #started = false;
  #data: string[] = [];
  #event = '';
  #idBuffer = '';
  #lastEventId = '';

  constructor(handlers: SseHandlers) {
    this.#handlers = handlers;
  }

  /** The id of the last message dispatched: what to send back as `Last-Event-ID`. */
  get lastEventId(): string {
    return this.#lastEventId;
  }

  push(chunk: string): void {
    let text = chunk;
    if (!this.#started && text.length > 0) {
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.#afterCR && text.length > 0) {
      this.#afterCR = false;
      if (text.charCodeAt(0) === LF) text = text.slice(1);
    }
    // Only the new text can hold a line end: the pending part was searched already.
    const buffer = this.#pending + text;
    let lineStart = 0;
    for (let index = this.#pending.length; index < buffer.length; index++) {
      const code = buffer.charCodeAt(index);
      if (code !== LF && code !== CR) continue;
      this.#line(buffer.slice(lineStart, index));
      if (code === CR) {
        if (index + 1 === buffer.length) this.#afterCR = true;
        else if (buffer.charCodeAt(index + 1) === LF) index++;
      }
      lineStart = index + 1;
    }
    this.#pending = buffer.slice(lineStart);
  }

  /** The stream ended: an unfinished message is dropped, as the standard requires. */
  end(): void {
    this.#pending = '';
    this.#afterCR = false;
    this.#data = [];
    this.#event = '';
    this.#idBuffer = this.#lastEventId;
  }

  #line(line: string): void {
    if (line === '') {
      this.#dispatch();
      return;
    }
    if (line.charCodeAt(0) === 0x3a /* : */) {
      this.#handlers.onComment?.(line.slice(1).replace(/^ /, ''));
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 0x20) value = value.slice(1);
    switch (field) {
      case 'event':
        this.#event = value;
        break;
      case 'data':
        this.#data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.#idBuffer = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.#handlers.onRetry?.(Number(value));
        break;
      default:
      // Unknown fields are ignored.
    }
  }

  #dispatch(): void {
    // The id counts as seen once its message is complete, even a message without data.
    this.#lastEventId = this.#idBuffer;
    const data = this.#data;
    const event = this.#event;
    this.#data = [];
    this.#event = '';
    if (data.length === 0) return;
    this.#handlers.onMessage({ event: event || 'message', data: data.join('\n'), id: this.#lastEventId });
  }
}

export interface ReadEventStreamOptions {
  /** Called on every chunk received, comments included: proof that the stream is alive. */
  onChunk?: () => void;
}

/**
 * Reads a `fetch` response body to its end through the parser. Rejects when the stream fails or
 * its request is aborted; resolves when the server ends it.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  parser: SseParser,
  options: ReadEventStreamOptions = {},
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      options.onChunk?.();
      parser.push(decoder.decode(value, { stream: true }));
    }
    parser.push(decoder.decode());
    parser.end();
  } catch (error) {
    parser.end();
    reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
}
