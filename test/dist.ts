/** Reading the built site in tests: pages as cheerio documents, and the list of all pages. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { projectRoot } from './helpers.ts';

export const distDir = path.join(projectRoot, 'dist');

/** The page at a URL path such as `/katalog/`, parsed. */
export async function page(urlPath: string, dist = distDir): Promise<CheerioAPI> {
  const file = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  return load(await readFile(path.join(dist, file), 'utf8'));
}

/** Every HTML page's URL path, e.g. `/`, `/katalog/`, `/404.html`. */
export async function allPages(dist = distDir): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true });
  return entries
    .filter((f) => f.endsWith('.html') && !f.startsWith('_astro'))
    .map((f) => `/${f.split(path.sep).join('/')}`.replace(/index\.html$/, ''))
    .sort();
}

/** Is the page a static redirect (old slug, `/was`)? */
export const isRedirect = ($: CheerioAPI): boolean => $('meta[http-equiv="refresh"]').length > 0;
