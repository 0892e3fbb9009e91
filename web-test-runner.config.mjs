// Browser suites: the elements' *.test.ts files in Debian's Chromium, against a REAL Mutual server
// started here. The test page asks this config's middleware for fixtures and for embed tokens,
// the way a host app's server side would sign them.
import { createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { startTestOrganisation } from '@mutual/server/testing';
import { CHROMIUM_ARGS, requireChromium } from './scripts/find-chromium.mjs';

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

const port = await freePort();
const pageOrigin = `http://127.0.0.1:${port}`;
const org = await startTestOrganisation({ domain: 'seller.test', name: 'Seller Corp', origins: [pageOrigin] });
// dora is the buyer's: the seller can only add a person of a peer organisation to its groups.
const buyer = await startTestOrganisation({ domain: 'buyer.test', name: 'Buyer Manufacturing' });
await org.peerWith(buyer);

const people = {
  ana: { id: 'ana@seller.test', name: 'Ana Lima', title: 'Account executive' },
  bob: { id: 'bob@seller.test', name: 'Bob Martin', title: 'Solutions engineer' },
  carla: { id: 'carla@seller.test', name: 'Carla Dubois', title: 'Legal counsel' },
  dora: { id: 'dora@buyer.test', name: 'Dora Weiss', title: 'Head of operations' },
};
for (const person of Object.values(people)) await org.admin.addPerson(person);

let spaces = 0;
/** A fresh space per call, so browser tests never see each other's data. */
async function createFixture() {
  const id = `space-${++spaces}`;
  const { groups } = await org.admin.createSpace({ id, name: `Evaluation ${spaces}`, buyer: 'buyer.test', decisionDate: '2027-03-31' });
  const group = (slug) => groups.find((g) => g.id === `${id}.${slug}`).id;
  const ids = { plan: group('plan'), proof: group('proof'), steering: group('steering'), internal: group('internal') };
  for (const slug of ['plan', 'proof', 'steering', 'internal']) await org.admin.addMember(ids[slug], people.ana.id, 'lead');
  await org.admin.addMember(ids.plan, people.bob.id);
  await org.admin.addMember(ids.proof, people.bob.id);
  await org.admin.addMember(ids.plan, people.carla.id);
  await org.admin.addMember(ids.plan, people.dora.id);
  const write = (author, type, body) => org.server.writer.writeHere({ space: id, group: ids.plan, author, type, body });
  const { event: welcome } = await write(people.ana.id, 'post', { text: 'Welcome to the evaluation plan!' });
  await write(people.bob.id, 'reply', { parent: welcome.id, text: 'Demo environment is ready.' });
  // dora's server would federate this in; here it is written as the home server would apply it.
  await write(people.dora.id, 'post', { text: 'Our security review starts next week.' });
  return { server: org.url, space: id, groups: ids, people: Object.fromEntries(Object.entries(people).map(([k, p]) => [k, p.id])) };
}

async function readJson(request) {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text ? JSON.parse(text) : {};
}

function mutualTestEndpoints() {
  return async function mutualTestEndpoints(context, next) {
    if (context.method === 'POST' && context.path === '/__mutual/fixture') {
      context.type = 'application/json';
      context.body = JSON.stringify(await createFixture());
      return;
    }
    if (context.method === 'POST' && context.path === '/__mutual/token') {
      const { person, ttlSeconds } = await readJson(context.req);
      context.type = 'application/json';
      context.body = JSON.stringify({ token: await org.token(person, ttlSeconds ? { ttlSeconds } : {}) });
      return;
    }
    return next();
  };
}

export default {
  files: ['packages/elements/src/**/*.test.ts'],
  hostname: '127.0.0.1',
  port,
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  concurrency: 1,
  // Lit's dev build announces itself in every file; the tests keep dev mode for its extra checks.
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').startsWith('Lit is in dev mode'),
  testFramework: { config: { timeout: 10000 } },
  browsers: [chromeLauncher({ launchOptions: { executablePath: requireChromium(), args: CHROMIUM_ARGS } })],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'packages/elements/tsconfig.json' }),
    {
      name: 'mutual-server',
      async serverStop() {
        await Promise.all([org.close(), buyer.close()]);
      },
    },
  ],
  middleware: [mutualTestEndpoints()],
};
