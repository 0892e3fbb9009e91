import { Webhook } from 'standardwebhooks';

/**
 * The Standard Webhooks headers for one attempt: `webhook-id` (the event id: the same event is the
 * same message, so a receiver can drop a repeat), `webhook-timestamp` (seconds, this attempt) and
 * `webhook-signature` (`v1,` and the base64 HMAC-SHA256 of `id.timestamp.body`).
 */
export function signedHeaders(secret: string, messageId: string, at: Date, payload: string): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, at, payload),
  };
}
