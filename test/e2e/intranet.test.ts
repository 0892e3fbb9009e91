// `npm start`'s example, end to end: the real Mutual server and the real intranet in their own
// process, driven by a real Chromium. Needs the build (`npm run build`), which test:e2e runs first.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { freePort } from '../support/free-port.js';

describe('the example intranet (npm start)', () => {
  let child: ChildProcess;
  let browser: Browser;
  let intranet: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'mutual-start-'));
  const pageErrors: string[] = [];

  before(async () => {
    const [intranetPort, mutualPort] = [await freePort(), await freePort()];
    intranet = `http://127.0.0.1:${intranetPort}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'examples/corporate-intranet/src/start.ts'], {
      env: { ...process.env, INTRANET_PORT: String(intranetPort), MUTUAL_PORT: String(mutualPort), MUTUAL_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk) => {
        out += chunk;
        if (out.includes('Mutual is running.')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`npm start's example exited with ${code}:\n${out}`)));
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    child?.kill('SIGINT');
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function signIn(name: string): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(`${intranet}/`);
    await page.getByRole('button', { name: new RegExp(name) }).click();
    await page.waitForURL(/\/evaluation/);
    return page;
  }

  const feedText = (page: Page) => page.locator('mutual-group-feed').evaluate((feed) => feed.shadowRoot?.textContent ?? '');

  it('shows the seeded feed, with the buyer marked External', async () => {
    const page = await signIn('Alice Martin');
    await page.waitForFunction(() => document.querySelector('mutual-group-feed')?.shadowRoot?.textContent?.includes('The test plant data extract is ready'));
    const text = await feedText(page);
    assert.match(text, /Welcome to our evaluation space!/);
    assert.match(text, /Ivan Petrov/);
    assert.match(text, /External/);
    const tabs = await page.getByRole('navigation', { name: 'Groups' }).getByRole('link').allTextContents();
    assert.deepEqual(tabs, ['Overall plan', 'Steering', 'Internal']);
    await page.context().close();
  });

  it('offers each person only the groups they are in', async () => {
    const page = await signIn('Léa Rousseau');
    const tabs = await page.getByRole('navigation', { name: 'Groups' }).getByRole('link').allTextContents();
    assert.deepEqual(tabs, ['Overall plan', 'Internal']);
    await page.context().close();
  });

  it('lets a person post, and a second tab sees the post arrive live', async () => {
    const first = await signIn('Sam Okafor');
    const second = await first.context().newPage();
    await second.goto(`${intranet}/evaluation`);
    await second.waitForFunction(() => (document.querySelector('mutual-space') as { status?: string } | null)?.status === 'open');
    const text = `Load test results are in (${Date.now()})`;
    await first.locator('mutual-group-feed [part~="composer-input"]').fill(text);
    await first.locator('mutual-group-feed [part~="send-button"]').click();
    await second.waitForFunction((wanted) => document.querySelector('mutual-group-feed')?.shadowRoot?.textContent?.includes(wanted), text, {
      timeout: 5_000,
    });
    assert.match(await feedText(first), new RegExp(text.replace(/[()]/g, '\\$&')));
    await first.context().close();
  });

  it('runs under a strict Content-Security-Policy without a single page error', () => {
    assert.deepEqual(pageErrors, []);
  });
});
