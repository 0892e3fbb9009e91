// `npm run screenshots`: starts the two example companies on free ports with fresh data, signs in
// on each side and saves every widget, light and dark, English (intranet) and French (portal),
// to docs/screenshots/. Look at them after any visual change. Reactions are emoji: without a
// colour emoji font (Debian: apt-get install fonts-noto-color-emoji) they come out as empty boxes.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/support/browser.js';
import { freePort } from '../test/support/free-port.js';

/** Whether some installed font draws 👍 (asked of fontconfig, which Chromium uses on Linux). */
function hasEmojiFont(): boolean {
  try {
    return execFileSync('fc-list', [':charset=1f44d'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return true; // no fontconfig to ask: not Linux, or not ours to judge
  }
}
if (!hasEmojiFont()) console.warn('screenshots: no colour emoji font; reactions will show as boxes (apt-get install fonts-noto-color-emoji)');

const dataDir = mkdtempSync(join(tmpdir(), 'mutual-shots-'));
const ports = { INTRANET_PORT: await freePort(), PORTAL_PORT: await freePort(), SELLER_MUTUAL_PORT: await freePort(), BUYER_MUTUAL_PORT: await freePort() };
const env: NodeJS.ProcessEnv = { ...process.env, MUTUAL_DATA_DIR: dataDir, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) };
delete env.DATABASE_URL;
const child = spawn(process.execPath, ['--import', 'tsx', 'examples/start.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((resolve, reject) => {
  let out = '';
  child.stdout!.on('data', (chunk) => {
    out += chunk;
    if (out.includes('Mutual is running')) resolve();
  });
  child.once('exit', (code) => reject(new Error(`the examples exited with ${code}`)));
});

mkdirSync('docs/screenshots', { recursive: true });
const browser = await launchChromium();
const sites = [
  { name: 'intranet', url: `http://127.0.0.1:${ports.INTRANET_PORT}`, person: 'Alice Martin', feed: 'northwind-2027.proof' },
  { name: 'portal', url: `http://127.0.0.1:${ports.PORTAL_PORT}`, person: 'Dana Schmidt', feed: 'northwind-2027.plan' },
];
try {
  for (const site of sites) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 960 }, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(`${site.url}/`);
      if (scheme === 'light') await page.screenshot({ path: `docs/screenshots/${site.name}-sign-in.png` });
      await page.getByRole('button', { name: new RegExp(site.person) }).click();
      // Each view is pictured once its widget shows its data, not when the answer starts to arrive
      // (a picture of the board's "Loading the plan…" was taken that way).
      for (const [view, query, shown] of [
        ['board', '?view=plan', 'mutual-workstream-board [part~="card"]'],
        ['cockpit', '?view=cockpit', 'mutual-decider-cockpit [part~="base"][data-state="ready"]'],
        ['feed', `?view=feed&group=${site.feed}`, 'mutual-group-feed [aria-posinset]'],
      ] as const) {
        await page.goto(`${site.url}/evaluation${query}`);
        await page.locator(shown).first().waitFor();
        // Let the widget render what arrived (fonts, layout) before the picture.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        await page.screenshot({ path: `docs/screenshots/${site.name}-${view}-${scheme}.png` });
        if (view === 'feed' && scheme === 'light') {
          // The viewer's notification settings, opened from the feed's header (loaded on demand).
          await page.getByRole('button', { name: 'Notifications', exact: true }).click();
          await page.locator('mutual-notification-settings [part~="base"][data-state="ready"]').waitFor();
          await page.screenshot({ path: `docs/screenshots/${site.name}-feed-notifications.png` });
        }
      }
      await context.close();
    }
  }
  console.log('screenshots: docs/screenshots/ updated');
} finally {
  await browser.close();
  child.kill('SIGINT');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
