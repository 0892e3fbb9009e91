// `npm start`: the seller's Mutual server and its intranet, side by side on loopback, seeded on
// first run. `npm start -- --reset` starts over from the seed. Ports and the data folder can be
// moved with INTRANET_PORT, MUTUAL_PORT and MUTUAL_DATA_DIR.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { importJWK, type CryptoKey, type JWK } from 'jose';
import { Admin, generateKeys, parseConfig, startServer } from '@mutual/server';
import { createIntranet } from './intranet.js';
import { seed } from './seed.js';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const dataDir = resolve(process.env.MUTUAL_DATA_DIR ?? resolve(root, 'data'), 'seller');
const host = '127.0.0.1';
const mutualPort = Number(process.env.MUTUAL_PORT ?? 4100);
const intranetPort = Number(process.env.INTRANET_PORT ?? 4000);
const intranetOrigin = `http://${host}:${intranetPort}`;
const bundlePath = resolve(root, 'packages/elements/dist/mutual-elements.js');

if (process.argv.includes('--reset')) rmSync(dataDir, { recursive: true, force: true });
if (!existsSync(bundlePath)) {
  console.error('The widgets are not built: run `npm run build` (npm start does it for you).');
  process.exit(1);
}
mkdirSync(dataDir, { recursive: true });

// The intranet's signing key: made once, kept beside the data. Mutual only ever sees the public half.
const keyFile = resolve(dataDir, 'intranet-signing-key.json');
if (!existsSync(keyFile)) {
  const keys = await generateKeys('EdDSA');
  writeFileSync(keyFile, JSON.stringify({ private: keys.privateJwk, public: keys.publicJwks }, null, 2), { mode: 0o600 });
}
const stored = JSON.parse(readFileSync(keyFile, 'utf8')) as { private: JWK & { kid: string }; public: { keys: JWK[] } };

const databaseFile = resolve(dataDir, 'mutual.db');
const firstRun = !existsSync(databaseFile);
const config = parseConfig({
  organisation: { domain: 'seller.example', name: 'Contoso Software' },
  listen: { host, port: mutualPort },
  database: { file: databaseFile },
  hostApps: [{ issuer: intranetOrigin, jwks: stored.public, origins: [intranetOrigin] }],
});

let mutual;
try {
  mutual = await startServer(config);
} catch (error) {
  console.error(`Could not start Mutual on port ${mutualPort} (${(error as Error).message}). Set MUTUAL_PORT to another port.`);
  process.exit(1);
}
if (firstRun) {
  await seed(new Admin(mutual.store, config.organisation.domain, { writer: mutual.writer }), mutual);
  console.log('Seeded a first evaluation.');
}

const intranet = createIntranet({
  origin: intranetOrigin,
  mutualOrigin: mutual.url,
  signingKey: { privateKey: (await importJWK(stored.private, 'EdDSA')) as CryptoKey, kid: stored.private.kid, alg: 'EdDSA' },
  bundlePath,
});
const intranetServer = serve({ fetch: intranet.fetch, hostname: host, port: intranetPort });
intranetServer.on('error', (error) => {
  console.error(`Could not start the intranet on port ${intranetPort} (${error.message}). Set INTRANET_PORT to another port.`);
  process.exit(1);
});

console.log(`
Mutual is running.
  Intranet (open this):  ${intranetOrigin}/      sign in as Alice Martin, the account executive
  Mutual server:         ${mutual.url}   (API docs: ${mutual.url}/openapi.json)
Open the evaluation in two tabs, post in one, and watch it arrive in the other.
Press Ctrl-C to stop.`);

const stop = async () => {
  intranetServer.close();
  await mutual.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
