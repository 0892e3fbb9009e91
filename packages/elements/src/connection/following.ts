import type { MutualConnection } from './connection.js';
import { LiveStatus } from './live-stream.js';

/** Connections whose stream took longer than the wait once: not waited for again. */
const slow = new WeakSet<MutualConnection>();

/**
 * Resolves once the connection's live stream follows its space (the server said `ready`: everything
 * written from then on arrives), at once if it already does or did (a stream that reconnects
 * resumes where it was). A widget's first read made after this misses nothing; one made before
 * could be older than where the stream starts, and what came in between would show nowhere.
 *
 * Never in the way of a page without live updates: resolves at once when the stream has stopped for
 * good (a 403), after `timeoutMs` when it is slow to start (a proxy that buffers), and at once for
 * a connection that was slow before. A function rather than a method: it asks only what every
 * `MutualConnection` has had from the start, so a widget works with a `<mutual-space>` of an older
 * bundle on the same page.
 */
export function following(connection: MutualConnection, timeoutMs = 2_000): Promise<void> {
  const status = connection.status;
  if (connection.closed || status === LiveStatus.open || status === LiveStatus.closed || connection.lastEventId !== '' || slow.has(connection)) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stop();
      resolve();
    };
    const timer = setTimeout(() => {
      slow.add(connection);
      done();
    }, timeoutMs);
    const stop = connection.onStatusChange((changed) => {
      if (changed === LiveStatus.open || changed === LiveStatus.closed) done();
    });
  });
}
