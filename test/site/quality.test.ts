/**
 * The quality gates on every page of the built site, in Debian's Chromium: WCAG 2.1 AA with
 * axe-core, valid HTML, no broken links, privacy (no other origins, no cookies, no console
 * errors, no CSP violations), reflow at 320 px and page weight budgets. Each gate lists every
 * failure with the page it is on.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../browser.ts';
import { allPages, distDir, isRedirect, page as readPage } from '../dist.ts';
import { auditPages, type PageAudit } from '../quality/browser-audit.ts';
import { overBudget, templateOf } from '../quality/budgets.ts';
import { validatePages } from '../quality/html.ts';
import { nuErrors } from '../quality/nu.ts';
import { checkLinks } from '../quality/links.ts';
import { serve, type Served } from '../serve.ts';

let server: Served;
let browser: Browser;
let routes: string[];
const audits: PageAudit[] = [];

beforeAll(async () => {
  server = await serve();
  browser = await launch();
  const all = await allPages();
  // Redirect pages leave at once; they are checked for HTML and links, not audited in the browser.
  routes = [];
  for (const route of all) if (!isRedirect(await readPage(route))) routes.push(route);
  audits.push(...(await auditPages(browser, server.origin, routes)));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const report = (lines: string[]) => (lines.length === 0 ? '' : `\n${lines.join('\n')}\n(${lines.length} i alt)`);

describe('quality gates on every page', () => {
  it('audits every page that is not a redirect', () => {
    expect(routes.length).toBeGreaterThan(0);
    expect(audits.map((a) => a.route)).toEqual(routes);
  });

  it('axe-core finds no WCAG 2.1 A/AA violation', () => {
    const failures = audits.flatMap((a) => a.accessibility.map((v) => `${a.route}: ${v}`));
    expect(report(failures)).toBe('');
  });

  it('no request leaves the site, no cookie is set, no console error or CSP violation occurs', () => {
    const failures = audits.flatMap((a) => a.privacy.map((p) => `${a.route}: ${p}`));
    expect(report(failures)).toBe('');
  });

  it('no page scrolls sideways at 320 px', () => {
    const failures = audits.flatMap((a) => a.reflow.map((r) => `${a.route}: ${r}`));
    expect(report(failures)).toBe('');
  });

  it('every page keeps its template’s weight budget, and content pages ship 0 bytes of JavaScript', () => {
    expect(report(audits.flatMap(overBudget))).toBe('');
    const withScript = audits.filter((a) => templateOf(a.route).max.js === 0 && a.weight.js > 0).map((a) => a.route);
    expect(withScript).toEqual([]);
  });

  it('every page is valid HTML', async () => {
    expect(report(await validatePages(distDir, await allPages()))).toBe('');
  });

  it('the W3C Nu HTML checker finds no error on any page', async () => {
    expect(report(await nuErrors(distDir, await allPages()))).toBe('');
  });

  it('every internal link, image and fragment resolves, and no link says only "læs mere"', async () => {
    expect(report(await checkLinks(distDir, await allPages()))).toBe('');
  });
});
