import { CompactSign, type CryptoKey, type KeyObject } from 'jose';
import { base64url } from '../model/base64url.js';
import { nodeCrypto, type NodeKeyObject } from '../platform/node-crypto.js';
import type { SigningKey } from './signing-key.js';

const encoder = new TextEncoder();

/**
 * A compact JWS of `payload` as JSON with `alg`, `kid` and `typ` in its protected header, as jose's
 * `CompactSign` and `SignJWT` make it: every record (event proof, agreement signature), claim and
 * server request this server signs. On Node it is signed with `crypto.sign` directly: WebCrypto's
 * asynchronous job cost twice the CPU, and on a busy event loop a turn of latency per signature
 * (docs/performance.md). Same bytes: Ed25519 signatures are deterministic, and the header and
 * payload are serialised as jose serialises them (tested). Verifying stays with jose.
 */
export async function signCompact(payload: object, typ: string, key: SigningKey): Promise<string> {
  const header = { alg: key.alg, kid: key.kid, typ };
  const payloadBytes = encoder.encode(JSON.stringify(payload));
  if (!nodeCrypto) return new CompactSign(payloadBytes).setProtectedHeader(header).sign(key.key);
  const signingInput = `${base64url(encoder.encode(JSON.stringify(header)))}.${base64url(payloadBytes)}`;
  const keyObject = nodeKeyOf(key.key);
  // crypto.sign signs with whatever key it is given; jose would have refused a key of another kind.
  const fits = key.alg === 'EdDSA' ? keyObject.asymmetricKeyType === 'ed25519' : keyObject.asymmetricKeyType === 'ec' && keyObject.asymmetricKeyDetails?.namedCurve === 'prime256v1';
  if (keyObject.type !== 'private' || !fits) throw new TypeError(`a ${key.alg} signature needs its own kind of private key`);
  const data = encoder.encode(signingInput);
  // JWS ES256 is the raw r‖s pair (RFC 7518 §3.4), not DER.
  const signature = key.alg === 'EdDSA' ? nodeCrypto.sign(null, data, keyObject) : nodeCrypto.sign('sha256', data, { key: keyObject, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${base64url(signature)}`;
}

const keyObjects = new WeakMap<CryptoKey, NodeKeyObject>();

/** The KeyObject of a private key (made once per CryptoKey: converting costs as much as signing). */
function nodeKeyOf(key: CryptoKey | KeyObject): NodeKeyObject {
  if (!(key instanceof CryptoKey)) return key as NodeKeyObject;
  let keyObject = keyObjects.get(key);
  if (!keyObject) keyObjects.set(key, (keyObject = nodeCrypto!.KeyObject.from(key)));
  return keyObject;
}
