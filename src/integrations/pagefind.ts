/**
 * Builds the Pagefind search index from the finished site on `astro:build:done`, through
 * Pagefind's Node API (no copying into `public/`). Only elements marked `data-pagefind-body`
 * are indexed, so drafts, withdrawn stories and redirect pages — which have none — never are.
 * When the indexed pages are byte for byte those of the last build, the index kept in Astro's
 * cache folder is copied instead (`lib/search-index-cache.ts`).
 */
import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { restoreSearchIndex, saveSearchIndex, searchIndexKey } from '../lib/search-index-cache.ts';

/** The options every index is made with (part of the cache key). */
const OPTIONS = { forceLanguage: 'da' } as const;

/** Pagefind's version, from its package.json where Node looks for the package (part of the cache key). */
function pagefindVersion(): string {
  for (const dir of createRequire(import.meta.url).resolve.paths('pagefind') ?? []) {
    try {
      return (JSON.parse(readFileSync(path.join(dir, 'pagefind', 'package.json'), 'utf8')) as { version: string })
        .version;
    } catch {
      // Not in this folder: the next one up.
    }
  }
  return 'ukendt';
}

/** The pages in the written index, as Pagefind's own entry file counts them (every language). */
async function indexedPages(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(`${bundleDir}/pagefind-entry.json`, 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

export default function pagefindIndex(): AstroIntegration {
  let cacheDir = '';
  let lockfile = '';
  return {
    name: 'pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        lockfile = fileURLToPath(new URL('package-lock.json', config.root));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const outputPath = `${outDir}/pagefind`;
        const key = await searchIndexKey(outDir, { ...OPTIONS, pagefind: pagefindVersion() }, lockfile);
        const restored = await restoreSearchIndex(cacheDir, key, outputPath);
        if (restored !== undefined) {
          logger.info(`Søgeindeks: hentet fra cachen, ingen indekseret side er ændret; ${restored}`);
          return;
        }
        // A new folder, never the kept files' links (see search-index-cache.ts).
        await rm(outputPath, { recursive: true, force: true });
        const { index, errors } = await pagefind.createIndex(OPTIONS);
        if (!index) throw new Error(`Pagefind kunne ikke starte: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
          // `page_count` is every HTML file Pagefind read; the index holds those with the marker.
          const summary = `${await indexedPages(outputPath)} sider indekseret`;
          logger.info(`Søgeindeks: ${summary} (${added.page_count} HTML-sider læst)`);
          await saveSearchIndex(cacheDir, key, outputPath, summary);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
