import { expect } from '@open-wc/testing';
import type { FeedPost, GroupEvent, LiveMessage, Person, ReactionTotal } from '@mutual/protocol';
import { MutualApiError } from '../connection/api-error.js';
import { FeedModel } from './feed-model.js';

const ana: Person = { id: 'ana@seller.test', name: 'Ana', organisation: 'seller.test' };
const dora: Person = { id: 'dora@buyer.test', name: 'Dora', organisation: 'buyer.test' };
const id = (n: number): string => `event${String(n).padStart(38, '0')}`;
const at = '2030-01-01T10:00:00.000Z';

function post(seq: number, author: Person, extra: Partial<FeedPost> = {}): FeedPost {
  return { id: id(seq), group: 'g', seq, author, text: `post ${seq}`, at, reactions: [], replies: [], ...extra };
}

function live(event: Omit<GroupEvent, 'space' | 'group' | 'at'> & { author: string }, author: Person): LiveMessage {
  return { event: { space: 's', group: 'g', at, ...event } as GroupEvent, author };
}

function loaded(...posts: FeedPost[]): FeedModel {
  const model = new FeedModel();
  model.load({ posts }, ana.id);
  return model;
}

describe('FeedModel', () => {
  it('adds a live post on top, once', () => {
    const model = loaded(post(1, ana));
    const message = live({ id: id(2), seq: 2, type: 'post', author: dora.id, body: { text: 'hi' } }, dora);
    expect(model.applyLive(message)).to.deep.equal({ kind: 'post', author: dora, mine: false });
    expect(model.applyLive(message)).to.equal(undefined);
    expect(model.posts.map((view) => view.post.seq)).to.deep.equal([2, 1]);
  });

  it('keeps live messages that arrive before the first page', () => {
    const model = new FeedModel();
    model.applyLive(live({ id: id(2), seq: 2, type: 'post', author: dora.id, body: { text: 'early' } }, dora));
    model.load({ posts: [post(2, dora, { text: 'early' }), post(1, ana)] }, ana.id);
    expect(model.posts).to.have.length(2);
  });

  it('swaps an optimistic post for its live echo, keeping its key', () => {
    const model = loaded(post(1, ana));
    const view = model.addPendingPost('mine', 'client-0001', ana, at);
    expect(model.posts[0]!.delivery).to.equal('pending');
    const echo = live({ id: id(2), seq: 2, type: 'post', author: ana.id, body: { text: 'mine', clientId: 'client-0001' } }, ana);
    expect(model.applyLive(echo)).to.equal(undefined);
    model.acknowledgePost(post(2, ana, { text: 'mine', clientId: 'client-0001' }));
    expect(model.posts).to.have.length(2);
    expect(model.posts[0]!.key).to.equal(view.key);
    expect(model.posts[0]!.delivery).to.equal('sent');
    expect(model.posts[0]!.post.id).to.equal(id(2));
  });

  it('ignores the live echo of a post already acknowledged', () => {
    const model = loaded();
    model.addPendingPost('mine', 'client-0002', ana, at);
    model.acknowledgePost(post(5, ana, { text: 'mine', clientId: 'client-0002' }));
    model.applyLive(live({ id: id(5), seq: 5, type: 'post', author: ana.id, body: { text: 'mine', clientId: 'client-0002' } }, ana));
    expect(model.posts).to.have.length(1);
  });

  it('marks a failed send and a retry', () => {
    const model = loaded();
    model.addPendingPost('mine', 'client-0003', ana, at);
    model.markFailed('client-0003', new MutualApiError({ status: 0, code: 'network_error', title: 'offline' }));
    expect(model.posts[0]!.delivery).to.equal('failed');
    expect(model.posts[0]!.error?.code).to.equal('network_error');
    model.markPending('client-0003');
    expect(model.posts[0]!.delivery).to.equal('pending');
  });

  it('threads replies oldest first and dedupes the echo of an optimistic reply', () => {
    const model = loaded(post(1, ana));
    const reply = (seq: number, author: Person, clientId?: string) =>
      live({ id: id(seq), seq, type: 'reply', author: author.id, body: { parent: id(1), text: `r${seq}`, ...(clientId ? { clientId } : {}) } }, author);
    model.applyLive(reply(3, dora));
    model.addPendingReply(id(1), 'mine', 'client-0004', ana, at);
    model.applyLive(reply(2, dora));
    model.applyLive(reply(4, ana, 'client-0004'));
    const replies = model.posts[0]!.replies;
    expect(replies.map((view) => view.reply.seq)).to.deep.equal([2, 3, 4]);
    expect(replies.every((view) => view.delivery === 'sent')).to.equal(true);
  });

  it('counts the viewer’s reaction once, whichever comes first', () => {
    const model = loaded(post(1, ana));
    const mine = live({ id: id(9), seq: 9, type: 'reaction', author: ana.id, body: { target: id(1), emoji: '👍', on: true } }, ana);
    model.toggleReaction(id(1), '👍', true);
    model.applyLive(mine);
    expect(model.posts[0]!.post.reactions).to.deep.equal([{ emoji: '👍', count: 1, mine: true }]);
    model.applyLive(live({ id: id(10), seq: 10, type: 'reaction', author: dora.id, body: { target: id(1), emoji: '👍', on: true } }, dora));
    expect(model.posts[0]!.post.reactions).to.deep.equal([{ emoji: '👍', count: 2, mine: true }]);
    model.settleReaction(id(1), '👍', [{ emoji: '👍', count: 1, mine: false }]);
    expect(model.posts[0]!.post.reactions).to.deep.equal([{ emoji: '👍', count: 1, mine: false }]);
  });

  describe('reaction counts, from a server that sends them live', () => {
    let seq = 100;
    /** A reaction's live message, with its entry's counts as the server read them. */
    const reaction = (author: Person, target: number, emoji: string, on: boolean, reactions: ReactionTotal[]): LiveMessage => ({
      ...live({ id: id(++seq), seq, type: 'reaction', author: author.id, body: { target: id(target), emoji, on } }, author),
      reactions,
    });
    const reactionsOf = (model: FeedModel, index = 0) => model.posts[index]!.post.reactions;

    it('counts once a reaction someone gives again (from two tabs, or relayed by a peer)', () => {
      const model = loaded(post(1, ana));
      model.applyLive(reaction(dora, 1, '👍', true, [{ emoji: '👍', count: 1 }]));
      // The log keeps the second; the server's count does not change.
      expect(model.applyLive(reaction(dora, 1, '👍', true, [{ emoji: '👍', count: 1 }]))).to.equal(undefined);
      expect(reactionsOf(model)).to.deep.equal([{ emoji: '👍', count: 1, mine: false }]);
      model.applyLive(reaction(dora, 1, '👍', false, []));
      expect(model.applyLive(reaction(dora, 1, '👍', false, []))).to.equal(undefined);
      expect(reactionsOf(model)).to.deep.equal([]);
    });

    it('does not count again a reaction the first page already has', () => {
      const model = new FeedModel();
      // Arrived while the page was on its way, and read by the server before the page was.
      model.applyLive(reaction(dora, 1, '👍', true, [{ emoji: '👍', count: 2 }]));
      model.load({ posts: [post(1, ana, { reactions: [{ emoji: '👍', count: 2, mine: true }] })] }, ana.id);
      expect(reactionsOf(model)).to.deep.equal([{ emoji: '👍', count: 2, mine: true }]);
    });

    it('keeps which reactions are the viewer’s when someone else’s counts come', () => {
      const model = loaded(post(1, ana, { reactions: [{ emoji: '🎉', count: 1, mine: true }] }));
      model.applyLive(reaction(dora, 1, '👍', true, [{ emoji: '🎉', count: 1 }, { emoji: '👍', count: 1 }]));
      expect(reactionsOf(model)).to.deep.equal([
        { emoji: '🎉', count: 1, mine: true },
        { emoji: '👍', count: 1, mine: false },
      ]);
    });

    it('does not let an answer read before a live count undo it', () => {
      const model = loaded(post(1, ana));
      model.toggleReaction(id(1), '👍', true);
      // Dora reacted right after the server answered the viewer; her message comes first.
      model.applyLive(reaction(dora, 1, '👍', true, [{ emoji: '👍', count: 2 }]));
      model.settleReaction(id(1), '👍', [{ emoji: '👍', count: 1, mine: true }]);
      expect(reactionsOf(model)).to.deep.equal([{ emoji: '👍', count: 2, mine: true }]);
      // The viewer's echo comes after both: nothing more to count.
      expect(model.applyLive(reaction(ana, 1, '👍', true, [{ emoji: '👍', count: 2 }]))).to.equal(undefined);
    });

    /** The viewer's 👍, answered after Dora's 🎉 came with counts the server read before the 👍 was stored. */
    const answeredAfterOlderCounts = () => {
      const model = loaded(post(1, ana));
      model.toggleReaction(id(1), '👍', true);
      model.applyLive(reaction(dora, 1, '🎉', true, [{ emoji: '🎉', count: 1 }]));
      model.settleReaction(id(1), '👍', [
        { emoji: '🎉', count: 1, mine: false },
        { emoji: '👍', count: 1, mine: true },
      ]);
      return model;
    };

    it('keeps the viewer’s reaction when live counts read before it come while it is on its way', () => {
      const model = answeredAfterOlderCounts();
      expect(reactionsOf(model)).to.deep.equal([
        { emoji: '🎉', count: 1, mine: false },
        { emoji: '👍', count: 1, mine: true },
      ]);
      expect(model.applyLive(reaction(ana, 1, '👍', true, [{ emoji: '🎉', count: 1 }, { emoji: '👍', count: 1 }]))).to.equal(undefined);
      // Confirmed by its echo: the next counts are taken as they come.
      model.applyLive(reaction(dora, 1, '🎉', false, [{ emoji: '👍', count: 1 }]));
      expect(reactionsOf(model)).to.deep.equal([{ emoji: '👍', count: 1, mine: true }]);
    });

    it('follows the server after the echo of a reaction kept on top, taken back elsewhere since', () => {
      const model = answeredAfterOlderCounts();
      // The viewer took it back on their phone before this server read the counts of its echo.
      model.applyLive(reaction(ana, 1, '👍', true, [{ emoji: '🎉', count: 1 }]));
      model.applyLive(reaction(ana, 1, '👍', false, [{ emoji: '🎉', count: 1 }]));
      expect(reactionsOf(model)).to.deep.equal([{ emoji: '🎉', count: 1, mine: false }]);
      model.applyLive(reaction(dora, 1, '👍', true, [{ emoji: '🎉', count: 1 }, { emoji: '👍', count: 1 }]));
      expect(reactionsOf(model)).to.deep.equal([
        { emoji: '🎉', count: 1, mine: false },
        { emoji: '👍', count: 1, mine: false },
      ]);
    });

    it('takes the answer when no live count came meanwhile', () => {
      const model = loaded(post(1, ana, { reactions: [{ emoji: '👍', count: 1, mine: false }] }));
      model.toggleReaction(id(1), '👍', true);
      expect(reactionsOf(model)).to.deep.equal([{ emoji: '👍', count: 2, mine: true }]);
      // The page was older than it looked: dora had taken hers back.
      model.settleReaction(id(1), '👍', [{ emoji: '👍', count: 1, mine: true }]);
      expect(reactionsOf(model)).to.deep.equal([{ emoji: '👍', count: 1, mine: true }]);
    });

    it('shows a queued reaction on top of live counts until its echo', () => {
      const model = loaded(post(1, ana));
      model.toggleReaction(id(1), '👍', true);
      model.settleReaction(id(1), '👍', 'queued');
      // Counted by the viewer's server, which does not have the viewer's reaction yet.
      model.applyLive(reaction(dora, 1, '👍', true, [{ emoji: '👍', count: 1 }]));
      expect(reactionsOf(model)).to.deep.equal([{ emoji: '👍', count: 2, mine: true }]);
      model.applyLive(reaction(ana, 1, '👍', true, [{ emoji: '👍', count: 2 }]));
      expect(reactionsOf(model)).to.deep.equal([{ emoji: '👍', count: 2, mine: true }]);
      // Confirmed: the next counts are taken as they come.
      model.applyLive(reaction(dora, 1, '👍', false, [{ emoji: '👍', count: 1 }]));
      expect(reactionsOf(model)).to.deep.equal([{ emoji: '👍', count: 1, mine: true }]);
    });

    it('takes a queued reaction back when the home refuses it, unless the viewer changed it again since', () => {
      const model = loaded(post(1, ana));
      model.toggleReaction(id(1), '👍', true);
      model.settleReaction(id(1), '👍', 'queued');
      expect(reactionsOf(model)).to.deep.equal([{ emoji: '👍', count: 1, mine: true }]);
      model.refuseReaction(id(1), '👍');
      expect(reactionsOf(model)).to.deep.equal([]);

      model.toggleReaction(id(1), '❤', true);
      model.settleReaction(id(1), '❤', 'queued');
      model.toggleReaction(id(1), '❤', false);
      model.toggleReaction(id(1), '❤', true);
      // Two newer requests in flight: they say what it is, not the refusal of the first.
      model.refuseReaction(id(1), '❤');
      expect(reactionsOf(model)).to.deep.equal([{ emoji: '❤', count: 1, mine: true }]);
      model.settleReaction(id(1), '❤', [{ emoji: '❤', count: 1, mine: true }]);
      model.settleReaction(id(1), '❤', [{ emoji: '❤', count: 1, mine: true }]);
      expect(reactionsOf(model)).to.deep.equal([{ emoji: '❤', count: 1, mine: true }]);
    });

    it('keeps a reaction whose request failed after its echo came', () => {
      const model = loaded(post(1, ana));
      model.toggleReaction(id(1), '👍', true);
      model.applyLive(reaction(ana, 1, '👍', true, [{ emoji: '👍', count: 1 }]));
      // Stored, but the answer was lost (a timeout, a dropped connection).
      model.settleReaction(id(1), '👍', 'failed');
      expect(reactionsOf(model)).to.deep.equal([{ emoji: '👍', count: 1, mine: true }]);
    });

    it('takes back a reaction whose request failed', () => {
      const model = loaded(post(1, ana, { reactions: [{ emoji: '👍', count: 1, mine: false }] }));
      model.toggleReaction(id(1), '👍', true);
      model.applyLive(reaction(dora, 1, '🙏', true, [{ emoji: '👍', count: 1 }, { emoji: '🙏', count: 1 }]));
      model.settleReaction(id(1), '👍', 'failed');
      expect(reactionsOf(model)).to.deep.equal([
        { emoji: '👍', count: 1, mine: false },
        { emoji: '🙏', count: 1, mine: false },
      ]);
    });

    it('keeps live counts for a post of an older page not loaded yet', () => {
      const model = loaded(post(2, ana));
      model.next = '1';
      // The older page was read before these reactions, and arrives after them.
      model.applyLive(reaction(dora, 1, '👍', true, [{ emoji: '👍', count: 1 }]));
      model.applyLive(reaction(ana, 1, '🎉', true, [{ emoji: '🎉', count: 1 }, { emoji: '👍', count: 1 }]));
      model.loadOlder({ posts: [post(1, dora)] });
      expect(reactionsOf(model, 1)).to.deep.equal([
        { emoji: '🎉', count: 1, mine: true },
        { emoji: '👍', count: 1, mine: false },
      ]);
    });
  });

  describe('queued for the group’s home server (202)', () => {
    const echoPost = (seq: number, clientId?: string) =>
      live({ id: id(seq), seq, type: 'post', author: ana.id, body: { text: 'mine', ...(clientId ? { clientId } : {}) } }, ana);
    const echoReply = (seq: number, parent: number, clientId?: string) =>
      live(
        { id: id(seq), seq, type: 'reply', author: ana.id, body: { parent: id(parent), text: 'mine', ...(clientId ? { clientId } : {}) } },
        ana,
      );

    it('stays queued on top, then turns sent when its echo arrives, matched by clientId', () => {
      const model = loaded(post(1, dora));
      const view = model.addPendingPost('mine', 'client-0101', ana, at);
      expect(model.markQueued('client-0101', id(7))).to.equal('queued');
      expect(model.posts.map((entry) => entry.delivery)).to.deep.equal(['queued', 'sent']);
      expect(model.posts[0]!.post.clientId).to.equal('client-0101');
      // A later dora post does not push the queued one down.
      model.applyLive(live({ id: id(2), seq: 2, type: 'post', author: dora.id, body: { text: 'hi' } }, dora));
      expect(model.posts[0]!.key).to.equal(view.key);

      const change = model.applyLive(echoPost(3, 'client-0101'));
      expect(change?.kind).to.equal('delivered-post');
      expect(model.posts).to.have.length(3);
      const sent = model.posts.find((entry) => entry.key === view.key)!;
      expect(sent.delivery).to.equal('sent');
      expect(sent.post.id).to.equal(id(3));
      expect(sent.post.clientId).to.equal('client-0101');
      expect(sent.queuedEvent).to.equal(undefined);
      expect(model.posts.map((entry) => entry.post.seq)).to.deep.equal([3, 2, 1]);
    });

    it('turns failed, marked refused, when the home refuses it; a retry clears that', () => {
      const model = loaded(post(1, dora));
      model.addPendingPost('mine', 'client-0110', ana, at);
      model.addPendingPost('also mine', 'client-0111', ana, at);
      model.markQueued('client-0110', id(8));
      model.markQueued('client-0111', id(9));
      expect(model.queuedEvents().sort()).to.deep.equal([id(8), id(9)].sort());
      const refusal = new MutualApiError({ status: 409, code: 'not_a_member', title: 'the author is no longer a member of this group' });
      expect(model.markRefused(id(1), refusal), 'not a queued entry').to.equal(false);
      expect(model.markRefused(id(8), refusal)).to.equal(true);
      const refused = model.findLocal('client-0110')!.post;
      expect(refused).to.deep.include({ delivery: 'failed', refused: true, error: refusal, queuedEvent: undefined });
      expect(model.queuedEvents()).to.deep.equal([id(9)]);
      expect(model.markRefused(id(8), refusal), 'once').to.equal(false);
      model.markPending('client-0110');
      expect(refused).to.deep.include({ delivery: 'pending', refused: undefined, error: undefined });
    });

    it('shows again the viewer’s entries still waiting for the home, as queued, once each', () => {
      const model = loaded(post(1, dora));
      const shown = model.restoreQueued(
        [
          { event: id(8), type: 'post', clientId: 'client-0120', text: 'waiting', at },
          { event: id(9), type: 'reply', clientId: 'client-0121', text: 'a reply waiting', parent: id(1), at },
          { event: id(10), type: 'reply', clientId: 'client-0122', text: 'to a post not loaded', parent: id(99), at },
          { event: id(1), type: 'post', clientId: 'client-0123', text: 'already on the page', at },
          { event: id(11), type: 'post', text: 'no clientId', at },
        ],
        ana,
      );
      expect(shown).to.deep.equal([id(8), id(9)]);
      expect(model.posts.map((view) => [view.post.id, view.post.text === 'waiting', view.delivery])).to.deep.equal([
        ['local:client-0120', true, 'queued'],
        [id(1), false, 'sent'],
      ]);
      expect(model.posts[1]!.replies.map((view) => [view.reply.text, view.delivery, view.queuedEvent])).to.deep.equal([['a reply waiting', 'queued', id(9)]]);
      expect(model.restoreQueued([{ event: id(8), type: 'post', clientId: 'client-0120', text: 'waiting', at }], ana), 'once').to.deep.equal([]);
      // Its echo settles it as any queued entry.
      expect(model.applyLive(echoPost(8, 'client-0120'))?.kind).to.equal('delivered-post');
      expect(model.queuedEvents()).to.deep.equal([id(9)]);
    });

    it('matches the echo by the event id of the 202 when it carries no clientId', () => {
      const model = loaded(post(1, dora));
      const view = model.addPendingPost('mine', 'client-0102', ana, at);
      model.markQueued('client-0102', id(4));
      // Someone else's post with another id is not taken for it.
      model.applyLive(live({ id: id(2), seq: 2, type: 'post', author: dora.id, body: { text: 'hi' } }, dora));
      expect(model.posts[0]!.delivery).to.equal('queued');

      const change = model.applyLive(echoPost(4));
      expect(change).to.deep.include({ kind: 'delivered-post' });
      expect(model.posts).to.have.length(3);
      expect(model.posts[0]!.key).to.equal(view.key);
      expect(model.posts[0]!.post.id).to.equal(id(4));
      expect(model.posts[0]!.post.clientId).to.equal('client-0102');
      expect(model.posts[0]!.delivery).to.equal('sent');
    });

    it('counts a duplicate echo once', () => {
      const model = loaded();
      model.addPendingPost('mine', 'client-0103', ana, at);
      model.markQueued('client-0103', id(5));
      expect(model.applyLive(echoPost(5, 'client-0103'))?.kind).to.equal('delivered-post');
      expect(model.applyLive(echoPost(5, 'client-0103'))).to.equal(undefined);
      expect(model.posts).to.have.length(1);
      expect(model.posts[0]!.delivery).to.equal('sent');
    });

    it('knows it was sent when the echo comes before the 202', () => {
      const model = loaded();
      model.addPendingPost('mine', 'client-0104', ana, at);
      // A pending entry's answer is still to come: the echo alone reports no delivery.
      expect(model.applyLive(echoPost(6, 'client-0104'))).to.equal(undefined);
      expect(model.markQueued('client-0104', id(6))).to.equal('sent');
      expect(model.posts[0]!.delivery).to.equal('sent');
    });

    it('is not marked failed, and a failed entry whose echo arrives is delivered', () => {
      const model = loaded();
      model.addPendingPost('queued', 'client-0105', ana, at);
      model.addPendingPost('lost answer', 'client-0106', ana, at);
      model.markQueued('client-0105', id(8));
      const offline = new MutualApiError({ status: 0, code: 'network_error', title: 'offline' });
      expect(model.markFailed('client-0105', offline)).to.equal(false);
      expect(model.findLocal('client-0105')!.post.delivery).to.equal('queued');
      expect(model.markFailed('client-0106', offline)).to.equal(true);
      expect(model.applyLive(echoPost(9, 'client-0106'))?.kind).to.equal('delivered-post');
      expect(model.findLocal('client-0106')!.post.delivery).to.equal('sent');
    });

    it('turns a queued reply sent, by clientId and by event id, once', () => {
      const model = loaded(post(1, dora));
      model.addPendingReply(id(1), 'mine', 'client-0107', ana, at);
      model.addPendingReply(id(1), 'mine', 'client-0108', ana, at);
      model.markQueued('client-0107', id(10));
      model.markQueued('client-0108', id(11));
      expect(model.posts[0]!.replies.map((view) => view.delivery)).to.deep.equal(['queued', 'queued']);

      const byClientId = model.applyLive(echoReply(10, 1, 'client-0107'));
      expect(byClientId?.kind).to.equal('delivered-reply');
      const byEventId = model.applyLive(echoReply(11, 1));
      expect(byEventId?.kind).to.equal('delivered-reply');
      expect(model.applyLive(echoReply(11, 1))).to.equal(undefined);

      const replies = model.posts[0]!.replies;
      expect(replies.map((view) => [view.key, view.reply.id, view.delivery])).to.deep.equal([
        ['c:client-0107', id(10), 'sent'],
        ['c:client-0108', id(11), 'sent'],
      ]);
      expect(replies[1]!.reply.clientId).to.equal('client-0108');
    });
  });

  it('appends an older page without duplicates', () => {
    const model = loaded(post(3, ana), post(2, dora));
    model.loadOlder({ posts: [post(2, dora), post(1, ana)] });
    expect(model.posts.map((view) => view.post.seq)).to.deep.equal([3, 2, 1]);
    expect(model.next).to.equal(undefined);
  });
});
