import { sha256Base64url } from '../model/base64url.js';

/** base64url(SHA-256(bytes)): binds a signed request to its exact body. */
export function bodyHash(body: Uint8Array | string): Promise<string> {
  return sha256Base64url(typeof body === 'string' ? new TextEncoder().encode(body) : body);
}
