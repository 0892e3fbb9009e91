import { chromium, type Browser } from 'playwright-core';
// @ts-expect-error: a plain .mjs helper shared with the build scripts
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/find-chromium.mjs';

/** Debian's Chromium (or $CHROME_PATH) through playwright-core, headless, loopback only. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium() as string, args: CHROMIUM_ARGS as string[] });
}
