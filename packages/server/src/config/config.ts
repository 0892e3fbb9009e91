import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DomainSchema } from '@mutual/protocol';
import { z } from 'zod';
import { NotificationsConfigSchema } from '../notify/notifications-config.js';
import { WebhooksConfigSchema } from '../webhooks/webhooks-config.js';
import { SecureUrlSchema } from './secure-url.js';

const OriginSchema = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'an exact origin: scheme://host[:port], no path or trailing slash');

/** A link template: an http(s) URL where `{space}` (and `{group}`) are replaced, URL-encoded. */
const LinkTemplateSchema = z
  .string()
  .max(500)
  .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value.replaceAll(/\{(space|group)\}/g, 'x')), 'an http(s) URL template');

export const HostAppLinksSchema = z.object({
  /** e.g. `https://intranet.example/deals/{space}` */
  space: LinkTemplateSchema.refine((value) => value.includes('{space}'), 'must contain {space}'),
  /** e.g. `https://intranet.example/deals/{space}/groups/{group}`; default: the space link. */
  group: LinkTemplateSchema.optional(),
});

export const HostAppConfigSchema = z
  .object({
    /** The `iss` of the embed tokens this host app signs. */
    issuer: z.string().min(1).max(200),
    /** Its public keys, inline… */
    jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())).min(1) }).optional(),
    /** …or where to fetch them: https (plain http to this machine only). */
    jwksUrl: SecureUrlSchema.optional(),
    /** The exact origins of the pages that embed the widgets; CORS answers only these. */
    origins: z.array(OriginSchema).min(1),
    /** Where e-mails and calendar entries link back to in this host app (see docs/notifications.md). */
    links: HostAppLinksSchema.optional(),
  })
  .refine((app) => Boolean(app.jwks) !== Boolean(app.jwksUrl), 'give exactly one of jwks and jwksUrl');

export type HostAppConfig = z.infer<typeof HostAppConfigSchema>;

export const ServerConfigSchema = z.object({
  organisation: z.object({
    domain: DomainSchema,
    name: z.string().min(1),
    /**
     * This server's public origin: the `aud` of every embed token it accepts. When absent, the
     * address it listens on is used (fine on one machine; set it behind a proxy).
     */
    origin: OriginSchema.optional(),
  }),
  listen: z
    .object({ host: z.string().default('127.0.0.1'), port: z.number().int().min(0).max(65535).default(4100) })
    .prefault({}),
  database: z
    .object({
      /** The embedded SQLite file (the default store). */
      file: z.string().default('./data/mutual.db'),
      /** `postgres://…`: use PostgreSQL instead (several server processes may share it). */
      url: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL').optional(),
      /** A PostgreSQL schema to work in (default: the connection's search path). */
      schema: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).optional(),
    })
    .prefault({}),
  hostApps: z.array(HostAppConfigSchema).default([]),
  limits: z
    // The longest post (20,000 characters, up to 4 UTF-8 bytes each) and its JSON fit with room to spare.
    .object({ bodyBytes: z.number().int().positive().default(128 * 1024) })
    .prefault({}),
  notifications: NotificationsConfigSchema,
  webhooks: WebhooksConfigSchema,
  metrics: z
    .object({
      /** When set, `GET /metrics` asks for `Authorization: Bearer <token>` (MUTUAL_METRICS_TOKEN overrides). */
      token: z.string().min(32, 'at least 32 characters (generate one with `openssl rand -base64 32`)').optional(),
    })
    .default({}),
  federation: z
    .object({
      /** Delivery retries: capped exponential backoff with jitter. */
      retry: z
        .object({ initialMs: z.number().int().positive().default(500), maxMs: z.number().int().positive().default(60_000) })
        .prefault({}),
      /** How often the outbox is checked for work written by another process (ms). */
      pollMs: z.number().int().positive().default(1_000),
    })
    .prefault({}),
});

export type ServerConfig = z.infer<typeof ServerConfigSchema>;
/** A configuration whose origin is known (after the server has started listening). */
export type ResolvedConfig = ServerConfig & { organisation: { origin: string } };
export type ServerConfigInput = z.input<typeof ServerConfigSchema>;

/** Validates a config object; throws with every problem listed. */
export function parseConfig(input: unknown): ServerConfig {
  const result = ServerConfigSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`invalid Mutual configuration:\n${problems.join('\n')}`);
  }
  return result.data;
}

/**
 * Reads the config file (JSON) if given, then applies environment overrides:
 * MUTUAL_PORT, MUTUAL_HOST, MUTUAL_DATABASE, MUTUAL_ORIGIN, DATABASE_URL, MUTUAL_SMTP_PASSWORD,
 * MUTUAL_METRICS_TOKEN. A relative database path is taken
 * from the config file's folder.
 */
export function loadConfig(file: string | undefined, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const raw = file ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>) : {};
  const config: Record<string, any> = { ...raw, listen: { ...raw.listen }, database: { ...raw.database }, organisation: { ...raw.organisation } };
  if (env.MUTUAL_PORT) config.listen.port = Number(env.MUTUAL_PORT);
  if (env.MUTUAL_HOST) config.listen.host = env.MUTUAL_HOST;
  if (env.MUTUAL_DATABASE) config.database.file = env.MUTUAL_DATABASE;
  if (env.MUTUAL_ORIGIN) config.organisation.origin = env.MUTUAL_ORIGIN;
  if (env.DATABASE_URL) config.database.url = env.DATABASE_URL;
  if (env.MUTUAL_SMTP_PASSWORD && raw.notifications?.smtp?.auth) {
    config.notifications = { ...raw.notifications, smtp: { ...raw.notifications.smtp, auth: { ...raw.notifications.smtp.auth, pass: env.MUTUAL_SMTP_PASSWORD } } };
  }
  if (env.MUTUAL_METRICS_TOKEN) config.metrics = { ...raw.metrics, token: env.MUTUAL_METRICS_TOKEN };
  if (file && config.database.file && config.database.file !== ':memory:') {
    config.database.file = resolve(dirname(file), config.database.file);
  }
  return parseConfig(config);
}
