/**
 * What the sitemap needs beyond the list of built pages: which pages to leave out, and when
 * each page last changed. Plain Node (no `astro:*` modules), because it runs in an integration
 * after the build, where content collections are no longer loaded.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readGitDates } from './content/git-dates.ts';
import { parseMarkdown } from './validation/read.ts';
import { COLLECTIONS, CONTENT_DIR } from '../schemas/index.ts';
import { ROUTE_PREFIX, entryUrl, type RoutedCollection } from './urls.ts';

/** The HTML file a page URL is served from in `outDir`, or undefined for anything else (feeds, images). */
export function htmlFileFor(outDir: string, url: string): string | undefined {
  const { pathname } = new URL(url);
  const file = pathname.endsWith('/')
    ? path.join(outDir, pathname, 'index.html')
    : path.join(outDir, `${pathname}.html`);
  return existsSync(file) ? file : undefined;
}

/** Does the page ask search engines to leave it out (`<meta name="robots" content="noindex">`)? */
export function isNoindex(html: string): boolean {
  return (html.match(/<meta\b[^>]*>/gi) ?? []).some(
    (tag) => /\bname=["']?robots\b/i.test(tag) && /\bcontent=["'][^"']*noindex/i.test(tag),
  );
}

/**
 * A page belongs in the sitemap when it was built as HTML and may be indexed. That leaves out
 * redirect pages (old slugs, `/was`), withdrawn stories and the 404 page, which all say noindex.
 */
export const belongsInSitemap = (outDir: string, url: string): boolean => {
  const file = htmlFileFor(outDir, url);
  return file !== undefined && !isNoindex(readFileSync(file, 'utf8'));
};

/** A story's own `updated`/`published`, for files git does not know yet. */
function frontmatterDate(file: string): { date: Date | undefined; draft: boolean } {
  const parsed = parseMarkdown(
    readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n'),
  );
  if (!parsed.ok) return { date: undefined, draft: false };
  const data = parsed.value.data as { updated?: unknown; published?: unknown; draft?: unknown };
  const day = [data.updated, data.published].find(
    (d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d),
  );
  return { date: day ? new Date(`${day}T00:00:00Z`) : undefined, draft: data.draft === true };
}

/**
 * When each page last changed, by absolute URL: an entry's page from the last commit that touched
 * its file (as "Sidst opdateret" on the page), a collection's list page from its newest entry.
 * Pages without a file of their own (front page, search) get no date rather than a guessed one.
 */
export function lastModifiedByUrl(root: string, siteUrl: string): Map<string, Date> {
  const gitDates = readGitDates(root, CONTENT_DIR);
  const dates = new Map<string, Date>();
  const absolute = (p: string) => new URL(p, siteUrl).href;
  for (const [collection, definition] of Object.entries(COLLECTIONS)) {
    if (definition.type !== 'folder' || !(collection in ROUTE_PREFIX)) continue;
    const routed = collection as RoutedCollection;
    const folder = path.join(root, CONTENT_DIR, definition.folder);
    if (!existsSync(folder)) continue;
    let newest: Date | undefined;
    for (const name of readdirSync(folder)) {
      const match = /^(.+)\.mdx?$/.exec(name);
      if (!match?.[1]) continue;
      const relative = [CONTENT_DIR, definition.folder, name].join('/');
      const own = frontmatterDate(path.join(folder, name));
      if (own.draft) continue;
      const date = gitDates.get(relative) ?? own.date;
      if (!date) continue;
      dates.set(absolute(entryUrl(routed, match[1])), date);
      if (!newest || date > newest) newest = date;
    }
    // Free pages sit at the root, whose "list page" is the front page: no date for it from them.
    if (newest && routed !== 'pages') dates.set(absolute(ROUTE_PREFIX[routed]), newest);
  }
  return dates;
}
