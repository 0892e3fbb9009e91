import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { systemClock, type Clock } from '@mutual/protocol';
import { createApp } from './app.js';
import type { ResolvedConfig, ServerConfig } from './config/config.js';
import type { Store } from './store/store.js';
import { PostgresNotifier } from './live/postgres-notifier.js';
import { openStore } from './store/open-store.js';
import type { Mailer } from './notify/mailer.js';
import { kyselyOf } from './webhooks/kysely-of.js';
import { WebhookStore } from './webhooks/webhook-store.js';
import { WebhookWorker } from './webhooks/webhook-worker.js';

export interface RunningServer {
  /** Where it listens, e.g. http://127.0.0.1:4100 */
  url: string;
  /** The configuration in force, with the origin resolved. */
  config: ResolvedConfig;
  store: Store;
  app: ReturnType<typeof createApp>['app'];
  writer: ReturnType<typeof createApp>['writer'];
  federation: ReturnType<typeof createApp>['federation'];
  notifications: ReturnType<typeof createApp>['notifications'];
  /** Sends this organisation's webhook deliveries (webhooks/). */
  webhooks: WebhookWorker;
  close(): Promise<void>;
}

export interface StartServerOptions {
  clock?: Clock;
  /** Use this store instead of opening the configured one (it is closed with the server). */
  store?: Store;
  /** Send notification e-mails with this instead of the configured SMTP server. */
  mailer?: Mailer;
}

/**
 * Opens the store, listens, then builds the app (so that a server on port 0 knows its own
 * origin). `close()` ends open streams, then closes the store.
 */
export async function startServer(config: ServerConfig, options: StartServerOptions = {}): Promise<RunningServer> {
  const store = options.store ?? (await openStore(config.database));
  // `env` carries @hono/node-server's Node request and response (the live stream writes to the latter).
  let handle: (request: Request, env: unknown) => Response | Promise<Response> = () => new Response('starting', { status: 503 });
  const server = await new Promise<Server>((resolve) => {
    const listening = serve(
      {
        fetch: (request, env) => handle(request, env),
        hostname: config.listen.host,
        port: config.listen.port,
        // Room for an oversized token to reach our own check and get a 401 with its code.
        serverOptions: { maxHeaderSize: 32 * 1024 },
      },
      () => resolve(listening as Server),
    );
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  const resolved: ResolvedConfig = { ...config, organisation: { ...config.organisation, origin: config.organisation.origin ?? url } };
  const { app, writer, federation, hub, notifications } = createApp({
    config: resolved,
    store,
    clock: options.clock ?? systemClock,
    ...(options.mailer && { mailer: options.mailer }),
  });
  handle = app.fetch;
  federation.worker.start();
  notifications.worker?.start();
  const webhooks = new WebhookWorker({ store: new WebhookStore(kyselyOf(store)), domain: resolved.organisation.domain, clock: options.clock ?? systemClock, ...resolved.webhooks });
  webhooks.start();
  // Several processes on one PostgreSQL: hear the others' appends.
  const notifier = config.database.url ? new PostgresNotifier(config.database.url, hub, () => federation.worker.wake()) : undefined;
  await notifier?.start();
  return {
    url,
    config: resolved,
    store,
    app,
    writer,
    federation,
    webhooks,
    notifications,
    async close() {
      await notifier?.stop();
      await notifications.worker?.stop();
      await webhooks.stop();
      await federation.worker.stop();
      await federation.deps.backfiller.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
