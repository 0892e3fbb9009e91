import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createSpaceFixture, tokenProviderFor, WAIT } from '../testing/harness.js';
import type { MutualGroupFeed } from './feed.js';
import './feed.define.js';

// Only the feed is defined when the page renders; `<mutual-space>` comes later (two script tags
// in the "wrong" order). The feed must still find the space's connection once it is defined.

describe('<mutual-group-feed> defined before <mutual-space>', function () {
  this.timeout(30_000);

  it('uses the space’s connection once the space is defined', async () => {
    const world = await createSpaceFixture();
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <mutual-space server=${world.server} space=${world.space}>
          <mutual-group-feed group=${world.groups.plan}></mutual-group-feed>
        </mutual-space>
      </div>
    `);
    const space = wrapper.querySelector('mutual-space')!;
    const feed = wrapper.querySelector<MutualGroupFeed>('mutual-group-feed')!;
    expect(customElements.get('mutual-space')).to.equal(undefined);
    expect(feed.connection).to.equal(undefined);

    (space as HTMLElement & { tokenProvider?: unknown }).tokenProvider = tokenProviderFor(world.people.ana);
    await import('../space/space.define.js');
    await waitUntil(() => feed.connection !== undefined, 'the feed did not get the connection', WAIT);
    expect(feed.connection).to.equal(space.connection);
    await waitUntil(() => feed.shadowRoot!.querySelector('[part~="list"]'), 'the feed did not load', WAIT);
  });
});
