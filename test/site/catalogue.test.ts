/**
 * The catalogue as a procurement officer uses it on a phone: "Leverer til" filters on where an
 * offering is delivered (a whole-municipality offering is found under every town), the list
 * comes before the filters, and search results say what each hit is. Every expectation is
 * derived from the content files and the site config, so it holds for any valid content.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/lib/i18n/da.ts';
import { PAGES, categoryUrl, deliveryTownUrl, entryUrl } from '../../src/lib/urls.ts';
import { site as config } from '../../src/site.config.ts';
import { siteInBrowser } from '../browser.ts';
import { existsInDist, page } from '../dist.ts';
import { itemsOf, listPages, paginationProblems } from '../list-pages.ts';
import { siteContent, type SiteContent } from './content.ts';
import { searchPage, settled } from './search-page.ts';

const site = siteInBrowser();
const { open } = searchPage(site);
let content: SiteContent;
beforeAll(async () => {
  content = await siteContent();
});

interface DeliversTo {
  municipality?: boolean;
  towns?: string[];
}
const deliversTo = (o: SiteContent['offerings'][number]) => o.data['deliversTo'] as DeliversTo | undefined;
/** The towns an offering is delivered to, by the rule the issue states. */
const expectedTowns = (o: SiteContent['offerings'][number]): string[] => {
  const d = deliversTo(o);
  if (d?.municipality) return config.towns;
  if (d?.towns) return d.towns;
  const company = content.companies.find((c) => c.id === o.company);
  return [(company?.data['address'] as { city: string }).city];
};
const wholeMunicipality = () =>
  content.offerings.filter((o) => deliversTo(o)?.municipality).map((o) => entryUrl('offerings', o.id));
const sorted = (list: string[]) => [...list].sort();

describe('"Leverer til" without JavaScript (the list as built)', () => {
  it('each catalogue item carries the towns it is delivered to: every town for the whole municipality', async () => {
    const items = (await listPages(PAGES.catalogue)).flatMap(({ $ }) =>
      $('main [data-filter-item]')
        .toArray()
        .map((li) => ({
          href: $(li).find('.card__title a').attr('href') ?? '',
          towns: ($(li).attr('data-f-leverer') ?? '').split('|').filter(Boolean),
        })),
    );
    expect(items).toHaveLength(content.offerings.length);
    for (const o of content.offerings) {
      const item = items.find((i) => i.href === entryUrl('offerings', o.id));
      expect(sorted(item?.towns ?? []), o.id).toEqual(sorted(expectedTowns(o)));
    }
    // For every town of the site config, choosing it keeps every whole-municipality offering.
    for (const town of config.towns) {
      const under = items.filter((i) => i.towns.includes(town)).map((i) => i.href);
      expect(
        wholeMunicipality().filter((href) => !under.includes(href)),
        town,
      ).toEqual([]);
    }
  });

  it('the facet is labelled "Leverer til" and offers every town something is delivered to', async () => {
    const $ = await page('/katalog/');
    // A catalogue of several pages has no checkboxes (ListFilter.astro); the town pages stand in.
    if ((await listPages(PAGES.catalogue)).length > 1) return expect($('input[type="checkbox"]')).toHaveLength(0);
    const towns = new Set(content.offerings.flatMap(expectedTowns));
    const values = $('input[name="leverer"]')
      .toArray()
      .map((i) => $(i).attr('value') ?? '');
    if (towns.size > 1) {
      expect($('input[name="leverer"]').closest('fieldset').find('legend').text()).toBe(t.facets.leverer);
      expect(sorted(values)).toEqual(sorted([...towns]));
    }
    // The supplier's town is not a facet of the catalogue: it would hide who delivers.
    expect($('input[name="by"]').length).toBe(0);
  });
});

describe('"Leverer til" pages, the town filter without JavaScript', () => {
  const danish = (a: string, b: string) => a.localeCompare(b, 'da');

  it('every town something is delivered to has its pages, listing exactly those offerings in title order', async () => {
    for (const town of config.towns) {
      const expected = content.offerings
        .filter((o) => expectedTowns(o).includes(town))
        .sort((a, b) => danish(a.title, b.title))
        .map((o) => entryUrl('offerings', o.id));
      const url = deliveryTownUrl(town);
      if (expected.length === 0) {
        expect(await existsInDist(url), town).toBe(false);
        continue;
      }
      const pages = await listPages(url);
      expect(paginationProblems(url, pages, 'main .card__title a'), town).toEqual([]);
      expect(itemsOf(pages, 'main .card__title a').flat(), town).toEqual(expected);
      expect(pages[0]!.$('h1').text(), town).toBe(t.catalogue.townTitle(town));
    }
  });

  it('the catalogue links each town page, with its count, inside the filter control', async () => {
    const $ = await page(PAGES.catalogue);
    for (const town of config.towns) {
      const count = content.offerings.filter((o) => expectedTowns(o).includes(town)).length;
      const link = $(`.list-filter a[href="${deliveryTownUrl(town)}"]`);
      expect(link.length, town).toBe(count > 0 ? 1 : 0);
      if (count > 0) expect(link.text().replace(/\s+/g, ' ').trim(), town).toBe(`${town} (${count})`);
    }
  });
});

