// ceiling-http: a bare Hono app on @hono/node-server answering the same JSON page from memory.
// What Mutual's read path is measured against: no auth, no database, no validation.
import { serve as serveHttp } from '@hono/node-server';
import { Hono } from 'hono';
import { serve } from '../lib/rpc.mjs';

let server;
serve({
  async start(page) {
    const body = JSON.stringify(page);
    const app = new Hono();
    app.get('/api/groups/:group/posts', (c) => c.body(body, 200, { 'content-type': 'application/json' }));
    const port = await new Promise((resolve) => {
      server = serveHttp({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve(info.port));
    });
    return { url: `http://127.0.0.1:${port}`, bytes: body.length };
  },
  close: () => new Promise((resolve) => (server ? server.close(() => resolve()) : resolve())),
});
