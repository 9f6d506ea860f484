/**
 * Search and filters as a procurement officer, a company owner and a citizen use them, in
 * Chromium against the built site with its real Pagefind index.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { siteInBrowser } from '../browser.ts';

const site = siteInBrowser();

async function open(route: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  await page.goto(`${site.server.origin}${route}`);
  return page;
}

const settled = (page: Page) => page.waitForFunction(() => /resultat|Ingen/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
const resultPaths = (page: Page) => page.locator('.search-result h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));

async function search(query: string): Promise<string[]> {
  const page = await open(`/soeg/?q=${encodeURIComponent(query)}`);
  await settled(page);
  const paths = await resultPaths(page);
  await page.close();
  return paths;
}

describe('search finds what people ask for', () => {
  it('a buyer asking for "frokost til 40 personer" finds the lunch offering at the top', async () => {
    expect((await search('frokost til 40 personer')).slice(0, 3)).toContain('/katalog/frokostordning-til-moeder-og-kurser/');
  });
  it('a company’s name finds its page first', async () => {
    expect((await search('Værkstedet Åbne Hænder'))[0]).toBe('/virksomheder/vaerkstedet-aabne-haender/');
  });
  it('a scheme’s name finds the guidance page first', async () => {
    expect((await search('delvis raskmelding'))[0]).toBe('/for-virksomheder/delvis-raskmelding/');
  });
  it('a Danish inflected form finds the base word ("cyklerne" finds "cykler")', async () => {
    expect((await search('cyklerne')).slice(0, 3)).toContain('/katalog/istandsatte-brugte-cykler/');
  });
  it('a withdrawn story is never found, not even by its person’s name', async () => {
    const paths = [...(await search('Anja Winther')), ...(await search('fleksjob gav hverdagen tilbage'))];
    expect(paths).not.toContain('/historier/fleksjob-gav-hverdagen-tilbage/');
  });
  it('a draft is never found', async () => {
    expect(await search('Systuen syr nyt liv i arbejdstøjet')).not.toContain('/historier/systuen-syr-nyt-liv-i-arbejdstoejet/');
  });
  it('nothing outside the content is indexed: no redirect page, withdrawn story or draft among all pages', async () => {
    const page = await open('/soeg/');
    // A string, so the test runner does not rewrite the browser's own import().
    const urls = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const types = Object.keys((await pagefind.filters()).type ?? {});
      const found = await pagefind.search(null, { filters: { type: { any: types } } });
      return Promise.all(found.results.map(async (r) => (await r.data()).url));
    })()`)) as string[];
    expect(urls.length).toBeGreaterThan(80);
    expect(urls).not.toContain('/historier/fleksjob-gav-hverdagen-tilbage/');
    expect(urls).not.toContain('/historier/systuen-syr-nyt-liv-i-arbejdstoejet/');
    expect(urls).not.toContain('/historier/tissoe-og-vaerkstedet-i-moebelsamarbejde/');
    expect(urls.filter((u) => ['/soeg/', '/katalog/', '/virksomheder/', '/'].includes(u))).toEqual([]);
    await page.close();
  });
});

describe('facets', () => {
  it('narrow the results, and the counts by type add up to the total', async () => {
    const page = await open('/soeg/?q=genbrug');
    await settled(page);
    const statusCount = async () => Number(/(\d+) resultat/.exec((await page.locator('[data-search-status]').textContent()) ?? '')?.[1]);
    const total = await statusCount();
    await page.locator('.search-facets summary').click();
    const typeBoxes = page.locator('fieldset:has(legend:text("Indhold")) label');
    const counts = await typeBoxes.evaluateAll((labels) => labels.map((l) => Number(/\((\d+)\)/.exec(l.textContent ?? '')?.[1] ?? 0)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    const offeringLabel = page.locator('fieldset:has(legend:text("Indhold")) label:has-text("Vare eller ydelse")');
    const expected = Number(/\((\d+)\)/.exec((await offeringLabel.textContent()) ?? '')?.[1]);
    await offeringLabel.locator('input').check();
    await page.waitForFunction((n) => document.querySelector('[data-search-status]')?.textContent?.startsWith(`${n} `), expected);
    const narrowed = await resultPaths(page);
    expect(await statusCount()).toBe(expected);
    expect(expected).toBeLessThan(total);
    expect(narrowed.length).toBe(Math.min(expected, 10));
    expect(narrowed.every((p) => p.startsWith('/katalog/'))).toBe(true);
    expect(new URL(page.url()).searchParams.getAll('type')).toEqual(['Vare eller ydelse']);
    await page.close();
  });

  it('a shared URL with query and filters opens with the same results and boxes checked', async () => {
    const page = await open(`/soeg/?q=genbrug&type=${encodeURIComponent('Vare eller ydelse')}`);
    await settled(page);
    expect(await page.locator('input[name="type"][value="Vare eller ydelse"]').isChecked()).toBe(true);
    expect((await resultPaths(page)).every((p) => p.startsWith('/katalog/'))).toBe(true);
    await page.close();
  });

  it('work by keyboard alone, and the result count is announced in a live region', async () => {
    const page = await open('/soeg/?q=genbrug');
    await settled(page);
    expect(await page.locator('[data-search-status]').getAttribute('role')).toBe('status');
    await page.locator('.search-facets summary').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    await page.close();
  });
});

describe('result pages', () => {
  it('show ten results first and the rest on "Vis flere resultater", moving focus to the first new one', async () => {
    const page = await open('/soeg/?q=virksomhed');
    await settled(page);
    expect(await page.locator('.search-result').count()).toBe(10);
    await page.locator('.search-more').click();
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 10);
    expect(await page.evaluate(() => document.activeElement?.closest('.search-result') === document.querySelectorAll('.search-result')[10])).toBe(true);
    await page.close();
  });
});

describe('the header search', () => {
  it.each(['/', '/katalog/', '/virksomheder/fjordkoekkenet/', '/historier/smaajob-paa-havnen/', '/404.html'])('from %s it opens /soeg/?q= with results', async (route) => {
    const page = await open(route);
    await page.locator('header input[name="q"]').fill('frokost');
    await page.locator('header input[name="q"]').press('Enter');
    await page.waitForURL(/\/soeg\/\?q=frokost/);
    await settled(page);
    expect((await resultPaths(page)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('without JavaScript the search page says how to browse instead', async () => {
    const page = await open('/soeg/?q=frokost', { javaScriptEnabled: false });
    expect(await page.locator('[data-search-fallback]').isVisible()).toBe(true);
    expect(await page.locator('[data-search-fallback] a[href="/katalog/"]').count()).toBe(1);
    await page.close();
  });
});

describe('catalogue and directory filters', () => {
  it('filter the catalogue in place, say how many are shown and keep the choice in the URL', async () => {
    const page = await open('/katalog/');
    const all = await page.locator('[data-filter-item]').count();
    const label = page.locator('.list-filter label:has(input[value="Genbrug, reparation eller upcycling"])');
    const expected = Number(/\((\d+)\)/.exec((await label.textContent()) ?? '')?.[1]);
    await label.locator('input').check();
    expect(await page.locator('[data-filter-item]:visible').count()).toBe(expected);
    expect(await page.locator('[data-list-filter-status]').textContent()).toBe(`Viser ${expected} af ${all}`);
    expect(new URL(page.url()).searchParams.get('cirkulaer')).toBe('Genbrug, reparation eller upcycling');
    await page.reload();
    expect(await page.locator('[data-filter-item]:visible').count()).toBe(expected);
    await page.close();
  });

  it('combine facets: OR within a facet, AND across facets', async () => {
    const page = await open(`/virksomheder/?virksomhedstype=${encodeURIComponent('Privat virksomhed')}&ordning=Fleksjob`);
    const visible = page.locator('[data-filter-item]:visible');
    const n = await visible.count();
    expect(n).toBeGreaterThan(0);
    for (const attrs of await visible.evaluateAll((items) => items.map((i) => [(i as HTMLElement).dataset['fVirksomhedstype'], (i as HTMLElement).dataset['fOrdning']]))) {
      expect(attrs[0]).toBe('Privat virksomhed');
      expect(attrs[1]).toMatch(/Fleksjob/);
    }
    await page.close();
  });

  it('without JavaScript the filter is hidden and the whole list is shown', async () => {
    const page = await open('/katalog/?cirkulaer=x', { javaScriptEnabled: false });
    expect(await page.locator('[data-list-filter]').isVisible()).toBe(false);
    expect(await page.locator('[data-filter-item]:visible').count()).toBe(31);
    await page.close();
  });
});
