// Headless Chromium for the browser tests (Debian's package). CI installs it and must never skip these tests; a
// local run without it skips them and says how to get it.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  if (process.env.CI === 'true')
    throw new Error(`${CHROMIUM} is missing: CI must install it (apt-get install -y chromium)`);
  console.warn(`Skipping Chromium tests: ${CHROMIUM} not found (apt-get install -y chromium)`);
}

/** Launches headless Chromium without network or sandbox, as the conventions of this repository say. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
