// widgets: the built elements (packages/elements/dist, read at run time) in real Chromium through
// playwright-core, against a real Mutual server: bundle sizes, rendering 1,000 posts against
// vanilla-list (the same posts, the same API, plain DOM calls), the DOM while scrolling a long
// feed, and a board of 500 tasks.
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { people, startOrg } from '../lib/mutual.mjs';
import { medians, round } from '../lib/stats.mjs';
import { goalResult } from '../lib/report.mjs';

const DIST = fileURLToPath(new URL('../../packages/elements/dist/', import.meta.url));
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

/** The files a page loads for an entry: itself and its static imports, transitively (not import()). */
function closure(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = readFileSync(join(DIST, entry), 'utf8');
  const folder = entry.includes('/') ? entry.slice(0, entry.lastIndexOf('/') + 1) : '';
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.\.?\/[^"']+)["']/g)) {
    closure(normalize(join(folder, match[1])), seen);
  }
  return seen;
}

/** Gzip sizes of the bundles as built now (another engineer may be shrinking them), static imports included. */
export function bundleSizes() {
  if (!existsSync(DIST)) throw new Error('packages/elements/dist is missing: run npm run build:elements');
  const gz = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
  const total = (files) => [...files].reduce((sum, file) => sum + gz(file), 0);
  const entry = (name) => closure(name);
  const union = new Set([...entry('mutual-space.js'), ...entry('mutual-group-feed.js'), ...entry('mutual-workstream-board.js'), ...entry('mutual-decider-cockpit.js')]);
  return {
    // What a page loads to use all three widgets from the one bundle.
    allWidgetsBundle: total(entry('mutual-elements.js')),
    // …and loading the four entries separately (shared chunks counted once).
    separateEntries: total(union),
    feedEntry: total(entry('mutual-group-feed.js')),
    boardEntry: total(entry('mutual-workstream-board.js')),
    cockpitEntry: total(entry('mutual-decider-cockpit.js')),
    spaceEntry: total(entry('mutual-space.js')),
    files: Object.fromEntries(readdirSync(DIST).filter((file) => file.endsWith('.js')).map((file) => [file, gz(file)])),
  };
}

