// The React example (examples/react-host): @mutual/react's wrappers in a React page, bundled with
// esbuild, served next to a real Mutual server, in a real Chromium.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO, startReactHostDemo, type ReactHostDemo } from '../../examples/react-host/demo.js';
import { launchChromium } from '../support/browser.js';

describe('the React host example', () => {
  const folder = mkdtempSync(join(tmpdir(), 'mutual-react-host-'));
  const pageErrors: string[] = [];
  let demo: ReactHostDemo;
  let browser: Browser;
  let page: Page;

  before(async () => {
    [demo, browser] = await Promise.all([startReactHostDemo({ bundle: join(folder, 'app.js') }), launchChromium()]);
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const shadowText = (tag: string) => page.locator(tag).evaluate((element) => element.shadowRoot?.textContent ?? '');

  it("renders the feed with the real server's posts, and the wrappers' events reach React", async () => {
    await page.goto(demo.url);
    // onMutualConnectionChange → React state → the status line.
    await page.locator('#live-status', { hasText: 'Live: open' }).waitFor({ timeout: 10_000 });
    await page.waitForFunction(
      (posts) => posts.every((text) => document.querySelector('mutual-group-feed')?.shadowRoot?.textContent?.includes(text)),
      [...DEMO.posts],
      { timeout: 10_000 },
    );
    const feed = await shadowText('mutual-group-feed');
    assert.match(feed, /Alice Martin/);
    assert.match(feed, /Sam Okafor/);

    // A post from the React page: stored by the server, then onMutualPost lists it in React.
    const text = `Posted from React (${Date.now()})`;
    await page.locator('mutual-group-feed [part~="composer-input"]').fill(text);
    await page.locator('mutual-group-feed [part~="send-button"]').click();
    await page.locator('#posted li', { hasText: text }).waitFor({ timeout: 5_000 });
    const stored = await demo.organisation.server.store.feedPage({ group: DEMO.group, viewer: DEMO.viewer.id, limit: 5 });
    assert.equal(stored.posts[0]?.text, text);
  });

  it('switches to the board and the cockpit, each rendering what the server holds', async () => {
    await page.getByRole('button', { name: 'Plan' }).click();
    await page.waitForFunction(
      () => document.querySelector('mutual-workstream-board')?.shadowRoot?.textContent?.includes('Proof readout against the success criteria'),
      null,
      { timeout: 10_000 },
    );
    await page.getByRole('button', { name: 'Cockpit' }).click();
    await page.waitForFunction(() => Boolean((document.querySelector('mutual-decider-cockpit') as { cockpit?: unknown } | null)?.cockpit), null, { timeout: 10_000 });
    assert.deepEqual(pageErrors, []);
  });
});
