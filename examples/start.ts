// `npm start`: two companies side by side on loopback. The seller (Contoso Software) and the buyer
// (Northwind Manufacturing) each run their own Mutual server and their own host app; the servers
// are peered and the evaluation is seeded on first run. `npm start -- --reset` starts over.
// Ports and the data folder can be moved with the environment variables named below.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { importJWK, type JWK } from 'jose';
import type { SigningKey } from '@mutual/protocol';
import { acceptInvitation, Admin, createInvitation, generateKeys, parseConfig, startServer, type RunningServer } from '@mutual/server';
import { createIntranet } from './corporate-intranet/src/app.js';
import { createPortal } from './customer-portal/src/app.js';
import { applySeed } from './seed/apply-seed.js';
import { BUYER_PEOPLE, SELLER_PEOPLE, SPACE } from './seed/evaluation.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dataDir = resolve(process.env.MUTUAL_DATA_DIR ?? resolve(root, 'data'));
const host = '127.0.0.1';
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const bundlePath = resolve(root, 'packages/elements/dist/mutual-elements.js');

interface Company {
  key: 'seller' | 'buyer';
  domain: string;
  name: string;
  mutualPort: number;
  hostPort: number;
}
const companies: Company[] = [
  { key: 'seller', domain: 'seller.example', name: 'Contoso Software', mutualPort: port('SELLER_MUTUAL_PORT', 4100), hostPort: port('INTRANET_PORT', 4000) },
  { key: 'buyer', domain: 'buyer.example', name: 'Northwind Manufacturing', mutualPort: port('BUYER_MUTUAL_PORT', 4200), hostPort: port('PORTAL_PORT', 4300) },
];

if (process.argv.includes('--reset')) for (const company of companies) rmSync(resolve(dataDir, company.key), { recursive: true, force: true });
if (!existsSync(bundlePath)) {
  console.error('The widgets are not built: run `npm run build` (npm start does it for you).');
  process.exit(1);
}

/** The host app's signing key: made once, kept beside its company's data. Mutual sees only the public half. */
async function hostKeyOf(company: Company): Promise<{ signingKey: SigningKey; publicJwks: { keys: JWK[] } }> {
  const folder = resolve(dataDir, company.key);
  mkdirSync(folder, { recursive: true });
  const file = resolve(folder, 'host-app-signing-key.json');
  if (!existsSync(file)) {
    const keys = await generateKeys('EdDSA');
    writeFileSync(file, JSON.stringify({ private: keys.privateJwk, public: keys.publicJwks }, null, 2), { mode: 0o600 });
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { private: JWK & { kid: string }; public: { keys: JWK[] } };
  return { signingKey: { kid: stored.private.kid, alg: 'EdDSA', key: (await importJWK(stored.private, 'EdDSA')) as SigningKey['key'] }, publicJwks: stored.public };
}

async function startMutual(company: Company, publicJwks: { keys: JWK[] }): Promise<{ server: RunningServer; firstRun: boolean }> {
  const databaseFile = resolve(dataDir, company.key, 'mutual.db');
  const firstRun = !existsSync(databaseFile);
  const hostOrigin = `http://${host}:${company.hostPort}`;
  const config = parseConfig({
    organisation: { domain: company.domain, name: company.name, origin: `http://${host}:${company.mutualPort}` },
    listen: { host, port: company.mutualPort },
    database: { file: databaseFile },
    hostApps: [{ issuer: hostOrigin, jwks: publicJwks, origins: [hostOrigin] }],
  });
  try {
    return { server: await startServer(config), firstRun };
  } catch (error) {
    const variable = company.key === 'seller' ? 'SELLER_MUTUAL_PORT' : 'BUYER_MUTUAL_PORT';
    console.error(`Could not start ${company.name}'s Mutual server on port ${company.mutualPort} (${(error as Error).message}). Set ${variable}.`);
    process.exit(1);
  }
}

const [sellerKey, buyerKey] = [await hostKeyOf(companies[0]!), await hostKeyOf(companies[1]!)];
const seller = await startMutual(companies[0]!, sellerKey.publicJwks);
const buyer = await startMutual(companies[1]!, buyerKey.publicJwks);

if (seller.firstRun || buyer.firstRun) {
  console.log('First run: peering the two servers and seeding an evaluation under way…');
  const started = Date.now();
  // Peering, as two admins would do it: the seller invites, the buyer accepts.
  const { token } = await createInvitation(seller.server.federation.deps);
  await acceptInvitation(buyer.server.federation.deps, token);
  seller.server.federation.deps.directory.invalidate();
  const organisation = (running: RunningServer, domain: string) => ({
    domain,
    admin: new Admin(running.store, domain, { writer: running.writer }),
    writer: running.writer,
    store: running.store,
  });
  const summary = await applySeed(organisation(seller.server, 'seller.example'), organisation(buyer.server, 'buyer.example'));
  console.log(`Seeded ${JSON.stringify(summary)} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

const space = { id: SPACE.id, title: SPACE.name };
const intranet = createIntranet({ origin: `http://${host}:${companies[0]!.hostPort}`, mutualOrigin: seller.server.config.organisation.origin, signingKey: sellerKey.signingKey, bundlePath, people: SELLER_PEOPLE, space });
const portal = createPortal({ origin: `http://${host}:${companies[1]!.hostPort}`, mutualOrigin: buyer.server.config.organisation.origin, signingKey: buyerKey.signingKey, bundlePath, people: BUYER_PEOPLE, space });

const listen = (app: { fetch: (request: Request) => Response | Promise<Response> }, company: Company, variable: string) =>
  new Promise<Server>((resolvePromise) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: company.hostPort }, () => resolvePromise(server as Server));
    server.on('error', (error) => {
      console.error(`Could not start ${company.name}'s host app on port ${company.hostPort} (${error.message}). Set ${variable}.`);
      process.exit(1);
    });
  });
const hosts = [await listen(intranet, companies[0]!, 'INTRANET_PORT'), await listen(portal, companies[1]!, 'PORTAL_PORT')];

console.log(`
Mutual is running: two companies, one evaluation.
  Contoso intranet (seller):      http://${host}:${companies[0]!.hostPort}/   sign in as Alice Martin (account executive)
  Northwind portal (buyer, FR):   http://${host}:${companies[1]!.hostPort}/   sign in as Dana Schmidt (the decider)
  Contoso's Mutual server:        ${seller.server.url}   (API: ${seller.server.url}/openapi.json)
  Northwind's Mutual server:      ${buyer.server.url}
Post in "Proof" from one side and watch it arrive on the other. Press Ctrl-C to stop.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  for (const server of hosts) server.close();
  await Promise.all([seller.server.close(), buyer.server.close()]);
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
