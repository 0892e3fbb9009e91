// The React host's back end: one page, its bundle, and the endpoint that signs embed tokens for the
// signed-in user. Here nobody signs in: the user is fixed, so anyone who reaches this endpoint gets
// that user's token. In your app, answer only a request that carries your own session (see
// examples/shared/host-app.ts, which keeps one), never a person named by the browser.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReactHostOptions {
  /** The bundle built by build.ts. */
  bundle: string;
  /** Settings for the page, known once the company's Mutual server runs. */
  settings: () => { server: string; space: string; group: string };
  /** Signs an embed token for the signed-in user. */
  token: () => Promise<string>;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startReactHost(options: ReactHostOptions): Promise<{ url: string; close(): Promise<void> }> {
  const bundle = readFileSync(options.bundle);
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    if (request.method === 'GET' && path === '/') {
      const { server: mutual, space, group } = options.settings();
      response.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': `default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' ${mutual}; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
      });
      response.end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mutual in a React host</title><link rel="icon" href="data:,"></head>` +
          `<body><div id="root" data-server="${escape(mutual)}" data-space="${escape(space)}" data-group="${escape(group)}"></div>` +
          `<script type="module" src="/app.js"></script></body></html>`,
      );
    } else if (request.method === 'GET' && path === '/app.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(bundle);
    } else if (request.method === 'POST' && path === '/mutual-token' && request.headers['x-requested-with'] === 'mutual') {
      options.token().then(
        (token) => response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify({ token })),
        () => response.writeHead(500).end(),
      );
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