describe('"Leverer til" in the browser', () => {
  it('for every town, the filtered list is exactly what is delivered there, whole-municipality offerings included', async () => {
    // On a catalogue of several pages the checkboxes are not offered (the test above covers the town pages).
    if ((await listPages(PAGES.catalogue)).length > 1) return;
    const tab = await open('/katalog/');
    for (const town of config.towns) {
      await tab.goto(`${new URL(tab.url()).origin}/katalog/?leverer=${encodeURIComponent(town)}`);
      const shown = await tab
        .locator('[data-filter-item]:visible .card__title a')
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
      const expected = content.offerings
        .filter((o) => expectedTowns(o).includes(town))
        .map((o) => entryUrl('offerings', o.id));
      expect(sorted(shown), town).toEqual(sorted(expected));
      expect(
        wholeMunicipality().filter((href) => !shown.includes(href)),
        town,
      ).toEqual([]);
    }
    await tab.close();
  });
});

describe('the catalogue on a phone', () => {
  for (const width of [320, 390]) {
    it(`${width} × 844: the first entry is on the first screen, no sideways scroll, and "Filtrér (n)" counts the choices`, async () => {
      const tab = await site.browser.newPage({ viewport: { width, height: 844 } });
      await tab.goto(`${site.server.origin}/katalog/`);
      const first = await tab.locator('main [data-filter-item]').first().boundingBox();
      expect(first, 'the first entry').not.toBeNull();
      expect(first!.y).toBeLessThan(844);
      expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const summary = tab.locator('details.list-filter > summary');
      // A catalogue of several pages has no checkboxes to count (ListFilter.astro).
      if ((await tab.locator('form[data-list-filter]').count()) === 0) {
        expect(await summary.textContent()).toBe(t.filters.narrow);
        return tab.close();
      }
      expect(await summary.textContent()).toBe(t.filters.toggle(0));
      // Closed on a phone: the checkboxes are behind the control.
      expect(await tab.locator('.list-filter input[type="checkbox"]').first().isVisible()).toBe(false);
      await summary.click();
      const boxes = tab.locator('.list-filter input[type="checkbox"]');
      const count = Math.min(await boxes.count(), 2);
      for (let i = 0; i < count; i++) {
        await boxes.nth(i).check();
        expect(await summary.textContent()).toBe(t.filters.toggle(i + 1));
      }
      await boxes.first().uncheck();
      expect(await summary.textContent()).toBe(t.filters.toggle(count - 1));
      await tab.close();
    });
  }

  it('a category page shows its first offering on the first screen at 320 px', async () => {
    const used = content.categories.filter((c) => content.offerings.some((o) => o.category === c.id));
    const tab = await site.browser.newPage({ viewport: { width: 320, height: 844 } });
    for (const category of used) {
      await tab.goto(`${site.server.origin}${categoryUrl(category.id)}`);
      const first = await tab.locator('main .card').first().boundingBox();
      expect(first?.y, category.id).toBeLessThan(844);
    }
    await tab.close();
  });
});

describe('search results', () => {
  it('each hit says what it is, by the kind of page it leads to', async () => {
    const kinds: [string, string][] = [
      ['/katalog/', t.facetValues.types.offerings],
      ['/virksomheder/', t.facetValues.types.companies],
      ['/historier/', t.facetValues.types.stories],
    ];
    const queries = [content.offerings[0]?.title, content.companies[0]?.name].filter((q): q is string => !!q);
    for (const query of queries) {
      const tab = await open(`/soeg/?q=${encodeURIComponent(query)}`);
      await settled(tab);
      const hits = await tab.locator('.search-result').evaluateAll((items) =>
        items.map((i) => ({
          path: i.querySelector('h2 a')?.getAttribute('href') ?? '',
          type: i.querySelector('.search-result__type')?.textContent ?? '',
        })),
      );
      expect(hits.length, query).toBeGreaterThan(0);
      for (const hit of hits) {
        expect(Object.values(t.facetValues.types), hit.path).toContain(hit.type);
        const kind = kinds.find(([prefix]) => new URL(hit.path, 'https://x').pathname.startsWith(prefix));
        if (kind && !/^\/katalog\/(kategori|print)\//.test(new URL(hit.path, 'https://x').pathname))
          expect(hit.type, hit.path).toBe(kind[1]);
      }
      await tab.close();
    }
  });
});
