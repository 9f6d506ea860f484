/**
 * Long lists split into pages (issue 12: a national edition has thousands of entries, and no list
 * page may pass ~100 KB of HTML). Astro's `paginate()` cuts the pages; this gives them the site's
 * URLs instead of Astro's `/<list>/2/`: page 1 keeps the list's own URL, later pages are
 * `<list>side/<n>/` (src/lib/urls.ts).
 */
import type { Page, PaginateFunction } from 'astro';
import { t } from '../i18n/da.ts';
import { listPageParam, listPageUrl } from '../urls.ts';

/**
 * Entries per list page: within the list templates' budgets in test/budgets.json at the sample's
 * card sizes (the story list's lazy photos included), and far under ~100 KB of HTML at 10,000
 * generated entries (issue 12): the largest catalogue page 64 KB, category and town pages 47 KB,
 * directory 38 KB, story list 27 KB.
 */
export const LIST_PAGE_SIZE = { stories: 24, offerings: 40, companies: 60 } as const;

/**
 * A scheme's page lists its companies 60 a page like the directory, and under them on its first
 * page the newest stories about them, at most this many: the stories are examples beside the
 * scheme's text, and every story is also on its companies' pages and in the story list.
 */
export const SCHEME_STORY_LIMIT = 24;

/** The URL of every page of a list, page 1 first. */
export const listPageUrls = (list: string, page: Pick<Page, 'lastPage'>): string[] =>
  Array.from({ length: page.lastPage }, (_, i) => listPageUrl(list, i + 1));

/**
 * `getStaticPaths` for a paginated list route named `[...page].astro`, whose first page is at
 * `list`: Astro's pages with the site's URLs in `params.page` and `page.url`. An empty list still
 * has its one (empty) page, so the list's URL always answers.
 */
export function listPaths<T, Props extends Record<string, unknown>, Params extends Record<string, string>>(
  paginate: PaginateFunction,
  items: readonly T[],
  options: { list: string; pageSize: number; params?: Params; props?: Props },
) {
  const { list, pageSize } = options;
  return paginate(items, {
    pageSize,
    params: options.params ?? ({} as Params),
    props: options.props ?? ({} as Props),
  }).map((path) => {
    const { currentPage: n, lastPage } = path.props.page;
    const url = (k: number) => listPageUrl(list, k);
    const page: Page<T> = {
      ...path.props.page,
      url: {
        current: url(n),
        prev: n > 1 ? url(n - 1) : undefined,
        next: n < lastPage ? url(n + 1) : undefined,
        first: n > 1 ? url(1) : undefined,
        last: n < lastPage ? url(lastPage) : undefined,
      },
    };
    return { params: { ...path.params, page: listPageParam(n) }, props: { ...path.props, page } };
  });
}

/**
 * The breadcrumbs of a list page: on page 2 and on, the list itself becomes a link to its first
 * page and "Side n" is the current page.
 */
export function listCrumbs(
  trail: { label: string; href?: string }[],
  page: Pick<Page, 'currentPage' | 'url'>,
): { label: string; href?: string }[] {
  const last = trail.at(-1);
  if (page.currentPage <= 1 || !last || !page.url.first) return trail;
  return [
    ...trail.slice(0, -1),
    { label: last.label, href: page.url.first },
    { label: t.pagination.page(page.currentPage) },
  ];
}
