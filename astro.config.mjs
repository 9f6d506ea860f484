// @ts-check
import mdx from '@astrojs/mdx';
import process from 'node:process';
import { defineConfig } from 'astro/config';
import cms from './src/integrations/cms.ts';
import contentGuard from './src/integrations/content-guard.ts';
import pagefind from './src/integrations/pagefind.ts';
import publishedGate from './src/integrations/published-gate.ts';
import shareCards from './src/integrations/share-cards.ts';
import sitemapWithDates from './src/integrations/sitemap.ts';
import theme from './src/integrations/theme.ts';
import { ENCODERS } from './src/lib/photo-variants.ts';
import { site } from './src/site.config.ts';

// The shell sets `_` to the path of the command it ran (/usr/bin/npm, …/.bin/astro, /usr/bin/time).
// Astro inlines every environment variable whose name occurs in a module that reads
// `import.meta.env` as a whole, and `_` occurs in any code: in Astro's actions runtime, which
// every page imports, so the same site started another way had another dependency hash on every
// page, and an incremental build rendered all of them again. No part of the site reads it.
delete process.env._;

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  prerenderConflictBehavior: 'error',
  build: {
    format: 'directory',
    // Four paths at a time: a page waiting for its share card, or a copy from the last build waiting
    // for the disk, no longer holds up the next. At 1,000 generated entries (two interleaved pairs
    // each) the routes took 23.3–25.8 s instead of 27.2–29.0 cold and 2.5–2.7 s instead of 3.4–3.8
    // warm, for the same CPU and memory; the published files are byte for byte the same.
    concurrency: 4,
  },
  // Entry pages whose cacheKey (src/lib/cache-keys.ts) and code are unchanged are copied from the last build.
  experimental: { incrementalBuild: true },
  // The gate judges dist/ last: it adds itself after the sitemap and Pagefind (see published-gate.ts).
  integrations: [
    contentGuard(),
    theme(site.colours),
    mdx(),
    cms(),
    shareCards(),
    sitemapWithDates(),
    pagefind(),
    publishedGate(),
  ],
  // Code blocks in an editor's text stay plain <pre><code>, styled by global.css: Shiki's colours
  // are inline style attributes, which the Content Security Policy below blocks.
  markdown: { syntaxHighlight: false },
  image: {
    // Editors' photos are re-encoded; nothing is fetched from elsewhere.
    domains: [],
    // WebP and JPEG settings chosen by scripts/bench/images.ts (see src/lib/photo-variants.ts).
    service: { entrypoint: './src/lib/image-service.ts', config: { ...ENCODERS } },
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
