/**
 * A fresh `clientId` for a post or a reply: 128 random bits, base64url (22 characters, within the
 * API's `[A-Za-z0-9_-]{8,64}`). Sending it again with a retry makes the server apply it once.
 * Uses getRandomValues, not randomUUID, which an intranet served over plain http lacks.
 */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
