import type { Clock, MembershipClaim } from '@mutual/protocol';
import type { VerifiedTokens } from '../auth/verified-token-cache.js';
import type { ResolvedConfig } from '../config/config.js';
import type { LiveHub } from '../live/hub.js';
import type { EventWriter } from '../log/event-writer.js';
import type { Store } from '../store/store.js';
import type { Backfiller } from './backfiller.js';
import type { ClaimIssuer } from './claims.js';
import type { FederationClient } from './federation-client.js';
import type { PeerDirectory } from './peer-directory.js';
import type { ReplicaApplier } from './replica.js';
import type { ServerKeys } from './server-keys.js';

/** Everything the federation routes and worker share. */
export interface FederationDeps {
  config: ResolvedConfig;
  store: Store;
  hub: LiveHub;
  clock: Clock;
  keys: ServerKeys;
  directory: PeerDirectory;
  client: FederationClient;
  claims: ClaimIssuer;
  applier: ReplicaApplier;
  backfiller: Backfiller;
  writer: EventWriter;
  /** This home's membership claims that verified, by the peer that presented them and the token. */
  verifiedClaims: VerifiedTokens<MembershipClaim>;
}
