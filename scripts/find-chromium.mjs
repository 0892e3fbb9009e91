import { existsSync } from 'node:fs';

/** Where Chromium or Chrome is: $CHROME_PATH if set, else the usual Debian and Chrome locations. */
export function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ].filter(Boolean);
  return candidates.find((path) => existsSync(path));
}

export function requireChromium() {
  const found = findChromium();
  if (found) return found;
  console.error(
    [
      'mutual: no Chromium or Chrome found for the browser tests.',
      '  Install one:   sudo apt-get update && sudo apt-get install -y chromium',
      '  or point to it: CHROME_PATH=/path/to/chrome npm test',
    ].join('\n'),
  );
  process.exit(1);
}

/** Flags for a headless Chromium on a locked-down machine (no network but loopback, maybe root). */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
