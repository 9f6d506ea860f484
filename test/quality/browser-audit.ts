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

/** Loads a page in a fresh context and audits it. */
export async function auditPage(context: BrowserContext, origin: string, route: string): Promise<PageAudit> {
  const page = await context.newPage();
  const privacy: string[] = [];
  const weight = { html: 0, css: 0, js: 0, images: 0, fonts: 0, other: 0 };
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
    const type = response.request().resourceType();
    const bytes = (await response.body().catch(() => Buffer.alloc(0))).length;
    if (type === 'document') weight.html += bytes;
    else if (type === 'stylesheet') weight.css += bytes;
    else if (type === 'script') weight.js += bytes;
    else if (type === 'image') weight.images += bytes;
    else if (type === 'font') weight.fonts += bytes;
    else weight.other += bytes;
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP-overtrædelse: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });

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
  const cookies = await context.cookies();
  for (const cookie of cookies) privacy.push(`cookie sat: ${cookie.name} (${cookie.domain})`);
  const documentCookie = await page.evaluate(() => document.cookie);
  if (documentCookie) privacy.push(`document.cookie: ${documentCookie}`);

  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  const reflow = overflow > 0 ? [`vandret rulning på ${overflow}px ved 320 px bredde`] : [];

  await page.close();
  return { route, accessibility, privacy, reflow, weight };
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
