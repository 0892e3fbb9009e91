import { nodeCrypto } from '../platform/node-crypto.js';

/** base64url without padding (RFC 4648 §5), as JOSE uses it. Platform APIs only. */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url(SHA-256(bytes)). Synchronous `createHash` on Node (platform/node-crypto.ts). */
export async function sha256Base64url(bytes: Uint8Array): Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(bytes).digest('base64url');
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}
