// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import contentGuard from './src/integrations/content-guard.ts';
import pagefind from './src/integrations/pagefind.ts';
import publishedGate from './src/integrations/published-gate.ts';
import sitemapWithDates from './src/integrations/sitemap.ts';
import theme from './src/integrations/theme.ts';
import { site } from './src/site.config.ts';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  prerenderConflictBehavior: 'error',
  build: { format: 'directory' },
  // Entry pages whose cacheKey (src/lib/cache-keys.ts) and code are unchanged are copied from the last build.
  experimental: { incrementalBuild: true },
  // The gate judges dist/ last: it adds itself after the sitemap and Pagefind (see published-gate.ts).
  integrations: [contentGuard(), theme(site.colours), mdx(), sitemapWithDates(), pagefind(), publishedGate()],
  image: {
    // Editors' photos are re-encoded; nothing is fetched from elsewhere.
    domains: [],
  },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-src 'none'",
      ],
    },
  },
});
