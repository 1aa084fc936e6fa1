/** Debian's Chromium, driven by playwright-core, for every browser test. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const webRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Where the tests leave their screenshots. */
export const resultsDir = join(webRoot, 'test-results');

/** The API serves apps/web/dist: without a build the tests would judge a stale or missing app. */
export function requireBuiltApp(): void {
  if (!existsSync(join(webRoot, 'dist', 'index.html'))) {
    throw new Error('apps/web/dist is missing: run `pnpm --filter @autonomy/web build` before the browser test.');
  }
}

export async function launchChromium(): Promise<Browser> {
  mkdirSync(resultsDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
