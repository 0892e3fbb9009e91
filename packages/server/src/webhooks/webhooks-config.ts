import { z } from 'zod';

/** `webhooks` in the server config: how deliveries to this organisation's own systems are retried. */
export const WebhooksConfigSchema = z
  .object({
    /** Capped exponential backoff with jitter: about 10 hours of tries with the defaults. */
    retry: z
      .object({ initialMs: z.number().int().positive().default(5_000), maxMs: z.number().int().positive().default(3_600_000) })
      .prefault({}),
    /** After this many failed attempts a delivery is marked failed (it stays in the log). */
    maxAttempts: z.number().int().min(1).max(100).default(15),
    /** How long one attempt may take (ms). */
    timeoutMs: z.number().int().positive().default(10_000),
    /** How often the queue is checked (ms). */
    pollMs: z.number().int().positive().default(1_000),
  })
  .prefault({});

export type WebhooksConfig = z.infer<typeof WebhooksConfigSchema>;
