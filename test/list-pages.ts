/**
 * Reading a paginated list in the built site (issue 12): every page from the first, by following
 * its "Næste side" link, and the rules every such list keeps whatever the content.
 */
import { load, type CheerioAPI } from 'cheerio';
import { t } from '../src/lib/i18n/da.ts';
import { listPageUrl } from '../src/lib/urls.ts';
import { distDir, readDist } from './dist.ts';

/** No list page may pass this many bytes of HTML (issue 12). */
export const LIST_PAGE_MAX_BYTES = 100_000;

export interface ListPage {
  route: string;
  $: CheerioAPI;
  bytes: number;
}

/** Every page of the list whose first page is `list`, in order, following rel="next" links. */
export async function listPages(list: string, dist = distDir): Promise<ListPage[]> {
  const pages: ListPage[] = [];
  for (let route: string | undefined = list; route;) {
    if (pages.some((p) => p.route === route)) throw new Error(`${route}: næste side peger tilbage`);
    const html = await readDist(route, dist);
    const $ = load(html);
    pages.push({ route, $, bytes: Buffer.byteLength(html) });
    route = $('nav.pagination a[rel="next"]').attr('href');
  }
  return pages;
}

/** The hrefs of the items on each page, page by page. */
export const itemsOf = (pages: ListPage[], selector: string): string[][] =>
  pages.map(({ $ }) =>
    $(selector)
      .map((_, a) => $(a).attr('href'))
      .get(),
  );

/**
 * What is wrong with a paginated list: page n is at its URL and says "Side n af N", links back to
 * n − 1 and on to n + 1 (and the last links nowhere on); no page is empty unless the list is, no
 * page passes 100 KB, and a list of one page shows no page navigation.
 */
export function paginationProblems(list: string, pages: ListPage[], selector: string): string[] {
  const problems: string[] = [];
  const items = itemsOf(pages, selector);
  pages.forEach(({ route, $, bytes }, i) => {
    const n = i + 1;
    if (route !== listPageUrl(list, n)) problems.push(`${route}: side ${n} skulle være ${listPageUrl(list, n)}`);
    if (bytes > LIST_PAGE_MAX_BYTES) problems.push(`${route}: ${bytes} bytes HTML`);
    if (pages.length > 1 && items[i]!.length === 0) problems.push(`${route}: tom side`);
    const nav = $('nav.pagination');
    if (pages.length === 1) {
      if (nav.length > 0) problems.push(`${route}: sidenavigation på en liste af én side`);
      return;
    }
    if (nav.find('.pagination__status').text().trim() !== t.pagination.status(n, pages.length))
      problems.push(`${route}: mangler "${t.pagination.status(n, pages.length)}"`);
    const prev = nav.find('a[rel="prev"]').attr('href');
    if (prev !== (n > 1 ? listPageUrl(list, n - 1) : undefined)) problems.push(`${route}: forrige side er ${prev}`);
    if (nav.find('a[aria-current="page"]').attr('href') !== route) problems.push(`${route}: markerer ikke sig selv`);
  });
  return problems;
}
