import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * A URL this server sends to or trusts what it reads from (webhooks, a host app's keys): https, or
 * plain http to this machine only, with no user name or password in it. Anyone on the path of
 * plain http could read what is sent or change what is read (add a key, and sign any embed token).
 */
export const SecureUrlSchema = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      if (url.username || url.password) return false;
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    } catch {
      return false;
    }
  }, 'an https:// URL (http:// only to 127.0.0.1, ::1 or localhost), without credentials');
