/** Standard Webhooks secrets start with this; the rest is base64 of the HMAC key. */
export const SECRET_PREFIX = 'whsec_';

/** A fresh signing secret: `whsec_` and 32 random bytes in base64 (what `Webhook` expects). */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
}
