import { ServerResponse } from 'node:http';
import { httpChunk } from './http-chunk.js';

/** Where a live stream writes its messages. */
export interface SseSink {
  /**
   * Queues bytes for the client. `false` once the client is not keeping up: the bytes are queued
   * all the same, but write nothing more until `drain`.
   */
  write(chunk: Uint8Array): boolean;
  /** Ends the response (the client sees the stream end and may reconnect). */
  end(): void;
}

/** What the sink tells the stream that writes to it. */
export interface SseSinkEvents {
  /** The client caught up: writing may resume. */
  drain(): void;
  /** The client went away. */
  closed(): void;
}

/** How much a client may fall behind, in bytes, when the stream has no Node socket to queue on. */
const WEB_QUEUE_BYTES = 16 * 1024;

/**
 * The body of a live stream response, and the sink the stream writes to, handed to `open` once the
 * response's head is out.
 *
 * On Node (`outgoing` is the response of @hono/node-server), @hono/node-server writes the head —
 * with every header the app's middleware set, exactly as for any other response — then asks this
 * body for its first chunk: from then on the messages go straight to the socket
 * (`outgoing.write`, no web stream per message or per response), and `drain` and `close` are the
 * socket's own (see `releaseAdapter`).
 * (`RESPONSE_ALREADY_SENT` cannot be used here: the CORS middleware touches the response before
 * the route runs, so Hono wraps whatever the route returns into a response whose head
 * @hono/node-server writes anyway, and then ends the response.)
 *
 * Elsewhere (`app.request`, other runtimes), messages are queued in the body itself.
 */
export function sseBody(outgoing: unknown, open: (sink: SseSink) => SseSinkEvents): ReadableStream<Uint8Array> {
  const socket = outgoing instanceof ServerResponse ? outgoing : undefined;
  let events: SseSinkEvents | undefined;
  let gone = false;
  const close = () => {
    if (gone) return;
    gone = true;
    events?.closed();
  };
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        // Later pulls (web queue only): the client read what was queued.
        if (events) return events.drain();
        // The first pull: on Node, @hono/node-server has written the head and waits for a body.
        if (socket) {
          const sink = releaseAdapter(socket, controller, close);
          events = open(sink);
          sink.onDrain(() => events!.drain());
          return;
        }
        events = open({
          write: (chunk) => {
            if (gone) return true;
            controller.enqueue(chunk);
            return (controller.desiredSize ?? 0) > 0;
          },
          end: () => {
            if (gone) return;
            gone = true;
            controller.close();
          },
        });
      },
      cancel: close,
    },
    // On Node nothing is ever queued here, and the first pull must wait for @hono/node-server's read.
    socket ? { highWaterMark: 0 } : new ByteLengthQueuingStrategy({ highWaterMark: WEB_QUEUE_BYTES }),
  );
}

/**
 * Lets @hono/node-server's side of the response go, once it has written the head: its body ends
 * here, and the one `end()` it then calls on the response is swallowed, so the response stays
 * open for the stream alone. Otherwise its pending read would hold the response's headers, body
 * stream and promise chain for the life of every stream (≈ 5 KB each; docs/performance.md).
 *
 * From here the connection is the stream's: messages go to it as ready-made HTTP chunks (the
 * response sends chunked, and nothing else writes to it until `end()`, which sends the last
 * chunk), its `drain` says the client caught up and its `close` that the client went away.
 */
function releaseAdapter(response: ServerResponse, controller: ReadableStreamDefaultController<Uint8Array>, close: () => void): SseSink & { onDrain(listener: () => void): void } {
  let swallowing = true;
  // Assigned, never deleted: deleting a property would turn every response into a slow object.
  const stopSwallowing = () => {
    if (!swallowing) return;
    swallowing = false;
    response.end = ServerResponse.prototype.end;
  };
  response.end = function endOnceIgnored(this: ServerResponse) {
    stopSwallowing();
    return this;
  } as typeof response.end;
  controller.close();
  response.on('close', close);
  // Without a chunked connection of its own (never, with the head written here), through the response.
  const connection = response.chunkedEncoding ? response.socket : null;
  let ended = false;
  return {
    write: (chunk) => {
      if (ended || response.destroyed) return true;
      return connection ? connection.write(httpChunk(chunk)) : response.write(chunk);
    },
    end: () => {
      if (ended) return;
      ended = true;
      stopSwallowing();
      response.end();
    },
    onDrain: (listener) => {
      const source = connection ?? response;
      source.on('drain', listener);
      response.once('close', () => source.off('drain', listener));
    },
  };
}
