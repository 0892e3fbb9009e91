import type { CryptoKey, KeyObject } from 'jose';
import type { SigningAlgorithm } from '../tokens/algorithms.js';

/** A private key with the id and algorithm it signs under. */
export interface SigningKey {
  kid: string;
  alg: SigningAlgorithm;
  key: CryptoKey | KeyObject;
}
