import { z } from 'zod';

/**
 * `notifications` in the server config. Without `smtp` nothing is sent (the settings API and the
 * calendar feeds still work).
 */
export const NotificationsConfigSchema = z
  .object({
    smtp: z
      .object({
        host: z.string().min(1),
        port: z.number().int().min(1).max(65535).default(587),
        /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
        secure: z.boolean().default(false),
        /**
         * Refuse to send unless STARTTLS succeeds. Defaults to true when `auth` is set (and
         * neither `secure` nor `ignoreTLS` is): otherwise someone on the path who strips STARTTLS
         * from the server's greeting gets the password and every message in clear.
         */
        requireTLS: z.boolean().optional(),
        /** Plain SMTP, no STARTTLS even if offered: only for a local relay or a test sink. */
        ignoreTLS: z.boolean().default(false),
        /** The password may come from MUTUAL_SMTP_PASSWORD instead of the file. */
        auth: z.object({ user: z.string().min(1), pass: z.string().default('') }).optional(),
      })
      .transform(({ requireTLS, ...smtp }) => ({ ...smtp, requireTLS: requireTLS ?? (smtp.auth !== undefined && !smtp.secure && !smtp.ignoreTLS) }))
      .optional(),
    /** The From header, e.g. `"Mutual at Contoso" <mutual@contoso.example>`; default mutual@<domain>. */
    from: z.string().min(3).max(300).optional(),
    /** The daily digest goes out at this hour, UTC. */
    digestHourUtc: z.number().int().min(0).max(23).default(7),
    /** How often the sender looks for work (ms). */
    pollMs: z.number().int().positive().default(15_000),
    /** Retries of a failed send: capped exponential backoff, then give up. */
    retry: z
      .object({
        initialMs: z.number().int().positive().default(30_000),
        maxMs: z.number().int().positive().default(3_600_000),
        maxAttempts: z.number().int().positive().default(10),
      })
      .prefault({}),
  })
  .prefault({});

export type NotificationsConfig = z.infer<typeof NotificationsConfigSchema>;
