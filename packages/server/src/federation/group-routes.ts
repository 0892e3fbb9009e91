import {
  BackfillSchema,
  DeliverySchema,
  KeysAnnouncementSchema,
  MAX_EVENTS_PER_REQUEST,
  MutualError,
  SubmissionSchema,
  type Backfill,
  type SubmissionResult,
} from '@mutual/protocol';
import { Hono } from 'hono';
import type { JSONWebKeySet } from 'jose';
import type { FederationDeps } from './context.js';
import { entitledThrough } from './entitlement.js';
import { mergeKeys } from './peering.js';
import { parseSigned, type FederationEnv } from './request-auth.js';

/**
 * Largest sealed event or write, in JSON characters: a post is at most 20,000 characters (at most
 * 6 each once escaped) plus its envelope, claim and proof. Anything bigger is no event a server makes.
 */
const MAX_EVENT_BYTES = 256 * 1024;
import { acceptRemoteWrite } from './remote-write.js';

/**
 * The authenticated federation API (`serverAuth` runs first): deliveries in, submissions in,
 * backfill and claims out, key announcements.
 */
export function groupRoutes(deps: FederationDeps) {
  const { store, applier, claims, directory, config } = deps;

  /**
   * The group, if homed here and shared with the peer, and how far into its log the peer may read
   * (see {@link entitledThrough}); 403 otherwise. Claims need a current member (`current`).
   */
  async function groupServedTo(groupId: string, peerDomain: string, { current = false } = {}) {
    const group = await store.getGroup(groupId);
    const through = group && group.home === config.organisation.domain && group.kind !== 'internal' ? await entitledThrough(store, group.id, peerDomain) : 0;
    // One answer whether the group is unknown, homed elsewhere or not shared: ids cannot be probed.
    if (!group || through === 0 || (current && through !== Number.POSITIVE_INFINITY)) {
      throw new MutualError('not_a_member', 'your organisation has no member in this group here');
    }
    return { group, through };
  }

  return new Hono<FederationEnv>()
    .post('/federation/v1/groups/:group/events', async (c) => {
      const delivery = parseSigned(c.var.body, DeliverySchema, { field: 'events', maxItems: MAX_EVENTS_PER_REQUEST, maxItemBytes: MAX_EVENT_BYTES });
      const receipt = await applier.receive(c.var.peer, delivery, c.req.param('group'), { replay: c.var.replay });
      return c.json({ applied: receipt.applied, held: receipt.held, rejected: receipt.rejected });
    })
    .get('/federation/v1/groups/:group/events', async (c) => {
      const { group, through } = await groupServedTo(c.req.param('group'), c.var.peer.domain);
      const after = Math.max(0, Number.parseInt(c.req.query('after') ?? '0', 10) || 0);
      const limit = Math.min(MAX_EVENTS_PER_REQUEST, Math.max(1, Number.parseInt(c.req.query('limit') ?? '100', 10) || 100));
      // A former member's server reads up to its removal, never past it.
      const events = (await store.sealedAfter(group.id, after, limit)).filter(({ event }) => event.seq <= through);
      const people = await store.getPeople(events.map(({ event }) => event.author));
      const answer: Backfill = {
        space: (await store.getSpace(group.space))!,
        group,
        events,
        people: [...people.values()],
        last: Math.min(await store.lastSeq(group.id), through),
      };
      return c.json(BackfillSchema.parse(answer));
    })
    .get('/federation/v1/groups/:group/claims', async (c) => {
      const { group } = await groupServedTo(c.req.param('group'), c.var.peer.domain, { current: true });
      return c.json({ claims: await claims.claimsFor(group, c.var.peer) });
    })
    .post('/federation/v1/groups/:group/submit', async (c) => {
      const submission = parseSigned(c.var.body, SubmissionSchema, { field: 'writes', maxItems: MAX_EVENTS_PER_REQUEST, maxItemBytes: MAX_EVENT_BYTES });
      const group = await store.getGroup(c.req.param('group'));
      if (!group || group.home !== config.organisation.domain) throw new MutualError('not_home', 'this server is not the home of that group');
      const results: SubmissionResult['results'] = [];
      const accepted: string[] = [];
      for (const write of submission.writes) {
        const outcome = await acceptRemoteWrite(deps, c.var.peer, group, write, c.var.replay);
        results.push(outcome);
        if (outcome.seq !== undefined) accepted.push(outcome.id);
      }
      const answer: SubmissionResult = { results, events: await store.sealedByIds(accepted) };
      return c.json(answer);
    })
    .post('/federation/v1/keys', async (c) => {
      const { jwks } = parseSigned(c.var.body, KeysAnnouncementSchema);
      const peer = c.var.peer;
      await store.peers.setPeerKeys(peer.domain, mergeKeys(peer.jwks, jwks as JSONWebKeySet));
      directory.invalidate();
      return c.json({ pinned: (await store.peers.getPeer(peer.domain))!.jwks.keys.length });
    });
}
