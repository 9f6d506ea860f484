/**
 * `/sitemap-index.xml` with @astrojs/sitemap, plus what it cannot know by itself: it leaves out
 * every page that says noindex (redirects, withdrawn stories, 404, `/was`) and gives each entry's
 * page a `lastmod` from git. Both are worked out after the build, from `dist/` and the content folder.
 */
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { belongsInSitemap, lastModifiedByUrl } from '../lib/sitemap.ts';

export default function sitemapWithDates(): AstroIntegration {
  let root = '';
  let site = '';
  let outDir = '';
  let dates = new Map<string, Date>();
  return {
    name: 'sitemap-with-dates',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        if (!config.site) throw new Error('Sitemappet kræver `site` i astro.config.mjs');
        updateConfig({
          integrations: [
            sitemap({
              filter: (url) => belongsInSitemap(outDir, url),
              serialize: (item) => {
                const lastmod = dates.get(item.url);
                return lastmod ? { ...item, lastmod: lastmod.toISOString() } : item;
              },
            }),
          ],
        });
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        site = config.site ?? '';
      },
      // Runs before the sitemap's own `astro:build:done`, because the sitemap was added after this integration.
      'astro:build:done': ({ dir }) => {
        outDir = fileURLToPath(dir);
        dates = lastModifiedByUrl(root, site);
      },
    },
  };
}
