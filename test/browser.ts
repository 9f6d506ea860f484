/**
 * Debian's Chromium through playwright-core, never a downloaded browser. Without Chromium the
 * browser tests fail with how to install it; they are never skipped silently.
 */
import { access } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';

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
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
