import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../api/context.js';
import { body, json, problems, security } from '../api/openapi.js';
import type { NotificationSettingsStore } from './settings-store.js';
import { NOTIFICATION_LOCALES, NOTIFICATION_MODES } from './tables.js';

const NotificationModeSchema = z.enum(NOTIFICATION_MODES).meta({
  id: 'NotificationMode',
  description: '`immediate`: an e-mail for each mention, assignment and due or overdue task, and the daily digest; `daily`: all of it in the daily digest only; `off`: no e-mail.',
});

export const NotificationSettingsSchema = z
  .object({
    mode: NotificationModeSchema,
    locale: z.enum(NOTIFICATION_LOCALES),
    /** Whether this server knows where to write to the caller (their host app sends it). */
    emailKnown: z.boolean(),
    /** The caller's own address, shown only to them. */
    email: z.string().optional(),
  })
  .meta({ id: 'NotificationSettings' });

export const NotificationSettingsChangeSchema = z
  .object({ mode: NotificationModeSchema.optional(), locale: z.enum(NOTIFICATION_LOCALES).optional() })
  .strict()
  .meta({ id: 'NotificationSettingsChange' });

const getSettings = createRoute({
  method: 'get',
  path: '/me/notifications',
  tags: ['notifications'],
  summary: 'My e-mail notification preferences',
  security,
  responses: { 200: json(NotificationSettingsSchema, 'The caller’s preferences'), 401: problems[401] },
});

const putSettings = createRoute({
  method: 'put',
  path: '/me/notifications',
  tags: ['notifications'],
  summary: 'Change my e-mail notification preferences',
  security,
  request: body(NotificationSettingsChangeSchema),
  responses: { 200: json(NotificationSettingsSchema, 'The preferences now in force'), 400: problems[400], 401: problems[401] },
});

/** GET and PUT /api/me/notifications: each person reads and sets only their own. */
export function notificationSettingsRoutes({ clock }: AppDeps, settings: NotificationSettingsStore) {
  const current = async (person: string) => {
    const row = await settings.get(person);
    return {
      mode: row?.mode ?? 'immediate',
      locale: row?.locale ?? 'en',
      emailKnown: Boolean(row?.email),
      ...(row?.email && { email: row.email }),
    } as const;
  };
  return new OpenAPIHono<AppEnv>()
    .openapi(getSettings, async (c) => c.json(await current(c.var.person), 200))
    .openapi(putSettings, async (c) => {
      await settings.savePreferences(c.var.person, c.req.valid('json'), clock());
      return c.json(await current(c.var.person), 200);
    });
}
