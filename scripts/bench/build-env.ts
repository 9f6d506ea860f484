/**
 * The environment a large site's build gets in the deploy and preview workflows (their "Byg"
 * steps), and that `npm run bench:build` measures with, the bare skeleton's builds as well as the
 * project's. Set them on another host too when the site is large. `test/unit/workflows.test.ts`
 * keeps the workflows and this in step.
 *
 * - Rolldown, Vite's bundler, allocates through mimalloc, which by default keeps freed memory
 *   committed for a while and commits its arenas eagerly. Returning freed memory at once cut a
 *   cold build's peak at 1,000 generated entries from 1,376 to 972 MB and a warm one's from 906
 *   to 714 MB, in the same time.
 * - V8's young generation at 8 MB a semi-space instead of Node's 32 (issue 12): with the larger
 *   one, V8 kept starting major collections of the ~120 MB heap that freed 1–5 MB each (with the
 *   card thread's, 160–180 in a cold build at 1,000 entries; 54 with 8 MB), and their marking took
 *   CPU from the build's own work on both cores. Three interleaved pairs at 1,000 entries: a warm
 *   build 15.2 → 13.3 s wall, 19.0 → 16.8 s CPU, peak 698 → 604 MB; two pairs of cold builds −6 %
 *   time and −18 % peak; the bare skeleton 7.2 → 6.6 s and 430 → 332 MB (MB of 1,024 KB, as the
 *   benchmark prints).
 */
export const BUILD_ENV: Readonly<Record<string, string>> = {
  MIMALLOC_PURGE_DELAY: '0',
  MIMALLOC_ARENA_EAGER_COMMIT: '0',
  NODE_OPTIONS: '--max-semi-space-size=8',
};
