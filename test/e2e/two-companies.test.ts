// `npm start`'s two companies, end to end: the seller's intranet and the buyer's portal, each with
// its own Mutual server, all as real processes, driven by a real Chromium.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page, Response } from 'playwright-core';
import { EVALUATION } from '../../examples/seed/evaluation.js';
import { launchChromium } from '../support/browser.js';
import { eventually } from '../support/eventually.js';
import { freePort } from '../support/free-port.js';

const SPACE = EVALUATION.space.id;
const group = (slug: string) => `${SPACE}.${slug}`;
const isOpen = () => (document.querySelector('mutual-space') as { status?: string } | null)?.status === 'open';

describe('two companies side by side (npm start)', () => {
  let child: ChildProcess;
  let browser: Browser;
  const urls = { intranet: '', portal: '', sellerMutual: '', buyerMutual: '' };
  const dataDir = mkdtempSync(join(tmpdir(), 'mutual-e2e-'));
  const pageErrors: string[] = [];

  before(async () => {
    const ports = { INTRANET_PORT: await freePort(), PORTAL_PORT: await freePort(), SELLER_MUTUAL_PORT: await freePort(), BUYER_MUTUAL_PORT: await freePort() };
    urls.intranet = `http://127.0.0.1:${ports.INTRANET_PORT}`;
    urls.portal = `http://127.0.0.1:${ports.PORTAL_PORT}`;
    urls.sellerMutual = `http://127.0.0.1:${ports.SELLER_MUTUAL_PORT}`;
    urls.buyerMutual = `http://127.0.0.1:${ports.BUYER_MUTUAL_PORT}`;
    const env: NodeJS.ProcessEnv = { ...process.env, MUTUAL_DATA_DIR: dataDir, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) };
    delete env.DATABASE_URL;
    child = spawn(process.execPath, ['--import', 'tsx', 'examples/start.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk) => {
        out += chunk;
        if (out.includes('Mutual is running')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`npm start's launcher exited with ${code}:\n${out}`)));
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A browser session signed in to a host app, recording every response it receives. */
  async function signIn(site: 'intranet' | 'portal', name: string) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const responses: Response[] = [];
    page.on('response', (response) => responses.push(response));
    page.on('pageerror', (error) => pageErrors.push(`${name}: ${error}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`${name}: ${message.text()}`);
    });
    await page.goto(`${urls[site]}/`);
    await page.getByRole('button', { name: new RegExp(name) }).click();
    await page.waitForURL(/\/evaluation/);
    return { page, responses, context };
  }

  const open = async (page: Page, site: 'intranet' | 'portal', query: string) => {
    await page.goto(`${urls[site]}/evaluation${query}`);
    await page.waitForFunction(isOpen, null, { timeout: 10_000 });
  };
  const shadowText = (page: Page, tag: string) => page.locator(tag).evaluate((element) => element.shadowRoot?.textContent ?? '');
  const post = async (page: Page, text: string) => {
    await page.locator('mutual-group-feed [part~="composer-input"]').fill(text);
    await page.locator('mutual-group-feed [part~="send-button"]').click();
  };

  it("carries the buyer's security officer's post in proof to the seller's solutions engineer within 2 s, marked external", async () => {
    const sam = await signIn('intranet', 'Sam Okafor');
    await open(sam.page, 'intranet', `?view=feed&group=${group('proof')}`);
    const sofia = await signIn('portal', 'Sofia Marchetti');
    await open(sofia.page, 'portal', `?view=feed&group=${group('proof')}`);
    const text = `Pen-test retest booked for Tuesday (${Date.now()})`;
    await post(sofia.page, text);
    await sam.page.waitForFunction((wanted) => document.querySelector('mutual-group-feed')?.shadowRoot?.textContent?.includes(wanted), text, { timeout: 2_000 });
    const entry = sam.page.locator('mutual-group-feed [part~="post"]', { hasText: text });
    assert.match((await entry.locator('[part~="author"]').first().textContent()) ?? '', /Sofia Marchetti/);
    assert.equal(await entry.locator('[part~="external-badge"]').count(), 1, 'the buyer’s author is marked external');
    await Promise.all([sam.context.close(), sofia.context.close()]);
  });

  it("shows the decider the seeded figures, and a task moved on the buyer's board reaches the seller's board and cockpit live", async () => {
    type Figures = { daysToDecision: number; workstreams: Array<{ total: number; done: number }> };
    const figuresOf = (page: Page) => page.locator('mutual-decider-cockpit').evaluate((el) => (el as unknown as { cockpit?: Figures }).cockpit ?? null);
    const dana = await signIn('portal', 'Dana Schmidt');
    await open(dana.page, 'portal', '?view=cockpit');
    const figures = await eventually(async () => (await figuresOf(dana.page)) ?? assert.fail('no figures yet'));
    assert.equal(figures.daysToDecision, EVALUATION.space.decisionInDays);
    const danaGroups = EVALUATION.groups.filter((g) => g.members.some((m) => m.person === 'dana@buyer.example')).map((g) => g.slug);
    const visibleTasks = EVALUATION.tasks.filter((task) => danaGroups.includes(task.group));
    assert.equal(figures.workstreams.reduce((sum, w) => sum + w.total, 0), visibleTasks.length, 'every task of her groups, and only those');
    assert.match(await shadowText(dana.page, 'mutual-decider-cockpit'), new RegExp(`${EVALUATION.space.decisionInDays}\\s*jours avant la décision`));

    // Alice watches the board and the cockpit on the seller's side.
    const alice = await signIn('intranet', 'Alice Martin');
    await open(alice.page, 'intranet', '?view=plan');
    const aliceCockpit = await alice.context.newPage();
    await open(aliceCockpit, 'intranet', '?view=cockpit');
    const doneBefore = (await eventually(async () => (await figuresOf(aliceCockpit)) ?? assert.fail('no figures yet'))).workstreams.reduce((sum, w) => sum + w.done, 0);

    // Dana moves one of her open tasks to Done with the keyboard alone.
    const task = visibleTasks.find((t) => t.group === 'success-criteria' && t.status === 'doing') ?? visibleTasks.find((t) => t.status === 'todo' || t.status === 'doing')!;
    await open(dana.page, 'portal', '?view=plan');
    const card = dana.page.locator('mutual-workstream-board [part~="card-button"]', { hasText: task.title });
    await card.focus();
    await dana.page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await dana.page.keyboard.press('ArrowRight');
    await dana.page.keyboard.press('Space');

    const statusOn = (page: Page) =>
      page.locator('mutual-workstream-board').evaluate((el, title) => {
        const card = [...(el.shadowRoot?.querySelectorAll('[part~="card"]') ?? [])].find((c) => c.textContent?.includes(title));
        return card?.closest('[data-status]')?.getAttribute('data-status') ?? null;
      }, task.title);
    await eventually(async () => assert.equal(await statusOn(alice.page), 'done'), { timeoutMs: 10_000 });
    await eventually(async () => {
      const figuresAfter = await figuresOf(aliceCockpit);
      assert.equal(figuresAfter?.workstreams.reduce((sum, w) => sum + w.done, 0), doneBefore + 1);
    }, { timeoutMs: 10_000 });
    await Promise.all([dana.context.close(), alice.context.close()]);
  });

  it("keeps the seller's deal team out of every buyer page and the buyer's committee out of every seller page", async () => {
    const secrets = { seller: EVALUATION.secrets.seller, buyer: EVALUATION.secrets.buyer };
    // The test itself opens the other side's group ids in the URL; Mutual must never answer with them.
    const ids = { seller: group('internal'), buyer: group('committee') };
    const sellerSession = await signIn('intranet', 'Alice Martin');
    const buyerSession = await signIn('portal', 'Dana Schmidt');
    // Every view of every group (even those the person is not in), each until its data has arrived.
    const views: Array<[string, RegExp]> = [
      ['?view=plan', /\/tasks$/],
      ['?view=cockpit', /\/cockpit$/],
      ...EVALUATION.groups.map((g): [string, RegExp] => [`?view=feed&group=${group(g.slug)}`, /\/posts(\?|$)/]),
    ];
    for (const [session, site] of [[buyerSession, 'portal'], [sellerSession, 'intranet']] as const) {
      for (const [query, data] of views) {
        const answered = session.page.waitForResponse((response) => data.test(new URL(response.url()).pathname + new URL(response.url()).search), { timeout: 10_000 });
        await session.page.goto(`${urls[site]}/evaluation${query}`);
        await answered;
      }
    }

    const check = async (session: { page: Page; responses: Response[] }, forbidden: readonly string[], forbiddenId: string, mutual: string, who: string) => {
      // As a string: the test runner's compiler would wrap a named inner function in a helper
      // that does not exist in the page.
      const dom = await session.page.evaluate<string>(`(() => {
        const texts = [document.documentElement.outerHTML];
        const roots = [document];
        while (roots.length) {
          for (const element of roots.pop().querySelectorAll('*')) {
            if (element.shadowRoot) {
              texts.push(element.shadowRoot.innerHTML);
              roots.push(element.shadowRoot);
            }
          }
        }
        return texts.join('\\n');
      })()`);
      for (const secret of forbidden) assert.ok(!dom.includes(secret), `${who}'s page shows "${secret}"`);
      let read = 0;
      for (const response of session.responses) {
        if ((response.headers()['content-type'] ?? '').includes('event-stream')) continue; // read below
        const body = await response.text().catch(() => '');
        read++;
        for (const secret of forbidden) assert.ok(!body.includes(secret), `${who} received "${secret}" from ${response.url()}`);
        if (response.url().startsWith(mutual)) assert.ok(!body.includes(forbiddenId), `${who}'s Mutual server answered with ${forbiddenId}`);
      }
      assert.ok(read > 20, `${who}'s pages received ${read} responses, all searched`);
    };
    await check(buyerSession, secrets.seller, ids.seller, urls.buyerMutual, 'the buyer');
    await check(sellerSession, secrets.buyer, ids.buyer, urls.sellerMutual, 'the seller');

    // The live stream a buyer page reads, with the very token the portal gives that page.
    const token = await buyerSession.page.evaluate(async () => ((await (await fetch('/mutual-token', { method: 'POST', headers: { 'X-Requested-With': 'mutual' } })).json()) as { token: string }).token);
    const controller = new AbortController();
    const stream = await fetch(`${urls.buyerMutual}/api/spaces/${SPACE}/stream`, { headers: { Authorization: `Bearer ${token}`, 'Last-Event-ID': '0' }, signal: controller.signal });
    let streamed = '';
    const reading = (async () => {
      try {
        for await (const chunk of stream.body!) streamed += new TextDecoder().decode(chunk);
      } catch {
        // aborted below
      }
    })();
    const fresh = `Deal desk: final floor confirmed ${Date.now()}`;
    await open(sellerSession.page, 'intranet', `?view=feed&group=${group('internal')}`);
    await post(sellerSession.page, fresh);
    const marker = `Marker after the internal post ${Date.now()}`;
    await open(sellerSession.page, 'intranet', `?view=feed&group=${group('plan')}`);
    await post(sellerSession.page, marker);
    await eventually(() => assert.ok(streamed.includes(marker), 'the plan post after it did arrive'), { timeoutMs: 10_000 });
    controller.abort();
    await reading;
    for (const secret of [...secrets.seller, fresh]) assert.ok(!streamed.includes(secret), `the buyer's stream carried "${secret}"`);
    await Promise.all([sellerSession.context.close(), buyerSession.context.close()]);
  });

  it('answers 403 to a person who edits the URL or calls the API by hand for a group they are not in', async () => {
    const sofia = await signIn('portal', 'Sofia Marchetti');
    await sofia.page.goto(`${urls.portal}/evaluation?view=feed&group=${group('steering')}`);
    await sofia.page.waitForFunction(() => document.querySelector('mutual-group-feed')?.shadowRoot?.querySelector('[part~="state"]'), null, { timeout: 10_000 });
    assert.equal(await sofia.page.locator('mutual-group-feed [part~="post"]').count(), 0, 'no steering post is shown');
    const answer = await sofia.page.evaluate(async ({ server, steering }) => {
      const { token } = (await (await fetch('/mutual-token', { method: 'POST', headers: { 'X-Requested-With': 'mutual' } })).json()) as { token: string };
      const response = await fetch(`${server}/api/groups/${steering}/posts`, { headers: { Authorization: `Bearer ${token}` } });
      return { status: response.status, body: await response.text() };
    }, { server: urls.buyerMutual, steering: group('steering') });
    assert.equal(answer.status, 403);
    assert.match(answer.body, /not_a_member/);
    await sofia.context.close();
  });

  it('keeps each host app its own session: both in one browser, neither forgeable, no sign-in from another site', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const [site, name] of [['intranet', 'Alice Martin'], ['portal', 'Dana Schmidt']] as const) {
      await page.goto(`${urls[site]}/`);
      await page.getByRole('button', { name: new RegExp(name) }).click();
      await page.waitForURL(/\/evaluation/);
    }
    // Cookies ignore ports: the portal's sign-in must not have replaced the intranet's session.
    await page.goto(`${urls.intranet}/evaluation`);
    assert.match(page.url(), /\/evaluation/, 'still signed in to the intranet');
    const cookies = await context.cookies();
    assert.equal(new Set(cookies.map((cookie) => cookie.name)).size, 2, 'one session cookie per app');
    assert.ok(cookies.every((cookie) => cookie.httpOnly && !/@/.test(cookie.value)), 'opaque and out of scripts’ reach');
    // A cookie naming a person signs nobody in.
    const forged = await fetch(`${urls.intranet}/evaluation`, { headers: { cookie: `${cookies[0]!.name}=alice@seller.example` }, redirect: 'manual' });
    assert.equal(forged.status, 302);
    // Nor does a form posted from another site.
    for (const headers of [{ 'Sec-Fetch-Site': 'cross-site' }, { Origin: 'https://evil.example' }] as Array<Record<string, string>>) {
      const answer = await fetch(`${urls.intranet}/sign-in`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'person=alice%40seller.example', redirect: 'manual' });
      assert.equal(answer.status, 403, JSON.stringify(headers));
    }
    await context.close();
  });

  it('runs every page under a strict Content-Security-Policy without a page error', () => {
    // The 403 above is the one expected console error: the feed reports the refused request.
    const unexpected = pageErrors.filter((error) => !/403|Forbidden/.test(error));
    assert.deepEqual(unexpected, []);
  });
});
