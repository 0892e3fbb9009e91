import { MutualError, type Clock } from '@mutual/protocol';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../api/context.js';
import { json, problems, security } from '../api/openapi.js';
import type { ResolvedConfig } from '../config/config.js';
import type { NotificationSettingsStore } from '../notify/settings-store.js';
import type { Database } from '../store/schema.js';
import type { Kysely } from 'kysely';
import { buildIcs } from './build-ics.js';
import type { CalendarFeeds } from './feed-secrets.js';

const CalendarFeedStatusSchema = z
  .object({ active: z.boolean(), createdAt: z.iso.datetime().optional() })
  .meta({ id: 'CalendarFeedStatus' });

const NewCalendarFeedSchema = z
  .object({
    /** The secret feed URL, shown this once: whoever has it can read the calendar. */
    url: z.url(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'NewCalendarFeed' });

const getFeed = createRoute({
  method: 'get',
  path: '/me/calendar',
  tags: ['calendar'],
  summary: 'Whether I have a private calendar feed (its URL is shown only when made)',
  security,
  responses: { 200: json(CalendarFeedStatusSchema, 'The feed’s status'), 401: problems[401] },
});

const createFeed = createRoute({
  method: 'post',
  path: '/me/calendar',
  tags: ['calendar'],
  summary: 'Make my private calendar feed (ICS), revoking any previous one',
  security,
  responses: { 201: json(NewCalendarFeedSchema, 'The new secret URL'), 401: problems[401] },
});

const revokeFeed = createRoute({
  method: 'delete',
  path: '/me/calendar',
  tags: ['calendar'],
  summary: 'Revoke my calendar feed: its URL answers 404 from now on',
  security,
  responses: { 204: { description: 'Revoked (or there was none)' }, 401: problems[401] },
});

const feedUrl = (config: ResolvedConfig, secret: string) => `${config.organisation.origin}/calendar/${secret}.ics`;

/** /api/me/calendar: each person makes, reads the status of and revokes only their own feed. */
export function calendarApiRoutes({ config, clock }: AppDeps, feeds: CalendarFeeds) {
  return new OpenAPIHono<AppEnv>()
    .openapi(getFeed, async (c) => {
      const status = await feeds.status(c.var.person);
      return c.json({ active: Boolean(status), ...(status && { createdAt: status.createdAt }) }, 200);
    })
    .openapi(createFeed, async (c) => {
      const now = clock();
      const secret = await feeds.create(c.var.person, now);
      return c.json({ url: feedUrl(config, secret), createdAt: new Date(now).toISOString() }, 201);
    })
    .openapi(revokeFeed, async (c) => {
      await feeds.revoke(c.var.person);
      return c.body(null, 204);
    });
}

export interface CalendarFeedRouteOptions {
  db: Kysely<Database>;
  feeds: CalendarFeeds;
  settings: NotificationSettingsStore;
  config: ResolvedConfig;
  clock: Clock;
}

/**
 * GET /calendar/{secret}.ics — the one URL of Mutual that carries a secret, by design: calendar
 * apps subscribe with a bare URL and cannot send a token. The secret is a revocable capability
 * for one person's calendar only; an unknown or revoked one answers 404 like any missing page.
 */
export function calendarFeedRoutes({ db, feeds, settings, config, clock }: CalendarFeedRouteOptions) {
  return new Hono().get('/calendar/:file', async (c) => {
    const file = c.req.param('file');
    const person = file.endsWith('.ics') ? await feeds.personFor(file.slice(0, -'.ics'.length)) : undefined;
    if (!person) throw new MutualError('not_found', 'Not found');
    const preferences = await settings.get(person);
    const ics = await buildIcs({
      db,
      person,
      locale: preferences?.locale ?? 'en',
      hostApp: preferences?.hostApp,
      hostApps: config.hostApps,
      domain: config.organisation.domain,
      now: clock(),
    });
    return c.body(ics, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'private, max-age=300',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
    });
  });
}
