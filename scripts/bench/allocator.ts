/**
 * The environment a large site's build gets in the deploy and preview workflows (their "Byg"
 * steps), and that `npm run bench:build` measures with: Rolldown, Vite's bundler, allocates
 * through mimalloc, which by default keeps freed memory committed for a while and commits its
 * arenas eagerly. Returning freed memory at once cut a cold build's peak at 1,000 generated
 * entries from 1,376 to 972 MB and a warm one's from 906 to 714 MB, in the same time (issue 12).
 * `test/unit/workflows.test.ts` keeps the workflows and this in step.
 */
export const BUILD_ALLOCATOR_ENV: Readonly<Record<string, string>> = {
  MIMALLOC_PURGE_DELAY: '0',
  MIMALLOC_ARENA_EAGER_COMMIT: '0',
};
