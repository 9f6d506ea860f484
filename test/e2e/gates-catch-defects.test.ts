/**
 * Each quality gate fails on a page with the defect it guards against: a gate that cannot
 * fail protects nothing. The pages are tiny, hand-written and served like the real site.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../browser.ts';
import { projectRoot } from '../helpers.ts';
import { auditPage } from '../quality/browser-audit.ts';
import { overBudget } from '../quality/budgets.ts';
import { validatePages } from '../quality/html.ts';
import { checkLinks } from '../quality/links.ts';
import { serve, type Served } from '../serve.ts';

const page = (body: string, head = '') =>
  `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Test</title>${head}</head><body><main><h1>Test</h1>${body}</main></body></html>`;

const PAGES: Record<string, string> = {
  'ok/index.html': page('<p>Alt er i orden.</p>'),
  'alt/index.html': page('<img src="/ok/pixel.png" width="1" height="1">'),
  'nesting/index.html': page('<p><div>En blok i et afsnit</div></p>'),
  'broken/index.html': page('<p><a href="/findes-ikke/">Kataloget</a> og <a href="/ok/#mangler">et afsnit</a></p>'),
  'vague/index.html': page('<p><a href="/ok/">Læs mere</a></p>'),
  'third-party/index.html': page('<img src="https://billeder.example/foto.jpg" alt="Et foto" width="10" height="10">'),
  'cookie/index.html': page('<p>Småkager</p><script>document.cookie = "sporing=1; path=/";</script>'),
  'csp/index.html': page('<script>console.log("inline")</script>', `<meta http-equiv="content-security-policy" content="script-src 'self'">`),
  'wide/index.html': page('<div style="width: 900px">Bred</div>'),
  'historier/med-script/index.html': page('<p>Historie</p><script src="/ok/app.js"></script>'),
  'ok/app.js': 'void 0;',
  '404.html': page('<p>Ikke fundet</p>'),
};

let dist: string;
let server: Served;
let browser: Browser;

beforeAll(async () => {
  await mkdir(path.join(projectRoot, 'test', '.tmp'), { recursive: true });
  dist = await mkdtemp(path.join(projectRoot, 'test', '.tmp', 'bad-site-'));
  for (const [file, html] of Object.entries(PAGES)) {
    await mkdir(path.dirname(path.join(dist, file)), { recursive: true });
    await writeFile(path.join(dist, file), html);
  }
  // A real 1×1 PNG, so the missing alt is the only thing wrong with that page.
  await writeFile(path.join(dist, 'ok', 'pixel.png'), Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'));
  server = await serve(dist);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function audit(route: string) {
  const context = await browser.newContext();
  try {
    return await auditPage(context, server.origin, route);
  } finally {
    await context.close();
  }
}

describe('each gate catches its defect', () => {
  it('a clean page passes every browser gate (so the failures below are the defects)', async () => {
    const result = await audit('/ok/');
    expect([...result.accessibility, ...result.privacy, ...result.reflow]).toEqual([]);
  });
  it('axe reports an image without alt text', async () => {
    expect((await audit('/alt/')).accessibility.join('\n')).toMatch(/image-alt/);
  });
  it('html-validate reports a block inside a paragraph', async () => {
    expect((await validatePages(dist, ['/nesting/'])).join('\n')).toMatch(/\/nesting\/.*(element-permitted-content|close-order|no-implicit-close|element-permitted)/);
  });
  it('the link check reports a missing page and a missing fragment', async () => {
    const problems = await checkLinks(dist, ['/broken/']);
    expect(problems).toEqual([
      expect.stringContaining('href="/findes-ikke/" peger på en side eller fil, der ikke findes'),
      expect.stringContaining('#mangler, som ikke findes'),
    ]);
  });
  it('the link check reports a link that only says "Læs mere"', async () => {
    expect((await checkLinks(dist, ['/vague/'])).join('\n')).toMatch(/linkteksten "Læs mere"/);
  });
  it('the privacy gate reports an image from another domain', async () => {
    expect((await audit('/third-party/')).privacy.join('\n')).toMatch(/andet domæne: https:\/\/billeder\.example\/foto\.jpg/);
  });
  it('the privacy gate reports a cookie', async () => {
    expect((await audit('/cookie/')).privacy.join('\n')).toMatch(/cookie sat: sporing/);
  });
  it('the privacy gate reports a CSP violation', async () => {
    expect((await audit('/csp/')).privacy.join('\n')).toMatch(/Content Security Policy|CSP/);
  });
  it('the reflow gate reports sideways scrolling at 320 px', async () => {
    expect((await audit('/wide/')).reflow.join('\n')).toMatch(/vandret rulning/);
  });
  it('the budget gate reports JavaScript on a content page', async () => {
    const result = await audit('/historier/med-script/');
    expect(result.weight.js).toBeGreaterThan(0);
    expect(overBudget(result).join('\n')).toMatch(/historie.*js er \d+ B, budgettet er 0 B/);
  });
});
