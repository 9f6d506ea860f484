/**
 * Which files an editor's photo becomes, in one place: the widths and format every page shows,
 * the JPEG for feeds and structured data, and the encoder settings Astro's image service uses
 * (astro.config.mjs). No `astro:` import, so `scripts/bench/images.ts` measures these exact values.
 *
 * Decided by `npm run bench:images` (issue 12, item 2); figures on this 2-core machine for a
 * 1600 × 1000 photo, per variant (encode time, bytes):
 *
 * - AVIF at Astro's default (effort 4) cost ~10× WebP's time for ~25 % fewer bytes; the three
 *   AVIF widths alone took more time than the whole new set. A phone on the story page saves
 *   a few kB with AVIF, well inside the page-weight budgets either way: not worth it here.
 * - WebP (every browser since 2020) is the one format pages show. One set of widths serves the
 *   story card, the story page and the offering page, so Astro writes each file once: 480
 *   (a card on a desktop), 800 (a 390 px phone at 2×, the page at 1×), 1200 (a phone at 3×,
 *   the page at 2×). `width: 1200` also makes the `src` the 1200 file instead of a
 *   full-size one.
 * - One JPEG at 1200 px for feed readers and search engines (a format every one reads).
 * - effort 2 for WebP, plain (not mozjpeg) JPEG: see the figures in the bench's output.
 */

/** Widths, in px, of every photo shown on a page; the largest is also the `src`. */
export const PHOTO_WIDTHS = [480, 800, 1200] as const;

/** The format of every photo shown on a page. */
export const PHOTO_FORMAT = 'webp';

/** Width of the JPEG in feeds and JSON-LD (Google asks for at least 1200 px). */
export const FEED_WIDTH = 1200;

/** Encoder options for Astro's sharp service (`image.service.config`), per output format. */
export const ENCODERS = {
  webp: { quality: 80, effort: 0 },
  jpeg: { quality: 80, mozjpeg: false },
} as const;
