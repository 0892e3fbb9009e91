import {
  agreementTerms,
  canWrite,
  domainOf,
  eventId,
  isMutualError,
  MutualError,
  verifyAgreementSignature,
  verifyMembershipClaim,
  type EventDraft,
  type Group,
  type PersonId,
  type Submission,
} from '@mutual/protocol';
import { requireOwnerInGroup } from '../log/task-owner.js';
import type { PeerRecord } from '../store/peer-store.js';
import type { FederationDeps } from './context.js';
import { upsertPersonIfChanged } from './profile-updates.js';
import type { RequestReplay } from './request-replay.js';

/** What a remote organisation may write in a group homed here; membership is the home's to change. */
const REMOTE_WRITABLE = new Set(['post', 'reply', 'reaction', 'task.created', 'task.updated', 'milestone.set', 'agreement.proposed', 'agreement.countersigned']);

type Write = Submission['writes'][number];

/**
 * Decides one remote write, as strictly as a local one and more: the author must be a person of
 * the signing server, the home's claim for that person must verify, and — the claim
 * notwithstanding — the person must be a member with a writing role right now.
 */
export async function acceptRemoteWrite(
  deps: FederationDeps,
  peer: PeerRecord,
  group: Group,
  write: Write,
  replay: RequestReplay,
): Promise<{ id: string; seq?: number; error?: { code: string; message: string } }> {
  const draft = write.draft as EventDraft;
  const id = await eventId(draft);
  try {
    // A retry of a write placed here already (its answer was lost on the way) gets the first
    // result, even where the checks would now refuse it: its author removed since, say.
    const earlier = await placedAlready(deps, peer, group, draft, id, write.clientId);
    if (earlier) return { id: earlier.event.id, seq: earlier.event.seq };
    await check(deps, peer, group, write, draft);
    if (write.author.id === draft.author && write.author.organisation === peer.domain) await upsertPersonIfChanged(deps.store, write.author);
    // Checked above, and asked again at commit: a removal committed meanwhile refuses the write.
    const stored = await replay.within((request) => deps.writer.appendDraft(draft, write.clientId, request, { asMember: true }));
    return { id: stored.event.id, seq: stored.event.seq };
  } catch (error) {
    // A replay refuses the whole request, not one write of it.
    if (isMutualError(error) && error.code !== 'token_replayed') return { id, error: { code: error.code, message: error.message } };
    throw error;
  }
}


/** This very draft, or its author's write with this clientId, in the group's log; only for the sender's own people. */
async function placedAlready(deps: FederationDeps, peer: PeerRecord, group: Group, draft: EventDraft, id: string, clientId: string | undefined) {
  if (draft.group !== group.id || domainOf(draft.author) !== peer.domain) return undefined;
  const [same] = await deps.store.sealedByIds([id]);
  if (same?.event.group === group.id) return same;
  return clientId ? deps.store.findByClientId(group.id, draft.author, clientId) : undefined;
}

async function check(deps: FederationDeps, peer: PeerRecord, group: Group, write: Write, draft: EventDraft) {
  const { store, config, keys, clock, directory, verifiedClaims } = deps;
  if (draft.group !== group.id || draft.space !== group.space) throw new MutualError('invalid_request', 'the draft is for another group');
  if (domainOf(draft.author) !== peer.domain) throw new MutualError('forbidden', 'the author is not a person of the sending organisation');
  if (!REMOTE_WRITABLE.has(draft.type)) throw new MutualError('forbidden', `${draft.type} is the home server's to write`);
  const verify = async () => verifyMembershipClaim(write.claim, { issuer: config.organisation.origin, audience: peer.origin, keys: await keys.verificationKeys(), clock });
  // Remembered by the presenting peer (the audience it must be for) and the whole token.
  const claim = write.claim === undefined ? await verify() : await verifiedClaims.verify(`${peer.origin} ${write.claim}`, verify);
  if (claim.person !== draft.author || claim.group !== group.id) throw new MutualError('forbidden', 'the claim is for another person or group');
  // A claim that has not expired does not outlive a removal: ask the log, now.
  const role = await store.getRole(group.id, draft.author);
  if (!role) throw new MutualError('not_a_member', 'the author is no longer a member of this group');
  if (!canWrite(role)) throw new MutualError('forbidden', 'observers cannot write in this group');
  if (Math.abs(Date.parse(draft.at) - clock()) > 24 * 3600 * 1000) throw new MutualError('invalid_request', 'the draft is dated too far from now');

  switch (draft.type) {
    case 'reply':
    case 'reaction': {
      const target = 'parent' in draft.body ? draft.body.parent : (draft.body as { target: string }).target;
      if (!(await store.getEntry(group.id, target, draft.author))) throw new MutualError('not_found', 'no such post in this group');
      return;
    }
    // A task's new owner must be a member, as on the client API (an owner who has left may stay).
    case 'task.created':
      await requireOwnerInGroup(store, group.id, (draft.body as { owner?: PersonId }).owner);
      return;
    case 'task.updated': {
      const body = draft.body as { task: string; changes: { owner?: PersonId | null } };
      const task = await store.getTask(group.id, body.task);
      if (!task) throw new MutualError('not_found', 'no such task');
      await requireOwnerInGroup(store, group.id, body.changes.owner, { current: task.owner });
      return;
    }
    case 'agreement.proposed': {
      const body = draft.body as { by: string; signature: string; parties: string[] };
      if (body.by !== peer.domain || !body.parties.includes(peer.domain)) throw new MutualError('forbidden', 'an organisation proposes in its own name');
      const peerKeys = (await directory.keysOf(peer.domain))!;
      await verifyAgreementSignature(agreementTerms(group, draft.body as never), body.signature, peer.domain, peerKeys);
      return;
    }
    case 'agreement.countersigned': {
      const body = draft.body as { agreement: string; by: string; signature: string };
      const agreement = await store.getAgreement(group.id, body.agreement);
      if (!agreement) throw new MutualError('not_found', 'no such agreement');
      if (agreement.countersignature) throw new MutualError('conflict', 'already countersigned');
      if (body.by !== peer.domain || agreement.proposedBy === peer.domain || !agreement.parties.includes(peer.domain)) {
        throw new MutualError('forbidden', 'only the other party countersigns');
      }
      const peerKeys = (await directory.keysOf(peer.domain))!;
      await verifyAgreementSignature(agreementTerms(group, { ...agreement, agreement: agreement.id }), body.signature, peer.domain, peerKeys);
      return;
    }
    default:
      return;
  }
}
