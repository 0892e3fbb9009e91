import { createEmbedTokenVerifier, MutualError, systemClock, type Clock } from '@mutual/protocol';
import { OpenAPIHono } from '@hono/zod-openapi';
import { agreementRoutes } from './api/agreements.js';
import { apiCors } from './api/api-cors.js';
import { limitBodies } from './api/body-limit.js';
import { securityHeaders } from './api/security-headers.js';
import { calendarApiRoutes, calendarFeedRoutes } from './calendar/calendar-routes.js';
import { CalendarFeeds } from './calendar/feed-secrets.js';
import { cockpitRoutes } from './api/cockpit.js';
import { planRoutes } from './plan-io/plan-routes.js';
import { feedRoutes } from './api/feed.js';
import { meRoutes } from './api/me.js';
import { queuedEntryRoutes } from './api/queued-entries.js';
import { refusedWriteRoutes } from './api/refused-writes.js';
import { spaceRoutes } from './api/spaces.js';
import { streamRoutes } from './api/stream.js';
import { taskRoutes } from './api/tasks.js';
import type { AppDeps, AppEnv } from './api/context.js';
import { embedAuth } from './auth/embed-auth.js';
import { hostAppsFromConfig } from './auth/host-apps.js';
import type { ResolvedConfig } from './config/config.js';
import { handleError, problemResponse } from './errors/problem.js';
import { createFederation } from './federation/federation.js';
import { LiveHub } from './live/hub.js';
import { metricsAccess } from './metrics/metrics-access.js';
import { ServerMetrics } from './metrics/metrics.js';
import { databaseOf } from './notify/db.js';
import type { Mailer } from './notify/mailer.js';
import { createNotifications } from './notify/notifications.js';
import type { Store } from './store/store.js';

export interface CreateAppOptions {
  config: ResolvedConfig;
  store: Store;
  clock?: Clock;
  hub?: LiveHub;
  /** Send notification e-mails with this instead of the configured SMTP server. */
  mailer?: Mailer;
}

/** Builds the Hono app of one organisation's Mutual server. No I/O happens until it is served. */
export function createApp(options: CreateAppOptions) {
  const clock = options.clock ?? systemClock;
  const hub = options.hub ?? new LiveHub();
  const { config, store } = options;
  const federation = createFederation({ config, store, hub, clock });
  const deps: AppDeps = { config, store, hub, clock, writer: federation.deps.writer };
  const notifications = createNotifications({ config, store, clock, ...(options.mailer && { mailer: options.mailer }) });
  const calendarFeeds = new CalendarFeeds(databaseOf(store));
  const verify = createEmbedTokenVerifier({
    audience: config.organisation.origin,
    hostApps: hostAppsFromConfig(config.hostApps, config.organisation.domain),
    clock,
  });

  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const detail = result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
        throw new MutualError('invalid_request', 'the request does not match its schema', { detail });
      }
    },
  });
  const metrics = new ServerMetrics(store, hub);
  federation.worker.onError((peer) => metrics.deliveryFailures.inc({ peer }));
  app.onError(handleError);
  app.notFound((c) => problemResponse(c, 'not_found', 'Not found'));
  app.use('*', metrics.middleware());
  // hono/secure-headers' set (cross-origin resources), also prepared for routes that answer at once.
  app.use('*', securityHeaders());

  app.get('/healthz', (c) => c.json({ status: 'ok', organisation: config.organisation.domain, streams: hub.subscriberCount }));
  // Prometheus scrapes this: with a bearer token when one is configured, and in any case only
  // from the internal network (see docs/deploy.md).
  app.get('/metrics', metricsAccess(config.metrics.token), async (c) => c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType }));
  app.route('/', federation.routes);
  app.route('/', calendarFeedRoutes({ db: databaseOf(store), feeds: calendarFeeds, settings: notifications.settings, config, clock }));

  app.use(
    '/api/*',
    apiCors({
      // Exact origins only, never reflected: an unlisted origin gets no allow header at all.
      origins: config.hostApps.flatMap((app) => app.origins),
      allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Last-Event-ID'],
      maxAge: 600,
    }),
  );
  app.use('/api/*', limitBodies(config.limits.bodyBytes));
  app.use('/api/*', embedAuth({ verify, store, clock }));
  app.use('/api/*', notifications.contactMiddleware);
  app.openAPIRegistry.registerComponent('securitySchemes', 'embedToken', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT (typ mutual-embed+jwt)',
    description: 'An embed token signed by a registered host app for its signed-in user.',
  });

  app.route('/api', meRoutes(deps));
  app.route('/api', spaceRoutes(deps));
  app.route('/api', feedRoutes(deps));
  app.route('/api', refusedWriteRoutes(deps));
  app.route('/api', queuedEntryRoutes(deps));
  app.route('/api', taskRoutes(deps));
  app.route('/api', agreementRoutes(deps, federation));
  app.route('/api', cockpitRoutes(deps, federation));
  app.route('/api', planRoutes(deps));
  app.route('/api', streamRoutes(deps));
  app.route('/api', notifications.routes(deps));
  app.route('/api', calendarApiRoutes(deps, calendarFeeds));

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Mutual client API',
      version: '0.1.0',
      description: `The API of ${config.organisation.name}'s Mutual server for its own people's widgets.`,
    },
    servers: [{ url: config.organisation.origin }],
  });

  return { app, hub, writer: deps.writer, federation, notifications };
}
