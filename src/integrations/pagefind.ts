/**
 * Builds the Pagefind search index from the finished site on `astro:build:done`, through
 * Pagefind's Node API (no copying into `public/`). Only elements marked `data-pagefind-body`
 * are indexed, so drafts, withdrawn stories and redirect pages — which have none — never are.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

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
          logger.info(`Søgeindeks: ${added.page_count} sider indekseret`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
