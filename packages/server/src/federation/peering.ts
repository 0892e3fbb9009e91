import {
  ALLOWED_ALGORITHMS,
  MAX_INVITATION_KEYS,
  MAX_PINNED_KEYS,
  MutualError,
  PeeringAcceptedSchema,
  PeeringAcceptSchema,
  signInvitation,
  TokenError,
  verifyInvitation,
  verifyServerRequest,
  type PeeringAccept,
  type PeeringAccepted,
} from '@mutual/protocol';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { Hono } from 'hono';
import type { FederationDeps } from './context.js';
import { FederationClient } from './federation-client.js';
import { parseSigned } from './request-auth.js';

type PeeringDeps = Pick<FederationDeps, 'config' | 'store' | 'keys' | 'clock'>;

/** An admin's single-use invitation for another organisation to peer with this one. */
export async function createInvitation({ config, store, keys, clock }: PeeringDeps, ttlSeconds?: number) {
  const key = await keys.signingKey();
  const invitation = await signInvitation(
    // The newest keys only (a token has a size limit); the answer to the acceptor brings them all.
    { origin: config.organisation.origin, domain: config.organisation.domain, name: config.organisation.name, jwks: await keys.jwks(MAX_INVITATION_KEYS) },
    key,
    { clock, ...(ttlSeconds !== undefined && { ttlSeconds }) },
  );
  await store.peers.createInvitation(invitation.id, new Date(clock()).toISOString(), new Date(invitation.expiresAt).toISOString());
  return invitation;
}

/**
 * Accepts another organisation's invitation: introduces this server to the inviter with a request
 * signed by our key, then pins the inviter's origin and keys. Both sides are peers afterwards.
 */
export async function acceptInvitation(deps: PeeringDeps, token: string): Promise<PeeringAccepted> {
  const { config, store, keys, clock } = deps;
  const invitation = await verifyInvitation(token, { clock });
  if (invitation.domain === config.organisation.domain) throw new MutualError('conflict', 'an organisation cannot peer with itself');
  if (await store.peers.getPeer(invitation.domain)) throw new MutualError('conflict', `${invitation.domain} is a peer already`);
  const body: PeeringAccept = {
    invitation: token,
    domain: config.organisation.domain,
    name: config.organisation.name,
    origin: config.organisation.origin,
    jwks: (await keys.jwks()) as PeeringAccept['jwks'],
  };
  const client = new FederationClient({ origin: config.organisation.origin, keys, clock });
  const answer = PeeringAcceptedSchema.parse(
    await client.request({ origin: invitation.origin, signingKid: null }, 'POST', '/federation/v1/peering/accept', body),
  );
  if (answer.domain !== invitation.domain || answer.origin !== invitation.origin) {
    throw new MutualError('conflict', 'the inviter answered as another organisation');
  }
  await store.peers.savePeer({
    domain: answer.domain,
    origin: answer.origin,
    name: answer.name,
    jwks: mergeKeys(invitation.jwks, answer.jwks as JSONWebKeySet),
    signingKid: (await keys.signingKey()).kid,
    since: new Date(clock()).toISOString(),
  });
  return answer;
}

/**
 * Pinned keys only grow (by kid), so what old keys signed keeps verifying. Past the bound the
 * announcement is refused, not cut short: a new key dropped in silence would leave its signer
 * signing with a key this server does not know.
 */
export function mergeKeys(pinned: JSONWebKeySet, announced: JSONWebKeySet): JSONWebKeySet {
  const byKid = new Map(pinned.keys.map((key) => [key.kid, key]));
  for (const key of announced.keys) if (key.kid && !byKid.has(key.kid) && !('d' in key)) byKid.set(key.kid, key);
  if (byKid.size > MAX_PINNED_KEYS) throw new MutualError('conflict', `a peer's keys are pinned up to ${MAX_PINNED_KEYS}`);
  return { keys: [...byKid.values()] };
}

/** The inviter's side of peering: the one federation route a stranger may call. */
export function peeringRoutes(deps: FederationDeps) {
  const { config, store, keys, clock, directory } = deps;
  return new Hono().post('/federation/v1/peering/accept', async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const body = parseSigned(bytes, PeeringAcceptSchema);
    const header = c.req.header('Authorization');
    // The acceptor is not pinned yet: its request must verify with the keys it presents…
    const verified = await verifyServerRequest({
      token: header?.startsWith('Bearer ') ? header.slice(7) : undefined,
      audience: config.organisation.origin,
      method: 'POST',
      path: new URL(c.req.url).pathname,
      body: bytes,
      keysOf: (issuer) => (issuer === body.origin ? createLocalJWKSet(body.jwks as JSONWebKeySet) : undefined),
      clock,
    });
    if (!(await store.peers.rememberRequest(verified.issuer, verified.jti, verified.expiresAt + 60_000, clock()))) {
      throw new TokenError('token_replayed', 'this request was already received');
    }
    // …and the invitation must be one that we signed and have not given away yet.
    const invitation = await verifyInvitation(body.invitation, { clock });
    const ours = await keys.jwks();
    const namesUs = invitation.origin === config.organisation.origin && invitation.domain === config.organisation.domain;
    const signedByUs = await compactVerify(body.invitation, createLocalJWKSet(ours) as never, { algorithms: [...ALLOWED_ALGORITHMS] }).then(
      () => true,
      () => false,
    );
    if (!namesUs || !signedByUs) throw new MutualError('forbidden', 'this invitation was not issued here');
    if (body.domain === config.organisation.domain) throw new MutualError('conflict', 'an organisation cannot peer with itself');
    // An invitation admits a new organisation; it never replaces the origin or keys of a pinned one.
    if ((await store.peers.getPeer(body.domain)) || (await store.peers.getPeerByOrigin(body.origin))) {
      throw new MutualError('conflict', 'that organisation or origin is a peer already');
    }
    const outcome = await store.peers.redeemInvitation(invitation.id, body.domain, new Date(clock()).toISOString());
    if (outcome !== 'redeemed') throw new MutualError('forbidden', `the invitation is ${outcome}`);
    await store.peers.savePeer({
      domain: body.domain,
      origin: body.origin,
      name: body.name,
      jwks: body.jwks as JSONWebKeySet,
      signingKid: (await keys.signingKey()).kid,
      since: new Date(clock()).toISOString(),
    });
    directory.invalidate();
    const answer: PeeringAccepted = {
      domain: config.organisation.domain,
      name: config.organisation.name,
      origin: config.organisation.origin,
      jwks: ours as PeeringAccepted['jwks'],
    };
    return c.json(answer);
  });
}
