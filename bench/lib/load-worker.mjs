// The load generator, in its own process so it never shares an event loop with a server.
// Each connection carries its own embed token when tokens are given (a context per connection).
import autocannon from 'autocannon';
import { serve } from './rpc.mjs';

serve({
  /** `post: true` sends a distinct post body on every request (identical drafts would be deduplicated). */
  async run({ url, connections = 50, duration = 5, method = 'GET', tokens = [], post = false, pipelining = 1 }) {
    let nextToken = 0;
    let sent = 0;
    const result = await autocannon({
      url,
      connections,
      duration,
      pipelining,
      requests: [
        {
          method,
          setupRequest(request, context) {
            if (context.token === undefined) context.token = tokens.length ? tokens[nextToken++ % tokens.length] : null;
            const headers = { ...(context.token && { authorization: `Bearer ${context.token}` }) };
            if (post) {
              headers['content-type'] = 'application/json';
              return { ...request, method, headers, body: JSON.stringify({ text: `Bench post ${process.pid}-${sent++}: is the SSO test plan signed off?` }) };
            }
            return { ...request, method, headers };
          },
        },
      ],
    });
    return {
      rps: result.requests.average,
      requests: result.requests.total,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      duration: result.duration,
    };
  },
});
