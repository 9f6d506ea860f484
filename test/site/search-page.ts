/** The search page in Chromium, as the search tests open and read it. */
import type { Browser, Page } from 'playwright-core';
import type { Served } from '../serve.ts';

export interface SearchPage {
  /** Opens a route of the served site in a new tab (1280 px wide). */
  open(route: string, options?: { javaScriptEnabled?: boolean }): Promise<Page>;
  /** The result paths `/soeg/?q=…` shows for a query, once it has settled. */
  search(query: string): Promise<string[]>;
}

/** Waits until the search page has said how many results there are. */
export const settled = (page: Page) =>
  page.waitForFunction(() => /resultat|Ingen/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));

/**
 * Waits until the facets under "Afgræns søgningen" are drawn and counted: they are loaded when the
 * disclosure is opened (or the URL has facets), not with the first search.
 */
export const facetsCounted = (page: Page) =>
  page.waitForFunction(() => {
    const counts = [...document.querySelectorAll('.search-facets .facet-count')];
    return counts.length > 0 && counts.every((c) => /^\(\d+\)$/.test(c.textContent ?? ''));
  });

/** The paths of the results on the page, in order. */
export const resultPaths = (page: Page) =>
  page.locator('.search-result h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));

export function searchPage(site: { server: Served; browser: Browser }): SearchPage {
  const open: SearchPage['open'] = async (route, options = {}) => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
    await page.goto(`${site.server.origin}${route}`);
    return page;
  };
  return {
    open,
    async search(query) {
      const page = await open(`/soeg/?q=${encodeURIComponent(query)}`);
      await settled(page);
      const paths = await resultPaths(page);
      await page.close();
      return paths;
    },
  };
}
