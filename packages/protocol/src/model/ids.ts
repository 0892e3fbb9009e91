import { z } from 'zod';
import { base64url } from './base64url.js';

/**
 * Ids of spaces, groups, tasks and milestones: URL-safe, at most 64 characters. Admins may choose
 * readable ones (`acme-2027`); generated ones come from {@link newId}.
 */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, { message: 'letters, digits, _ . - ; at most 64' })
  .meta({ id: 'Id' });

export type Id = z.infer<typeof IdSchema>;

/** A fresh random id (128 bits, base64url). */
export function newId(): Id {
  // Ids start with a letter or digit, so one never looks like an option or a hidden name.
  return base64url(crypto.getRandomValues(new Uint8Array(16))).replace(/^[_-]/, 'x');
}

/** A calendar date, `YYYY-MM-DD`. */
export const DateOnlySchema = z.iso.date().meta({ id: 'Date' });

/** An instant, ISO 8601 in UTC. */
export const InstantSchema = z.iso.datetime().meta({ id: 'Instant' });
