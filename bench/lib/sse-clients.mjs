// Many SSE subscribers in one process of their own (so clients are never the bottleneck): each
// records when a marked message arrives, in time relative to a shared reference sent by the
// orchestrator (performance.timeOrigin + now, the same wall clock in every process).
import { Agent } from 'node:http';
import { openSse } from './sse.mjs';
import { percentile } from './stats.mjs';
import { serve } from './rpc.mjs';

const streams = [];
/** marker → arrival times (wall clock, ms) */
const arrivals = new Map();
const now = () => performance.timeOrigin + performance.now();

serve({
  /** Opens `count` streams to `url`, token i % tokens.length each; resolves when all are ready. */
  async open(url, tokens, count, concurrency = 200) {
    const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          const i = next++;
          let ready;
          const isReady = new Promise((resolve) => (ready = resolve));
          streams.push(
            await openSse(
              url,
              tokens[i % tokens.length],
              (message) => {
                if (message.event === 'ready') return ready();
                const marker = /\[fanout (\d+)\]/.exec(message.data)?.[1];
                if (!marker) return;
                const list = arrivals.get(marker);
                if (list) list.push(now());
                else arrivals.set(marker, [now()]);
              },
              { agent },
            ),
          );
          await isReady;
        }
      }),
    );
    return streams.length;
  },
  count: (markers) => markers.reduce((sum, marker) => sum + (arrivals.get(marker)?.length ?? 0), 0),
  /** For markers sent at `sentAt` (wall clock ms): delivered count and latency percentiles. */
  collect(sent) {
    const latencies = [];
    let delivered = 0;
    for (const [marker, sentAt] of Object.entries(sent)) {
      const list = arrivals.get(marker) ?? [];
      delivered += list.length;
      for (const at of list) latencies.push(at - sentAt);
    }
    arrivals.clear();
    return { delivered, expected: Object.keys(sent).length * streams.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
  },
  close() {
    for (const stream of streams) stream.close();
  },
});
