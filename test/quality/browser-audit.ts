/**
 * Gates that need a real browser, run on one page at a time: axe-core (WCAG 2.1 AA), privacy
 * (requests to other origins, cookies, console errors, CSP violations), reflow at 320 px, and
 * the bytes the page downloads, by kind.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { projectRoot } from '../helpers.ts';

const axeSource = await readFile(path.join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface PageAudit {
  route: string;
  accessibility: string[];
  privacy: string[];
  reflow: string[];
  weight: { html: number; css: number; js: number; images: number; fonts: number; other: number };
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** Runs axe with the WCAG 2.1 A and AA rules; one line per violated rule. */
export async function runAxe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (c: Document, o: object) => Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // Only violations are reported; collecting passes and incomplete nodes costs time.
      resultTypes: ['violations'],
    }),
  )) as AxeResult;
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? '-'}): ${v.help} – ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

/** Audits routes one after another in one tab: a tab is reused, which saves starting a renderer per page. */
export interface Auditor {
  audit(route: string): Promise<PageAudit>;
  close(): Promise<void>;
}

export async function createAuditor(context: BrowserContext, origin: string): Promise<Auditor> {
  const page = await context.newPage();
  // Every page is measured as a first visit: nothing from the browser's cache.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let privacy: string[] = [];
  let weight = { html: 0, css: 0, js: 0, images: 0, fonts: 0, other: 0 };
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.origin !== origin)
      privacy.push(`forespørgsel til et andet domæne: ${request.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') privacy.push(`fejl i konsollen: ${message.text()}`);
  });
  page.on('pageerror', (error) => privacy.push(`JavaScript-fejl: ${error.message}`));
  page.on('response', async (response) => {
    const counted = weight;
    const type = response.request().resourceType();
    const bytes = (await response.body().catch(() => Buffer.alloc(0))).length;
    if (type === 'document') counted.html += bytes;
    else if (type === 'stylesheet') counted.css += bytes;
    else if (type === 'script') counted.js += bytes;
    else if (type === 'image') counted.images += bytes;
    else if (type === 'font') counted.fonts += bytes;
    else counted.other += bytes;
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP-overtrædelse: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });

  return {
    async audit(route) {
      privacy = [];
      weight = { html: 0, css: 0, js: 0, images: 0, fonts: 0, other: 0 };
      const own = { privacy, weight };
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${origin}${route}`, { waitUntil: 'load' });
      // Lazy images below the fold count too: a visitor who scrolls downloads them.
      await page.evaluate(async () => {
        for (const img of document.querySelectorAll('img[loading="lazy"]')) img.setAttribute('loading', 'eager');
        await Promise.all(
          [...document.images].map((img) =>
            img.complete ? null : new Promise((r) => img.addEventListener('load', r, { once: true })),
          ),
        );
      });
      await page.waitForLoadState('networkidle');

      const accessibility = await runAxe(page);
      for (const cookie of await context.cookies()) own.privacy.push(`cookie sat: ${cookie.name} (${cookie.domain})`);
      const documentCookie = await page.evaluate(() => document.cookie);
      if (documentCookie) own.privacy.push(`document.cookie: ${documentCookie}`);
      // A cookie is reported on the page that set it, not again on the next.
      await context.clearCookies();

      await page.setViewportSize({ width: 320, height: 640 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      const reflow = overflow > 0 ? [`vandret rulning på ${overflow}px ved 320 px bredde`] : [];
      return { route, accessibility, privacy: own.privacy, reflow, weight: own.weight };
    },
    close: () => page.close(),
  };
}

/** Loads one page in a tab of its own and audits it. */
export async function auditPage(context: BrowserContext, origin: string, route: string): Promise<PageAudit> {
  const auditor = await createAuditor(context, origin);
  try {
    return await auditor.audit(route);
  } finally {
    await auditor.close();
  }
}

/**
 * Audits every route, a few at a time, each worker in a browser context of its own (so a cookie
 * is traced to the pages of one worker). Chromium renders in its own processes, so this pays
 * even on 2 cores. Results come back in the order of `routes`.
 */
export async function auditPages(
  browser: Browser,
  origin: string,
  routes: string[],
  concurrency = Number(process.env['AUDIT_CONCURRENCY'] ?? 4),
): Promise<PageAudit[]> {
  const audits: PageAudit[] = [];
  const queue = [...routes];
  const worker = async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    for (let route = queue.shift(); route !== undefined; route = queue.shift())
      audits.push(await auditPage(context, origin, route));
    await context.close();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return audits.sort((a, b) => routes.indexOf(a.route) - routes.indexOf(b.route));
}
