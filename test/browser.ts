/**
 * Debian's Chromium through playwright-core, never a downloaded browser. Without Chromium the
 * browser tests fail with how to install it; they are never skipped silently.
 */
import { access } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serve, type Served } from './serve.ts';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  try {
    await access(CHROMIUM);
  } catch {
    throw new Error(
      `Chromium blev ikke fundet på ${CHROMIUM}. Browsertestene kræver Debians Chromium: kør "sudo apt-get install -y chromium" (eller sæt CHROMIUM_PATH til en anden Chromium).`,
    );
  }
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
      '--disable-quic',
    ],
  });
}

/**
 * The built site served on 127.0.0.1 and a Chromium to visit it, for one test file: registers
 * its own `beforeAll`/`afterAll`, and the returned object is filled before the first test runs.
 */
export function siteInBrowser(dist?: string): { server: Served; browser: Browser } {
  const handle = {} as { server: Served; browser: Browser };
  beforeAll(async () => {
    handle.server = await serve(dist);
    handle.browser = await launch();
  });
  afterAll(async () => {
    await handle.browser?.close();
    await handle.server?.close();
  });
  return handle;
}