function pageServer() {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<style>body{margin:0;font:14px system-ui} #box{height:600px;overflow:auto} mutual-group-feed{--mutual-feed-max-height:600px}</style>
<script type="module" src="/dist/mutual-elements.js"></script></head><body><div id="root"></div></body></html>`;
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    if (path.startsWith('/dist/')) {
      const file = normalize(join(DIST, path.slice(6)));
      if (file.startsWith(DIST) && existsSync(file)) {
        const type = extname(file) === '.js' ? 'text/javascript' : 'application/json';
        return res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
      }
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) })));
}

// In-page helpers (run in Chromium).
const IN_PAGE = `
window.bench = {
  countNodes(root) {
    let total = 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
      total++;
      if (node instanceof Element && node.shadowRoot) total += bench.countNodes(node.shadowRoot);
    }
    return total;
  },
  deepAll(root, selector, found = []) {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(selector)) found.push(el);
      if (el.shadowRoot) bench.deepAll(el.shadowRoot, selector, found);
    }
    return found;
  },
  frame: () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  mount(server, token, inner) {
    const root = document.getElementById('root');
    root.innerHTML = '';
    const space = document.createElement('mutual-space');
    space.server = server; space.space = 'acme'; space.token = token;
    space.innerHTML = inner;
    root.append(space);
    return space;
  },
  /** Mounts a feed and scrolls its box to the end until post #want is in the DOM. */
  async feedTo(server, token, group, want, sampleNodes) {
    const started = performance.now();
    const space = bench.mount(server, token, '<mutual-group-feed group="' + group + '" page-size="100"></mutual-group-feed>');
    const feed = space.querySelector('mutual-group-feed');
    let maxNodes = 0;
    let deepest = 0;
    const deadline = started + 300000;
    while (performance.now() < deadline) {
      await bench.frame();
      const items = feed.shadowRoot ? [...feed.shadowRoot.querySelectorAll('[aria-posinset]')] : [];
      if (sampleNodes) maxNodes = Math.max(maxNodes, bench.countNodes(feed));
      for (const item of items) deepest = Math.max(deepest, Number(item.getAttribute('aria-posinset')));
      if (deepest >= want) break;
      const box = feed.shadowRoot && feed.shadowRoot.querySelector('[part~="scroller"]');
      if (box) box.scrollTop = box.scrollHeight;
    }
    return { ms: performance.now() - started, deepest, maxNodes };
  },
  /** vanilla-list: the same pages from the same API, rendered with plain DOM calls. */
  async vanillaTo(server, token, group, want) {
    const started = performance.now();
    const root = document.getElementById('root');
    root.innerHTML = '';
    const box = document.createElement('div'); box.id = 'box';
    const list = document.createElement('ul');
    box.append(list); root.append(box);
    let before;
    let count = 0;
    while (count < want) {
      const url = server + '/api/groups/' + group + '/posts?limit=100' + (before ? '&before=' + before : '');
      const page = await (await fetch(url, { headers: { authorization: 'Bearer ' + token } })).json();
      for (const post of page.posts) {
        const li = document.createElement('li');
        const head = document.createElement('div');
        const name = document.createElement('strong'); name.textContent = post.author.name;
        const time = document.createElement('time'); time.dateTime = post.at; time.textContent = new Date(post.at).toLocaleString();
        head.append(name, ' ', time);
        const text = document.createElement('p'); text.textContent = post.text;
        li.append(head, text);
        list.append(li);
        count++;
      }
      if (!page.next || page.posts.length === 0) break;
      before = page.next;
    }
    box.scrollTop = box.scrollHeight;
    await bench.frame();
    return { ms: performance.now() - started, deepest: list.children.length };
  },
  /** Mounts a board and waits until it shows want cards. */
  async boardTo(server, token, want) {
    const started = performance.now();
    const space = bench.mount(server, token, '<mutual-workstream-board></mutual-workstream-board>');
    const board = space.querySelector('mutual-workstream-board');
    for (;;) {
      await bench.frame();
      // Distinct tasks shown (a card's host and its inner box may both carry data-task).
      const cards = new Set(bench.deepAll(board.shadowRoot || board, '[data-task]').map((el) => el.getAttribute('data-task'))).size;
      if (cards >= want) return { ms: performance.now() - started, cards, nodes: bench.countNodes(board) };
      if (performance.now() - started > 60000) return { ms: NaN, cards, nodes: bench.countNodes(board) };
    }
  },
};`;

/** With BENCH_CPU_PROF=dir: Chromium CPU profiles of one feed render, one vanilla render and one board. */
async function profileInPage(page, dir, server, token, boardToken) {
  const { writeFileSync } = await import('node:fs');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  for (const [name, call] of [
    ['feed-1000', ([s, t]) => window.bench.feedTo(s, t, 'acme.plan', 1000, false)],
    ['vanilla-1000', ([s, t]) => window.bench.vanillaTo(s, t, 'acme.plan', 1000)],
    ['board-500', ([s, , b]) => window.bench.boardTo(s, b, 500)],
  ]) {
    await cdp.send('Profiler.start');
    await page.evaluate(call, [server, token, boardToken]);
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(join(dir, `chromium-${name}.cpuprofile`), JSON.stringify(profile));
  }
  await cdp.detach();
}

export async function widgets({ rounds, quick, log }) {
  const sizes = bundleSizes();
  log(`  gzip: all widgets ${sizes.allWidgetsBundle} B, feed entry ${sizes.feedEntry} B`);
  const longFeed = quick ? 2_000 : 10_000;
  const site = await pageServer();
  const seller = await startOrg('seller.test', { origins: [site.url] });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    await seller.call('createSpace', { id: 'acme', name: 'Acme evaluation', buyer: 'buyer.test' });
    const team = people(20, 'seller.test');
    await seller.call('addPeople', [...team, { id: 'bea@seller.test', name: 'Bea' }]);
    const ids = team.map((person) => person.id);
    await seller.call('addMembers', 'acme.plan', ids);
    await seller.call('addMembers', 'acme.proof', ids);
    await seller.call('addMembers', 'acme.implementation', ['bea@seller.test', ids[0]]);
    await seller.call('seedPosts', 'acme.plan', ids, 1_000);
    await seller.call('seedPosts', 'acme.proof', ids, longFeed);
    await seller.call('seedTasks', 'acme.implementation', ids[0], 500, 32, 'impl');
    const [token, beaToken] = await seller.call('tokens', [ids[0], 'bea@seller.test']);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${site.url}/`);
    await page.waitForFunction(() => customElements.get('mutual-group-feed') && customElements.get('mutual-workstream-board'));
    await page.evaluate(IN_PAGE);

    const feedRuns = [];
    const vanillaRuns = [];
    const boardRuns = [];
    // Warm-up: the same work once each.
    await page.evaluate(([s, t]) => window.bench.vanillaTo(s, t, 'acme.plan', 1000), [seller.url, token]);
    await page.evaluate(([s, t]) => window.bench.feedTo(s, t, 'acme.plan', 1000, false), [seller.url, token]);
    if (process.env.BENCH_CPU_PROF) await profileInPage(page, process.env.BENCH_CPU_PROF, seller.url, token, beaToken);
    for (let i = 0; i < rounds; i++) {
      vanillaRuns.push(await page.evaluate(([s, t]) => window.bench.vanillaTo(s, t, 'acme.plan', 1000), [seller.url, token]));
      feedRuns.push(await page.evaluate(([s, t]) => window.bench.feedTo(s, t, 'acme.plan', 1000, false), [seller.url, token]));
      boardRuns.push(await page.evaluate(([s, t]) => window.bench.boardTo(s, t, 500), [seller.url, beaToken]));
      log(`  round ${i + 1}: vanilla 1,000 posts ${round(vanillaRuns.at(-1).ms)} ms, feed ${round(feedRuns.at(-1).ms)} ms (reached #${feedRuns.at(-1).deepest}), board 500 tasks ${round(boardRuns.at(-1).ms)} ms (${boardRuns.at(-1).cards} cards)`);
    }
    const scroll = await page.evaluate(([s, t, n]) => window.bench.feedTo(s, t, 'acme.proof', n, true), [seller.url, token, longFeed]);
    log(`  scrolled a ${longFeed}-post feed to #${scroll.deepest} in ${round(scroll.ms / 1000, 1)} s: at most ${scroll.maxNodes} DOM nodes`);

    const feed = medians(feedRuns.map((r) => ({ ms: r.ms, reached: r.deepest })));
    const vanilla = medians(vanillaRuns.map((r) => ({ ms: r.ms, reached: r.deepest })));
    const board = medians(boardRuns.map((r) => ({ ms: r.ms, cards: r.cards })));
    const renderRatio = round(feed.ms / vanilla.ms);
    const checks = {
      allWidgetsGzipUnder40KB: sizes.allWidgetsBundle <= 40 * 1024,
      feedEntryGzipUnder20KB: sizes.feedEntry <= 20 * 1024,
      render1000Within1_5xVanilla: renderRatio <= 1.5 && feed.reached >= 1000,
      longFeedDomUnder2000: scroll.deepest >= longFeed && scroll.maxNodes < 2000,
      board500Within150ms: board.cards >= 500 && board.ms <= 150,
      noPageErrors: errors.length === 0,
    };
    return goalResult({
      name: 'widgets',
      figures: {
        gzipBytes: { allWidgets: sizes.allWidgetsBundle, separateEntries: sizes.separateEntries, feedEntry: sizes.feedEntry, boardEntry: sizes.boardEntry, cockpitEntry: sizes.cockpitEntry, spaceEntry: sizes.spaceEntry },
        render1000Ms: feed.ms,
        longFeed: { posts: longFeed, reached: scroll.deepest, maxDomNodes: scroll.maxNodes, seconds: round(scroll.ms / 1000, 1) },
        board500Ms: board.ms,
        boardCards: board.cards,
        pageErrors: errors.slice(0, 5),
      },
      baseline: { render1000Ms: vanilla.ms },
      baselineName: 'vanilla-list',
      ratio: { render1000: renderRatio },
      goal: 'all widgets ≤ 40 KB gzip, feed entry ≤ 20 KB; 1,000 posts ≤ 1.5× vanilla-list; 10,000-post feed < 2,000 DOM nodes; board of 500 ≤ 150 ms',
      met: !quick && Object.values(checks).every(Boolean),
      notes: { checks },
    });
  } finally {
    await browser.close();
    await seller.stop();
    await site.close();
  }
}
