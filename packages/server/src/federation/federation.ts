import { MAX_FEDERATION_BODY_BYTES, MutualError, type Clock, type MembershipClaim } from '@mutual/protocol';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { VerifiedTokens } from '../auth/verified-token-cache.js';
import type { ResolvedConfig } from '../config/config.js';
import type { LiveHub } from '../live/hub.js';
import { EventWriter } from '../log/event-writer.js';
import type { Store } from '../store/store.js';
import { Backfiller } from './backfiller.js';
import { ClaimIssuer } from './claims.js';
import type { FederationDeps } from './context.js';
import { FederationClient } from './federation-client.js';
import { groupRoutes } from './group-routes.js';
import { metadataRoutes } from './metadata-routes.js';
import { OutboxWorker } from './outbox-worker.js';
import { PeerDirectory } from './peer-directory.js';
import { peeringRoutes } from './peering.js';
import { ReplicaApplier } from './replica.js';
import { serverAuth, type FederationEnv } from './request-auth.js';
import { ServerKeys } from './server-keys.js';

export interface Federation {
  deps: FederationDeps;
  worker: OutboxWorker;
  /** Mounted at the root: /.well-known/mutual… and /federation/v1/… */
  routes: Hono;
}

/** Wires one server's federation: keys, peers, the writer, the replica, the outbox worker, routes. */
export function createFederation(options: { config: ResolvedConfig; store: Store; hub: LiveHub; clock: Clock }): Federation {
  const { config, store, hub, clock } = options;
  const keys = new ServerKeys(store.peers, clock);
  const directory = new PeerDirectory(store.peers);
  const client = new FederationClient({ origin: config.organisation.origin, keys, clock });
  const claims = new ClaimIssuer(store, keys, config.organisation.origin, clock);
  let worker: OutboxWorker | undefined;
  const writer = new EventWriter({ store, hub, keys, domain: config.organisation.domain, clock, onOutbox: () => worker?.wake() });
  let applier: ReplicaApplier;
  const backfiller = new Backfiller(store, client, () => applier);
  applier = new ReplicaApplier({
    store,
    hub,
    directory,
    domain: config.organisation.domain,
    origin: config.organisation.origin,
    clock,
    onGap: (peer, group) => void backfiller.request(peer, group),
  });
  worker = new OutboxWorker({
    store,
    client,
    claims,
    applier,
    keys,
    clock,
    retry: config.federation.retry,
    pollMs: config.federation.pollMs,
  });
  // A member server presents the same claim with each of its person's writes for ten minutes.
  const verifiedClaims = new VerifiedTokens<MembershipClaim>({ clock });
  const deps: FederationDeps = { config, store, hub, clock, keys, directory, client, claims, applier, backfiller, writer, verifiedClaims };

  const routes = new Hono();
  routes.route('/', metadataRoutes(deps));
  routes.use(
    '/federation/*',
    bodyLimit({
      maxSize: MAX_FEDERATION_BODY_BYTES,
      onError: () => {
        throw new MutualError('body_too_large', `federation bodies are limited to ${MAX_FEDERATION_BODY_BYTES} bytes`);
      },
    }),
  );
  routes.route('/', peeringRoutes(deps));
  const authenticated = new Hono<FederationEnv>();
  const authenticate = serverAuth({ store, directory, audience: config.organisation.origin, clock });
  authenticated.use('/federation/v1/groups/*', authenticate);
  authenticated.use('/federation/v1/keys', authenticate);
  authenticated.route('/', groupRoutes(deps));
  routes.route('/', authenticated);
  return { deps, worker, routes };
}
