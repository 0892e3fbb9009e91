import { importJWK, type CryptoKey } from 'jose';
import { signEmbedToken, systemClock, type Clock, type PersonId } from '@mutual/protocol';
import { Admin } from '../admin/admin.js';
import { parseConfig, type ServerConfigInput } from '../config/config.js';
import { acceptInvitation, createInvitation } from '../federation/peering.js';

export { acceptInvitation, createInvitation };
import { generateKeys, type GeneratedKeyPair } from '../keys/generate-keys.js';
import { startServer, type RunningServer } from '../server.js';

export interface TestOrganisationOptions {
  domain?: string;
  name?: string;
  /** Origins of the host pages allowed by CORS. */
  origins?: string[];
  /** SQLite file; default an in-memory database. */
  databaseFile?: string;
  /** Listen on this port (to restart a server where its peers expect it); default any free port. */
  port?: number;
  clock?: Clock;
  alg?: 'EdDSA' | 'ES256';
  /** The host app's key pair, to keep it across a restart. */
  hostKeys?: GeneratedKeyPair;
  /** Fast retries for tests: delivery backoff starts here (ms). */
  retryInitialMs?: number;
  retryMaxMs?: number;
  /** Webhook delivery timings (tests make retries fast). */
  webhooks?: ServerConfigInput['webhooks'];
  /** Asks for this bearer token on `GET /metrics`. */
  metricsToken?: string;
  /** The `notifications` config (SMTP server, digest hour…). */
  notifications?: ServerConfigInput['notifications'];
  /** The test host app's link templates (e-mails and calendar entries link back with them). */
  hostLinks?: { space: string; group?: string };
}

export interface TestOrganisation {
  server: RunningServer;
  url: string;
  domain: string;
  issuer: string;
  admin: Admin;
  /** The test host app's signing key, for tests that craft tokens of their own. */
  hostKey: { privateKey: CryptoKey; kid: string; alg: 'EdDSA' | 'ES256' };
  hostKeys: GeneratedKeyPair;
  /** A real embed token, signed by the organisation's test host app. */
  token(person: PersonId, options?: { ttlSeconds?: number; name?: string; email?: string; locale?: string }): Promise<string>;
  /** Peers this organisation with another: this one invites, the other accepts. */
  peerWith(other: TestOrganisation): Promise<void>;
  close(): Promise<void>;
}

/**
 * One organisation's real Mutual server on 127.0.0.1 with a freshly keyed host app, for tests and
 * the examples. Nothing is mocked: tokens, requests and events are signed and verified for real.
 */
export async function startTestOrganisation(options: TestOrganisationOptions = {}): Promise<TestOrganisation> {
  const domain = options.domain ?? 'seller.test';
  const alg = options.alg ?? 'EdDSA';
  const clock = options.clock ?? systemClock;
  const keys = options.hostKeys ?? (await generateKeys(alg));
  const issuer = `https://intranet.${domain}`;
  const input: ServerConfigInput = {
    organisation: { domain, name: options.name ?? domain },
    listen: { host: '127.0.0.1', port: options.port ?? 0 },
    database: { file: options.databaseFile ?? ':memory:' },
    hostApps: [{ issuer, jwks: keys.publicJwks, origins: options.origins ?? ['http://127.0.0.1:9'], ...(options.hostLinks && { links: options.hostLinks }) }],
    ...(options.notifications && { notifications: options.notifications }),
    federation: { retry: { initialMs: options.retryInitialMs ?? 50, maxMs: options.retryMaxMs ?? 1_000 }, pollMs: 200 },
    ...(options.webhooks && { webhooks: options.webhooks }),
    ...(options.metricsToken && { metrics: { token: options.metricsToken } }),
  };
  const server = await startServer(parseConfig(input), { clock });
  const privateKey = (await importJWK(keys.privateJwk, keys.alg)) as CryptoKey;
  const organisation: TestOrganisation = {
    server,
    url: server.url,
    domain,
    issuer,
    hostKeys: keys,
    hostKey: { privateKey, kid: keys.kid, alg: keys.alg },
    admin: new Admin(server.store, domain, { writer: server.writer, clock }),
    token: (person, tokenOptions = {}) =>
      signEmbedToken({
        issuer,
        audience: server.config.organisation.origin,
        person,
        privateKey,
        kid: keys.kid,
        alg: keys.alg,
        clock,
        ...(tokenOptions.ttlSeconds !== undefined && { ttlSeconds: tokenOptions.ttlSeconds }),
        ...(tokenOptions.name !== undefined && { name: tokenOptions.name }),
        ...(tokenOptions.email !== undefined && { email: tokenOptions.email }),
        ...(tokenOptions.locale !== undefined && { locale: tokenOptions.locale }),
      }),
    async peerWith(other) {
      const { token } = await createInvitation({ ...server.federation.deps });
      await acceptInvitation({ ...other.server.federation.deps }, token);
      server.federation.deps.directory.invalidate();
      other.server.federation.deps.directory.invalidate();
    },
    close: () => server.close(),
  };
  return organisation;
}
