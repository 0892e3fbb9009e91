import { importJWK, type CryptoKey } from 'jose';
import { signEmbedToken, type PersonId } from '@mutual/protocol';
import { Admin, generateKeys, parseConfig, startServer } from '@mutual/server';
import { acceptInvitation, createInvitation, type TestOrganisation } from '@mutual/server/testing';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.js';

export interface ProxiedOrganisation extends TestOrganisation {
  /** Every federation request to this organisation goes through it. */
  proxy: FaultProxy;
}

/**
 * A real server whose public origin is a fault-injecting proxy in front of it: peers pin the
 * proxy's URL, so every request they send crosses the proxy, while its own people (the client
 * API) talk to it directly.
 */
export async function startProxiedOrganisation(domain: string, options: { databaseFile?: string; retryMaxMs?: number } = {}): Promise<ProxiedOrganisation> {
  const proxy = await startFaultProxy();
  const keys = await generateKeys('EdDSA');
  const issuer = `https://intranet.${domain}`;
  const server = await startServer(
    parseConfig({
      organisation: { domain, name: domain, origin: proxy.url },
      listen: { host: '127.0.0.1', port: 0 },
      database: { file: options.databaseFile ?? ':memory:' },
      hostApps: [{ issuer, jwks: keys.publicJwks, origins: ['http://127.0.0.1:9'] }],
      federation: { retry: { initialMs: 50, maxMs: options.retryMaxMs ?? 500 }, pollMs: 200 },
    }),
  );
  proxy.target = Number(new URL(server.url).port);
  const privateKey = (await importJWK(keys.privateJwk, 'EdDSA')) as CryptoKey;
  const admin = new Admin(server.store, domain, { writer: server.writer });
  return {
    server,
    url: server.url,
    domain,
    issuer,
    admin,
    proxy,
    hostKeys: keys,
    hostKey: { privateKey, kid: keys.kid, alg: 'EdDSA' },
    token: (person: PersonId, tokenOptions: { ttlSeconds?: number } = {}) =>
      signEmbedToken({ issuer, audience: proxy.url, person, privateKey, kid: keys.kid, alg: 'EdDSA', ...(tokenOptions.ttlSeconds !== undefined && { ttlSeconds: tokenOptions.ttlSeconds }) }),
    async peerWith(other: TestOrganisation) {
      const { token } = await createInvitation(server.federation.deps);
      await acceptInvitation(other.server.federation.deps, token);
      server.federation.deps.directory.invalidate();
      other.server.federation.deps.directory.invalidate();
    },
    async close() {
      await server.close();
      await proxy.close();
    },
  };
}
