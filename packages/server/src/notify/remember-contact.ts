import type { Clock, PersonId } from '@mutual/protocol';
import type { MiddlewareHandler } from 'hono';
import type { EmbedAuthVariables } from '../auth/embed-auth.js';
import type { NotificationSettingsStore } from './settings-store.js';

/**
 * Keeps the e-mail address and language that the person's host app puts in the embed token
 * (optional `email` and `locale` claims), and which host app they came through (for links).
 * Writes only when something changed. Runs after embed authentication.
 */
export function rememberContact(settings: NotificationSettingsStore, clock: Clock): MiddlewareHandler<{ Variables: EmbedAuthVariables }> {
  const known = new Map<PersonId, string>();
  return async function rememberNotificationContact(c, next) {
    const claims = c.get('claims');
    if (claims && (claims.email || claims.locale)) {
      const key = `${claims.email ?? ''}\n${claims.locale ?? ''}\n${claims.issuer}`;
      if (known.get(claims.person) !== key) {
        await settings.saveContact(claims.person, { email: claims.email, locale: claims.locale, hostApp: claims.issuer }, clock());
        if (known.size > 10_000) known.clear();
        known.set(claims.person, key);
      }
    }
    await next();
  };
}
