import { importJWK, type CryptoKey } from 'jose';
import { signEmbedToken, systemClock, type Clock, type PersonId } from '@mutual/protocol';
import { Admin } from '../admin/admin.js';
import { parseConfig, type ServerConfigInput } from '../config/config.js';
import { generateKeys } from '../keys/generate-keys.js';
import { startServer, type RunningServer } from '../server.js';

export interface TestOrganisationOptions {
  domain?: string;
  name?: string;
  /** Origins of the host pages allowed by CORS. */
  origins?: string[];
  /** SQLite file; default an in-memory database. */
  databaseFile?: string;
  clock?: Clock;
  alg?: 'EdDSA' | 'ES256';
}

export interface TestOrganisation {
  server: RunningServer;
  url: string;
  domain: string;
  issuer: string;
  admin: Admin;
  /** The test host app's signing key, for tests that craft tokens of their own. */
  hostKey: { privateKey: CryptoKey; kid: string; alg: 'EdDSA' | 'ES256' };
  /** A real embed token, signed by the organisation's test host app. */
  token(person: PersonId, options?: { ttlSeconds?: number; name?: string }): Promise<string>;
  close(): Promise<void>;
}

/**
 * One organisation's real Mutual server on 127.0.0.1 (port 0) with a freshly keyed host app,
 * for tests and the examples. Nothing is mocked: tokens are signed and verified for real.
 */
export async function startTestOrganisation(options: TestOrganisationOptions = {}): Promise<TestOrganisation> {
  const domain = options.domain ?? 'seller.test';
  const alg = options.alg ?? 'EdDSA';
  const clock = options.clock ?? systemClock;
  const keys = await generateKeys(alg);
  const issuer = `https://intranet.${domain}`;
  const input: ServerConfigInput = {
    organisation: { domain, name: options.name ?? domain },
    listen: { host: '127.0.0.1', port: 0 },
    database: { file: options.databaseFile ?? ':memory:' },
    hostApps: [{ issuer, jwks: keys.publicJwks, origins: options.origins ?? ['http://127.0.0.1:9'] }],
  };
  const server = await startServer(parseConfig(input), { clock });
  const privateKey = await importJWK(keys.privateJwk, alg);
  return {
    server,
    url: server.url,
    domain,
    issuer,
    hostKey: { privateKey: privateKey as CryptoKey, kid: keys.kid, alg },
    admin: new Admin(server.store, domain, { writer: server.writer, clock }),
    token: (person, tokenOptions = {}) =>
      signEmbedToken({
        issuer,
        audience: server.config.organisation.origin,
        person,
        privateKey: privateKey as CryptoKey,
        kid: keys.kid,
        alg,
        clock,
        ...(tokenOptions.ttlSeconds !== undefined && { ttlSeconds: tokenOptions.ttlSeconds }),
        ...(tokenOptions.name !== undefined && { name: tokenOptions.name }),
      }),
    close: () => server.close(),
  };
}
