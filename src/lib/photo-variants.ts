/**
 * Which files an editor's photo becomes, in one place: the widths and format every page shows,
 * the JPEG for feeds and structured data, and the encoder settings Astro's image service uses
 * (astro.config.mjs). No `astro:` import, so `scripts/bench/images.ts` measures these exact values.
 *
 * Decided by `npm run bench:images` (issue 12, item 2), on generated 1600 × 1000 photos on the
 * shared 2-core machine (so times are inflated; the ratios are the point):
 *
 * - AVIF at Astro's default (q50, effort 4) took 2.5 s at 800 px and 5.6 s at 1200 px against
 *   WebP's 0.08 and 0.17 s, for 18.5 / 46 kB against 31.5 / 77 kB. Even at effort 0 AVIF costs
 *   about twice WebP's time (a 480/800/1200 set: ~280 against ~150 ms a photo) for a third fewer
 *   bytes. A story page on a phone stays well inside its budget with WebP: AVIF is not worth it.
 * - WebP (every browser since 2020) is the one format pages show. One set of widths serves the
 *   story card, the story page, the offering page and the search thumbnail, so Astro writes
 *   each file once: 480 (a card on a desktop), 800 (a 390 px phone at 2×, the page at 1×), 1200
 *   (a phone at 3×, the page at 2×). `width` = the largest, so `src` is one of them and no
 *   full-size copy is written. Before: ~14 files a story photo (AVIF, WebP and a JPEG fallback
 *   at three or more widths each).
 * - WebP effort 0: 1200 px in 63 ms against 89 ms at effort 2 and ~170 ms at the default 4, for
 *   about the same bytes (74.7 against 76.9 and 77.1 kB).
 * - One JPEG at 1200 px for feed readers and search engines (a format every one reads): plain
 *   encoding, 40 ms; mozjpeg's is ~25 % smaller but took 160 ms.
 */
import path from 'node:path';

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

/**
 * The name Astro emitted a photo `file` under, when it has the bundler's hash of the file's bytes
 * in it: `src` is the photo's URL in the entry's data, `/_astro/<name>.<hash>.<ext>` in a build.
 * `undefined` when it has none — a dev server's `/@fs/…` URL, other asset names in a fork's
 * config, or an SVG Astro emitted under another file's name because the bytes are the same.
 */
export function emittedName(file: string, src: string | undefined): string | undefined {
  const name = path.posix.basename(src?.split(/[?#]/)[0] ?? '');
  const stem = path.basename(file, path.extname(file));
  return name.startsWith(`${stem}.`) && /^[\w-]{8,}\.[a-z0-9]+$/i.test(name.slice(stem.length + 1)) ? name : undefined;
}
