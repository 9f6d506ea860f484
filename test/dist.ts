/** Reading the built site in tests: pages as cheerio documents, and the list of all pages. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { ADMIN, PAGES } from '../src/lib/urls.ts';
import { editedSiteRoot, projectRoot } from './helpers.ts';

/**
 * The site the `site` tests read: the project itself, or in the `site-edited` project a copy of
 * its content that an editor has changed (see test/site-edited/setup.ts).
 */
export const siteRoot = process.env['TEST_SITE'] === 'site-edited' ? editedSiteRoot : projectRoot;
export const distDir = path.join(siteRoot, 'dist');

/** The page at a URL path such as `/katalog/`, parsed. */
export async function page(urlPath: string, dist = distDir): Promise<CheerioAPI> {
  const file = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  return load(await readFile(path.join(dist, file), 'utf8'));
}

/**
 * Every public HTML page's URL path, e.g. `/`, `/katalog/`, `/404.html`. The editors' `/admin/`
 * is not one (no visitor reaches it, it is the CMS's own application): test/site/admin.test.ts
 * checks it on its own terms.
 */
export async function allPages(dist = distDir): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true });
  return entries
    .filter((f) => f.endsWith('.html') && !f.startsWith('_astro'))
    .map((f) => `/${f.split(path.sep).join('/')}`.replace(/index\.html$/, ''))
    .filter((route) => route !== ADMIN.page)
    .sort();
}

/** Is the page a static redirect (old slug, `/was`)? */
export const isRedirect = ($: CheerioAPI): boolean => $('meta[http-equiv="refresh"]').length > 0;

/** The file in `dist/` behind a site path or absolute URL (`/og/default.jpg`, `https://…/katalog/`). */
export function distPath(urlOrPath: string, dist = distDir): string {
  const pathname = decodeURIComponent(new URL(urlOrPath, 'https://x.invalid').pathname);
  return path.join(dist, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
}

/** A built file as text, by site path. */
export const readDist = (urlPath: string, dist = distDir): Promise<string> => readFile(distPath(urlPath, dist), 'utf8');

/** Does the site serve this path or absolute URL (as a page or a file)? */
export const existsInDist = (urlOrPath: string, dist = distDir): Promise<boolean> =>
  readFile(distPath(urlOrPath, dist)).then(
    () => true,
    () => false,
  );

/** Every page a visitor reads: all HTML pages but the static redirects. */
export async function contentPages(dist = distDir): Promise<{ route: string; $: CheerioAPI }[]> {
  const pages = await Promise.all((await allPages(dist)).map(async (route) => ({ route, $: await page(route, dist) })));
  return pages.filter(({ $ }) => !isRedirect($));
}

/** Every JSON-LD block on a page, parsed. */
export const jsonLd = ($: CheerioAPI): Record<string, unknown>[] =>
  $('script[type="application/ld+json"]')
    .get()
    .map((s) => JSON.parse($(s).text()) as Record<string, unknown>);

/** Every file in `dist/` that machines read: feeds, calendars, open data, sitemaps, robots.txt. */
export async function machineFiles(dist = distDir): Promise<{ file: string; text: string }[]> {
  const files = (await readdir(dist, { recursive: true })).filter(
    (f) => /\.(xml|json|ics|csv|txt)$/.test(f) && !f.startsWith('_astro'),
  );
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(path.join(dist, file), 'utf8') })));
}

/** Every share card in `dist/og/`, as `historier/<slug>.jpg`. */
export const shareCards = async (dist = distDir): Promise<string[]> =>
  (await readdir(path.join(dist, 'og'), { recursive: true })).map(String);

/**
 * The fixed pages of the URL contract (product brief): every site has them, whatever its content.
 * Taken from `PAGES` in src/lib/urls.ts, the one place that names them; `/was` is built as a
 * redirect page at `/was/`, and every site has its `404.html`.
 */
export const FIXED_ROUTES: readonly string[] = [
  ...Object.values(PAGES).filter((route) => route !== PAGES.accessibility),
  `${PAGES.accessibility}/`,
  '/404.html',
];
