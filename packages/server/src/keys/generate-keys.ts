import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { newId, type SigningAlgorithm } from '@mutual/protocol';

export interface GeneratedKeyPair {
  kid: string;
  alg: SigningAlgorithm;
  /** Keep secret: the signing key, as a JWK. */
  privateJwk: JWK;
  /** Publish or paste into the server config: `{ keys: [publicJwk] }`. */
  publicJwks: { keys: JWK[] };
}

/** A fresh signing key pair (Ed25519 by default) for a host app or for a server. */
export async function generateKeys(alg: SigningAlgorithm = 'EdDSA', kid: string = newId()): Promise<GeneratedKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519', extractable: true } : { extractable: true });
  const common = { kid, alg, use: 'sig' };
  return {
    kid,
    alg,
    privateJwk: { ...(await exportJWK(privateKey)), ...common },
    publicJwks: { keys: [{ ...(await exportJWK(publicKey)), ...common }] },
  };
}
