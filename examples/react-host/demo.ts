// The React host next to a real Mutual server (one organisation, in memory) with a space made
// from the default template and a few posts: what start.ts runs and what the end-to-end test opens.
import { SpaceTemplates } from '../../packages/server/src/templates/space-templates.js';
import { startTestOrganisation, type TestOrganisation } from '@mutual/server/testing';
import { buildReactHost, DEFAULT_BUNDLE } from './build.js';
import { startReactHost } from './host.js';

export const DEMO = {
  space: 'northwind-2027',
  group: 'northwind-2027.proof',
  viewer: { id: 'alice@seller.test', name: 'Alice Martin' },
  colleague: { id: 'sam@seller.test', name: 'Sam Okafor' },
  posts: ['Proof environment is live: accounts sent to the buyer’s team.', 'Historian extract received, 1,180 tags. Mapping starts Monday.'],
} as const;

export interface ReactHostDemo {
  url: string;
  organisation: TestOrganisation;
  close(): Promise<void>;
}

export async function startReactHostDemo(options: { bundle?: string; build?: boolean } = {}): Promise<ReactHostDemo> {
  const bundle = options.build === false ? (options.bundle ?? DEFAULT_BUNDLE) : await buildReactHost(options.bundle);
  let organisation: TestOrganisation | undefined;
  const host = await startReactHost({
    bundle,
    settings: () => ({ server: organisation!.url, space: DEMO.space, group: DEMO.group }),
    token: () => organisation!.token(DEMO.viewer.id, { name: DEMO.viewer.name }),
  });
  organisation = await startTestOrganisation({ domain: 'seller.test', name: 'Contoso Software', origins: [host.url] });
  const { admin, server } = organisation;
  for (const person of [DEMO.viewer, DEMO.colleague]) await admin.addPerson(person);
  await new SpaceTemplates(server.store, admin).createSpace({ id: DEMO.space, name: 'Northwind Manufacturing', buyer: 'buyer.test' });
  for (const slug of ['plan', 'steering', 'proof']) {
    for (const person of [DEMO.viewer, DEMO.colleague]) await admin.addMember(`${DEMO.space}.${slug}`, person.id, 'lead');
  }
  for (const [index, text] of DEMO.posts.entries()) {
    await server.writer.write({ space: DEMO.space, group: DEMO.group, author: index % 2 ? DEMO.colleague.id : DEMO.viewer.id, type: 'post', body: { text } });
  }
  return {
    url: host.url,
    organisation,
    async close() {
      await host.close();
      await organisation?.close();
    },
  };
}
