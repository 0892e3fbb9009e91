import { FEDERATION_PROTOCOL, WELL_KNOWN_JWKS_PATH, WELL_KNOWN_METADATA_PATH, type ServerMetadata } from '@mutual/protocol';
import { Hono } from 'hono';
import type { FederationDeps } from './context.js';

/** What any server may read about this one: who it is and its public keys. */
export function metadataRoutes({ config, keys }: FederationDeps) {
  const { domain, name, origin } = config.organisation;
  return new Hono()
    .get(WELL_KNOWN_METADATA_PATH, (c) => {
      const metadata: ServerMetadata = { protocol: FEDERATION_PROTOCOL, domain, name, origin, jwks_uri: `${origin}${WELL_KNOWN_JWKS_PATH}` };
      return c.json(metadata);
    })
    .get(WELL_KNOWN_JWKS_PATH, async (c) => c.json(await keys.jwks()));
}
