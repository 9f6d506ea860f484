/** Search figures for the benchmarks: the size of Pagefind's index and what a first query downloads. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { launch } from '../../test/browser.ts';
import { serve } from '../../test/serve.ts';

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { bytes, files };
}

/** Bytes under /pagefind/ a fresh visitor downloads to see the results of one query. */
export async function firstQueryBytes(
  dist: string,
  query: string,
): Promise<{ bytes: number; requests: number; results: string }> {
  const server = await serve(dist);
  const browser = await launch();
  const page = await browser.newPage();
  let bytes = 0;
  let requests = 0;
  page.on('response', async (response) => {
    if (!new URL(response.url()).pathname.startsWith('/pagefind/')) return;
    requests++;
    bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
  });
  await page.goto(`${server.origin}/soeg/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() =>
    /resultat|Ingen/.test(document.querySelector('[data-search-status]')?.textContent ?? ''),
  );
  await page.waitForLoadState('networkidle');
  const results = (await page.locator('[data-search-status]').textContent()) ?? '';
  await browser.close();
  await server.close();
  return { bytes, requests, results };
}

/** Prints the index's size and files, and what three first queries cost. */
export async function searchFigures(
  label: string,
  dist: string,
  queries = ['frokost', 'genbrug af møbler', 'fleksjob'],
): Promise<void> {
  const index = await folderSize(path.join(dist, 'pagefind'));
  const fragments = (await readdir(path.join(dist, 'pagefind', 'fragment'))).length;
  console.log(`\n${label}: ${fragments} sider i indekset; indeks ${kb(index.bytes)} i ${index.files} filer`);
  for (const query of queries) {
    const first = await firstQueryBytes(dist, query);
    console.log(`  første søgning "${query}": ${kb(first.bytes)} i ${first.requests} filer (${first.results})`);
  }
}
