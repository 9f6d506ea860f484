/**
 * What the search index holds, asked through Pagefind in Chromium: every published entry, found
 * by its name, and nothing hidden. (The search page and the list filters as people use them are
 * search.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { entryUrl } from '../../src/lib/urls.ts';
import { siteInBrowser } from '../browser.ts';
import { siteContent, type SiteContent } from './content.ts';
import { searchPage } from './search-page.ts';

const site = siteInBrowser();
let content: SiteContent;
beforeAll(async () => {
  content = await siteContent();
});

const { open, search } = searchPage(site);

describe('search finds what people ask for', () => {
  it('a company’s name or an offering’s title finds its page among the first five results, for every one', async () => {
    // Through Pagefind's own API in one page: the same index and ranking the search page uses.
    const page = await open('/soeg/');
    const queries = [
      ...content.companies.map((c) => [c.name, entryUrl('companies', c.id)]),
      ...content.offerings.map((o) => [o.title, entryUrl('offerings', o.id)]),
    ];
    expect(queries.length).toBeGreaterThan(0);
    const found = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const top = async (q) => Promise.all((await pagefind.search(q)).results.slice(0, 5).map(async (r) => (await r.data()).url));
      return Promise.all(${JSON.stringify(queries.map(([q]) => q))}.map(top));
    })()`)) as string[][];
    await page.close();
    const misses = queries
      .filter(([, url], i) => !found[i]?.includes(url ?? ''))
      .map(([q], i) => `${q}: ${found[i]?.join(', ')}`);
    expect(misses).toEqual([]);
  });

  it('the index holds every published entry page, and no redirect, withdrawn story, draft or list page', async () => {
    const page = await open('/soeg/');
    // A string, so the test runner does not rewrite the browser's own import().
    const urls = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const types = Object.keys((await pagefind.filters()).type ?? {});
      const found = await pagefind.search(null, { filters: { type: { any: types } } });
      return Promise.all(found.results.map(async (r) => (await r.data()).url));
    })()`)) as string[];
    await page.close();
    const expected = [
      ...content.companies.map((e) => entryUrl('companies', e.id)),
      ...content.offerings.map((e) => entryUrl('offerings', e.id)),
      ...content.published.map((e) => entryUrl('stories', e.id)),
      ...content.partnerships.map((e) => entryUrl('partnerships', e.id)),
      ...content.schemes.map((e) => entryUrl('schemes', e.id)),
    ];
    expect(expected.filter((url) => !urls.includes(url))).toEqual([]);
    const forbidden = [
      ...content.hidden.map((s) => entryUrl('stories', s.id)),
      ...content.redirects.map((r) => r.from),
      '/soeg/',
      '/katalog/',
      '/virksomheder/',
      '/',
    ];
    expect(urls.filter((url) => forbidden.includes(url))).toEqual([]);
  });

  it('a hidden story is never found, not even by its title or the names of its people', async () => {
    const consented = new Set(content.published.flatMap((s) => s.people));
    for (const story of content.hidden) {
      for (const query of [story.title, ...story.people.filter((p) => !consented.has(p))]) {
        expect(await search(query), query).not.toContain(entryUrl('stories', story.id));
      }
    }
  });
});
