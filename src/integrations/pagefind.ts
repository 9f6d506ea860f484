/**
 * Builds the Pagefind search index from the finished site on `astro:build:done`, through
 * Pagefind's Node API (no copying into `public/`). Only elements marked `data-pagefind-body`
 * are indexed, so drafts, withdrawn stories and redirect pages — which have none — never are.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** The pages in the written index, as Pagefind's own entry file counts them (every language). */
async function indexedPages(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(`${bundleDir}/pagefind-entry.json`, 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'da' });
        if (!index) throw new Error(`Pagefind kunne ikke starte: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
          if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
          // `page_count` is every HTML file Pagefind read; the index holds those with the marker.
          const indexed = await indexedPages(`${outDir}/pagefind`);
          logger.info(`Søgeindeks: ${indexed} sider indekseret (${added.page_count} HTML-sider læst)`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
