/**
 * The search page and the list filters as a procurement officer, a company owner and a citizen
 * use them, in Chromium against the built site with its real Pagefind index. (What the index
 * holds is search-index.test.ts.)
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { entryUrl } from '../../src/lib/urls.ts';
import { siteInBrowser } from '../browser.ts';
import { distDir } from '../dist.ts';
import { siteContent, type SiteContent } from './content.ts';
import { facetsCounted, resultPaths, searchPage, settled } from './search-page.ts';

const site = siteInBrowser();
let content: SiteContent;
/** A word that is on many pages of any site: the first word of the first category's name. */
let common = '';
beforeAll(async () => {
  content = await siteContent();
  common = (content.categories[0]?.name ?? content.companies[0]?.name ?? 'kommune').split(/\s+/)[0] ?? 'kommune';
});

const { open } = searchPage(site);

describe('facets', () => {
  it('narrow the results, and the counts by type add up to the total', async () => {
    const page = await open(`/soeg/?q=${encodeURIComponent(common)}`);
    await settled(page);
    const statusCount = async () =>
      Number(/(\d+) resultat/.exec((await page.locator('[data-search-status]').textContent()) ?? '')?.[1]);
    const total = await statusCount();
    await page.locator('.search-facets summary').click();
    await facetsCounted(page);
    const typeBoxes = page.locator('fieldset:has(legend:text("Indhold")) label');
    const counts = await typeBoxes.evaluateAll((labels) =>
      labels.map((l) => Number(/\((\d+)\)/.exec(l.textContent ?? '')?.[1] ?? 0)),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    const offeringLabel = page.locator('fieldset:has(legend:text("Indhold")) label:has-text("Vare eller ydelse")');
    const expected = Number(/\((\d+)\)/.exec((await offeringLabel.textContent()) ?? '')?.[1]);
    await offeringLabel.locator('input').check();
    await page.waitForFunction(
      (n) => document.querySelector('[data-search-status]')?.textContent?.startsWith(`${n} `),
      expected,
    );
    const narrowed = await resultPaths(page);
    expect(await statusCount()).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThanOrEqual(total);
    expect(narrowed.length).toBe(Math.min(expected, 10));
    expect(narrowed.filter((p) => !p.startsWith('/katalog/'))).toEqual([]);
    expect(new URL(page.url()).searchParams.getAll('type')).toEqual(['Vare eller ydelse']);
    await page.close();
  });

  it('a shared URL with query and filters opens with the same results and boxes checked', async () => {
    const page = await open(`/soeg/?q=${encodeURIComponent(common)}&type=${encodeURIComponent('Vare eller ydelse')}`);
    await settled(page);
    expect(await page.locator('input[name="type"][value="Vare eller ydelse"]').isChecked()).toBe(true);
    const paths = await resultPaths(page);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => !p.startsWith('/katalog/'))).toEqual([]);
    await page.close();
  });

  it('are not downloaded for a first search, only when "Afgræns søgningen" is opened', async () => {
    const page = await open('/404.html');
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${site.server.origin}/soeg/?q=${encodeURIComponent(common)}`);
    await settled(page);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
    expect(fetched.filter((p) => p.startsWith('/pagefind/filter/'))).toEqual([]);
    expect(await page.locator('.search-facets').isVisible()).toBe(true);
    await page.locator('.search-facets summary').click();
    await facetsCounted(page);
    expect(fetched.filter((p) => p.startsWith('/pagefind/filter/')).length).toBeGreaterThan(0);
    await page.close();
  });

  it('in the URL narrow the results without waiting for the checkboxes, which then show them chosen', async () => {
    const type = 'Vare eller ydelse';
    // Pagefind's file for the `type` facet (the one this search needs) is the one that names the value.
    const dir = path.join(distDir, 'pagefind', 'filter');
    const files = await readdir(dir);
    const own: string[] = [];
    for (const f of files) if (gunzipSync(await readFile(path.join(dir, f))).includes(type)) own.push(f);
    expect(own.length).toBe(1);
    const page = await open('/404.html');
    // Every other facet's file is held back until the results are on the page.
    const held: (() => Promise<void>)[] = [];
    await page.route('**/pagefind/filter/**', (route) =>
      route.request().url().endsWith(`/${own[0]}`) ? route.continue() : void held.push(() => route.continue()),
    );
    await page.goto(`${site.server.origin}/soeg/?q=${encodeURIComponent(common)}&type=${encodeURIComponent(type)}`);
    await settled(page);
    const paths = await resultPaths(page);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => !p.startsWith('/katalog/'))).toEqual([]);
    await expect.poll(() => held.length).toBe(files.length - 1);
    expect(await page.locator('.search-facets input[type="checkbox"]').count()).toBe(0);
    await Promise.all(held.map((go) => go()));
    await facetsCounted(page);
    expect(await page.locator(`input[name="type"][value="${type}"]`).isChecked()).toBe(true);
    await page.close();
  });

  it('work by keyboard alone, and the result count is announced in a live region', async () => {
    const page = await open(`/soeg/?q=${encodeURIComponent(common)}`);
    await settled(page);
    expect(await page.locator('[data-search-status]').getAttribute('role')).toBe('status');
    await page.locator('.search-facets summary').focus();
    await page.keyboard.press('Enter');
    // The checkboxes are drawn once opened (their files load on focus); a person tabs on when they show.
    await page.locator('.search-facets input[type="checkbox"]').first().waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    await page.close();
  });
});

describe('result pages', () => {
  it('show ten results first and the rest on "Vis flere resultater", moving focus to the first new one', async () => {
    const page = await open(`/soeg/?q=${encodeURIComponent(common)}`);
    await settled(page);
    const total = Number(/(\d+) resultat/.exec((await page.locator('[data-search-status]').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(0);
    expect(await page.locator('.search-result').count()).toBe(Math.min(total, 10));
    if (total > 10) {
      await page.locator('.search-more').click();
      await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 10);
      expect(
        await page.evaluate(
          () => document.activeElement?.closest('.search-result') === document.querySelectorAll('.search-result')[10],
        ),
      ).toBe(true);
    } else {
      expect(await page.locator('.search-more:visible').count()).toBe(0);
    }
    await page.close();
  });
});

describe('the header search', () => {
  it('opens /soeg/?q= with results from the front page, a list, an entry page and the 404 page', async () => {
    const entry = content.published[0]
      ? entryUrl('stories', content.published[0].id)
      : entryUrl('companies', content.companies[0]?.id ?? '');
    for (const route of ['/', '/katalog/', entry, '/404.html']) {
      const page = await open(route);
      await page.locator('header input[name="q"]').fill(common);
      await page.locator('header input[name="q"]').press('Enter');
      await page.waitForURL((url) => url.pathname === '/soeg/' && url.searchParams.get('q') === common);
      await settled(page);
      expect((await resultPaths(page)).length, route).toBeGreaterThan(0);
      await page.close();
    }
  });

  it('without JavaScript the search page says how to browse instead', async () => {
    const page = await open(`/soeg/?q=${encodeURIComponent(common)}`, { javaScriptEnabled: false });
    expect(await page.locator('[data-search-fallback]').isVisible()).toBe(true);
    expect(await page.locator('[data-search-fallback] a[href="/katalog/"]').count()).toBe(1);
    await page.close();
  });
});

describe('catalogue and directory filters', () => {
  /** The category checkboxes' values are the category names; what the files say is in each. */
  const inCategories = (names: string[]) => {
    const ids = content.categories.filter((c) => names.includes(c.name)).map((c) => c.id);
    return content.offerings.filter((o) => ids.includes(o.category)).length;
  };

  it('filter the catalogue in place, say how many are shown and keep the choice in the URL', async () => {
    const page = await open('/katalog/');
    const all = await page.locator('[data-filter-item]').count();
    expect(all).toBe(content.offerings.length);
    const box = page.locator('.list-filter input[name="kategori"]').first();
    const value = (await box.getAttribute('value')) ?? '';
    const expected = inCategories([value]);
    expect(expected).toBeGreaterThan(0);
    await box.check();
    expect(await page.locator('[data-filter-item]:visible').count()).toBe(expected);
    expect(await page.locator('[data-list-filter-status]').textContent()).toBe(`Viser ${expected} af ${all}`);
    expect(new URL(page.url()).searchParams.get('kategori')).toBe(value);
    await page.reload();
    expect(await page.locator('[data-filter-item]:visible').count()).toBe(expected);
    await page.close();
  });

  it('combine facets: OR within a facet (two categories show both), AND across facets', async () => {
    const page = await open('/katalog/');
    const values = await page
      .locator('.list-filter input[name="kategori"]')
      .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    const [first, second] = values;
    if (first === undefined || second === undefined) {
      // One category only: OR within it is the category itself.
      expect(values.length).toBe(new Set(content.offerings.map((o) => o.category)).size);
      await page.close();
      return;
    }
    await page.locator(`.list-filter input[name="kategori"][value="${first}"]`).check();
    await page.locator(`.list-filter input[name="kategori"][value="${second}"]`).check();
    const either = inCategories([first, second]);
    expect(either).toBeGreaterThan(inCategories([first]));
    expect(await page.locator('[data-filter-item]:visible').count()).toBe(either);
    // AND across: add the first audience; every item shown has one of the categories and that audience.
    const audience = page.locator('.list-filter input[name="maalgruppe"]').first();
    const wanted = (await audience.getAttribute('value')) ?? '';
    await audience.check();
    const shown = await page
      .locator('[data-filter-item]:visible')
      .evaluateAll((items) =>
        items.map((i) => [
          (i as HTMLElement).dataset['fKategori'] ?? '',
          (i as HTMLElement).dataset['fMaalgruppe'] ?? '',
        ]),
      );
    for (const [category, audiences] of shown) {
      expect([first, second]).toContain(category);
      expect(audiences?.split('|')).toContain(wanted);
    }
    const hidden = await page
      .locator('[data-filter-item]:not(:visible)')
      .evaluateAll((items) =>
        items.map((i) => [
          (i as HTMLElement).dataset['fKategori'] ?? '',
          (i as HTMLElement).dataset['fMaalgruppe'] ?? '',
        ]),
      );
    for (const [category, audiences] of hidden)
      expect([first, second].includes(category ?? '') && (audiences ?? '').split('|').includes(wanted)).toBe(false);
    await page.close();
  });

  it('without JavaScript the filter is hidden and the whole list is shown', async () => {
    for (const [list, count] of [
      ['/katalog/?kategori=x', content.offerings.length],
      ['/virksomheder/?by=x', content.companies.length],
    ] as const) {
      const page = await open(list, { javaScriptEnabled: false });
      expect(await page.locator('[data-list-filter]').isVisible()).toBe(false);
      expect(await page.locator('[data-filter-item]:visible').count(), list).toBe(count);
      await page.close();
    }
  });
});
