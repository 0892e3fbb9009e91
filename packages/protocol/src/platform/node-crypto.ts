/**
 * Node's own crypto module when this code runs on Node (the server), or undefined (browsers).
 * Found through `process.getBuiltinModule` rather than imported, so bundles for the browser never
 * reference it. On the server's hot paths WebCrypto costs more than it should: each digest or
 * signature is a thread-pool job and a promise, ≈ 5× the CPU of `createHash` for a SHA-256 and
 * ≈ 2× `crypto.sign` for an Ed25519 signature (docs/performance.md). Only hashing and signing
 * use it; every signature is still verified through jose.
 */
export interface NodeCrypto {
  createHash(algorithm: 'sha256'): { update(data: Uint8Array): { digest(encoding: 'base64url'): string } };
  sign(algorithm: string | null, data: Uint8Array, key: NodeKeyObject | { key: NodeKeyObject; dsaEncoding: 'ieee-p1363' }): Uint8Array;
  KeyObject: { from(key: CryptoKey): NodeKeyObject };
}

/** Node's KeyObject, as far as signing needs it. */
export interface NodeKeyObject {
  readonly type: string;
  readonly asymmetricKeyType?: string;
  readonly asymmetricKeyDetails?: { namedCurve?: string };
}

type WithBuiltins = { process?: { getBuiltinModule?: (id: string) => unknown } };

export const nodeCrypto = (globalThis as WithBuiltins).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
