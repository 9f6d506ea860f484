/**
 * Astro's sharp image service, with one change: the files made from one photo are resized from
 * one decoded copy of it instead of each decoding the editor's file anew.
 *
 * A build makes every file of a photo one after another from the same bytes (Astro's
 * `generateImagesForPath` hands `transform` the same buffer for each), and a story photo becomes
 * four: WebP at 480, 800 and 1200 px and the feed's JPEG at 1200 (`photo-variants.ts`). Decoding a
 * 1600 × 1000 JPEG is a fair part of each. Here the first of them decodes the photo once, turned
 * upright and no wider than {@link BASE_WIDTH}, to raw pixels kept for as long as Astro keeps
 * the buffer (a WeakMap), and every file is resized and encoded from those pixels with the same
 * sharp options Astro's own service uses. `npm run bench:images` prints the saving (6 generated
 * 1600 × 1000 photos: 98 → 79 ms of image work a photo one after another, 65 → 52 ms wall two at
 * a time, as a build makes them).
 *
 * Anything else — an SVG, an animated GIF or WebP, another format, a file larger than the copy, a
 * crop to a given position — goes to Astro's service unchanged.
 *
 * The files of one photo are also made at the same time. Astro makes them one after another, two
 * photos at a time, writing each file before it asks for the next; on two cores that left a
 * fifth of the image step idle (sampled from /proc in a cold build of 1,000 generated entries:
 * 1.6 cores busy; 1.8 with this, and the step took 10.9–13.3 s instead of 13.6–14.4 s over four
 * interleaved pairs of cold builds, `scripts/bench-build.ts`'s site). So
 * the service notes which files the pages asked of each photo while they render (`getURL`, which
 * Astro calls for every file of every `<Image>` and `getImage()`), and when a build asks for the
 * first of them it begins the rest on sharp's threads at once; Astro's later asks find them made
 * or under way. Each is made exactly as it would be when asked ({@link makeFile}), so the bytes
 * are the same. Only a build notes anything (Astro's static image list exists then): a dev server
 * makes the one file a browser asks for. A file begun that Astro then takes from its own cache
 * instead is made for nothing — only when a cache holds some but not all of a photo's files.
 */
import type { LocalImageService } from 'astro';
import sharpService, { resolveSharpEncoderOptions, type SharpImageServiceConfig } from 'astro/assets/services/sharp';
import sharp, { type FitEnum, type FormatEnum } from 'sharp';
import { FEED_WIDTH, PHOTO_WIDTHS } from './photo-variants.ts';

// As Astro's service does when it loads sharp: every file is made anew, nothing kept in libvips' cache.
sharp.cache(false);

/** The width of the decoded copy: the widest file any page or feed asks for. */
export const BASE_WIDTH = Math.max(FEED_WIDTH, ...PHOTO_WIDTHS);

/** The formats a photo is decoded from (single-frame rasters); the rest go to Astro's service. */
const DECODED = new Set(['jpeg', 'png', 'webp']);

interface Decoded {
  /** The file's format, as sharp names it. */
  format: string;
  data: Buffer;
  raw: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
}

/**
 * How many photos were decoded to a shared copy, and how many files were begun before Astro asked
 * for them: for the tests.
 */
export const decodeStats = { decoded: 0, ahead: 0 };

const copies = new WeakMap<object, Promise<Decoded | undefined>>();

/** The photo's upright raw pixels at most {@link BASE_WIDTH} wide, or undefined when it is not a single-frame JPEG, PNG or WebP. */
function decodedCopy(
  input: Uint8Array,
  limitInputPixels: SharpImageServiceConfig['limitInputPixels'],
): Promise<Decoded | undefined> {
  let copy = copies.get(input);
  if (!copy) {
    // A file sharp cannot read is left to Astro's service, which reports it as it always does.
    copy = (async () => {
      const options = { failOn: 'none' as const, limitInputPixels: limitInputPixels ?? true };
      const meta = await sharp(input, options).metadata();
      if (!meta.format || !DECODED.has(meta.format) || (meta.pages ?? 1) > 1) return undefined;
      const { data, info } = await sharp(input, options)
        .rotate()
        .resize({ width: BASE_WIDTH, withoutEnlargement: true })
        .raw()
        .toBuffer({ resolveWithObject: true });
      decodeStats.decoded++;
      return { format: meta.format, data, raw: { width: info.width, height: info.height, channels: info.channels } };
    })().catch(() => undefined);
    copies.set(input, copy);
  }
  return copy;
}

const fitMap: Record<string, keyof FitEnum> = {
  fill: 'fill',
  contain: 'inside',
  cover: 'cover',
  none: 'outside',
  'scale-down': 'inside',
  outside: 'outside',
  inside: 'inside',
};

/** What Astro asks of one file (the options its service reads). */
interface Transform {
  src: string;
  format?: string;
  width?: number;
  height?: number;
  quality?: string | null;
  fit?: string;
  position?: string;
  background?: string;
}

/**
 * A transform a copy of this size can make as Astro would from the file: a resize to no more than
 * its width (and height, when known), without a crop position.
 */
function resizesWithin(transform: Transform, size: { width: number; height?: number }): boolean {
  const { width, height } = transform;
  if (transform.position !== undefined || (!width && !height)) return false;
  return (!width || width <= size.width) && (!height || size.height === undefined || height <= size.height);
}

/** The fields of a transform that decide the file made (`src` aside): two asks with the same key get the same bytes. */
const fileKey = (t: Transform): string =>
  JSON.stringify([t.format, t.width, t.height, t.quality ?? null, t.fit, t.position, t.background]);

/**
 * The files the pages asked of each original during this build, by its `src` (the path Astro
 * hands `transform`) and {@link fileKey}. On `globalThis`: the pages' copy of this module (bundled
 * by Vite) notes them, Astro's own copy makes the files.
 */
const ASKED = Symbol.for('socialoekonomi.image-service.asked');
const asked = ((globalThis as Record<symbol, unknown>)[ASKED] ??= new Map()) as Map<string, Map<string, Transform>>;

/** Whether this is a build that makes its images at the end (Astro's static image list is there). */
const inBuild = (): boolean =>
  typeof (globalThis as { astroAsset?: { addStaticImage?: unknown } }).astroAsset?.addStaticImage === 'function';

/** Notes that a page asked for this file of its original (see the header). */
function note(options: Transform & { src: unknown }): void {
  const src = typeof options.src === 'string' ? options.src : (options.src as { src?: unknown } | null)?.src;
  if (typeof src !== 'string') return;
  const files = asked.get(src) ?? new Map<string, Transform>();
  files.set(fileKey(options), { ...options, src });
  asked.set(src, files);
}

type Config = Parameters<LocalImageService<SharpImageServiceConfig>['transform']>[2];
type Logger = Parameters<LocalImageService<SharpImageServiceConfig>['transform']>[3];
type Made = Awaited<ReturnType<LocalImageService<SharpImageServiceConfig>['transform']>>;

/** One file of `inputBuffer`: from its decoded copy when it can be, else by Astro's service. */
async function makeFile(inputBuffer: Uint8Array, transform: Transform, config: Config, logger: Logger): Promise<Made> {
  const format = transform.format;
  const serviceConfig = config.service.config;
  const stock = () => sharpService.transform(inputBuffer, { ...transform }, config, logger);
  if (!format || format === 'svg' || !resizesWithin(transform, { width: BASE_WIDTH })) return stock();
  const copy = await decodedCopy(inputBuffer, serviceConfig.limitInputPixels);
  if (!copy || !resizesWithin(transform, copy.raw)) return stock();

  // From here on, Astro's sharp service's own steps (astro/dist/assets/services/sharp.js).
  const result = sharp(copy.data, { raw: copy.raw });
  const kernel = serviceConfig.kernel;
  const width = transform.width ? Math.round(transform.width) : undefined;
  const height = transform.height ? Math.round(transform.height) : undefined;
  if (width && height) {
    const fit = transform.fit ? (fitMap[transform.fit] ?? 'inside') : undefined;
    result.resize({ width, height, kernel, fit, withoutEnlargement: true });
  } else result.resize({ width, height, kernel, withoutEnlargement: true });
  if (transform.background) result.flatten({ background: transform.background });
  const encoder = resolveSharpEncoderOptions(
    { format, ...(transform.quality == null ? {} : { quality: transform.quality }) },
    copy.format,
    serviceConfig,
  );
  if (format === 'webp') result.webp(encoder);
  else if (format === 'png') result.png(encoder);
  else if (format === 'avif') result.avif(encoder);
  else if (format === 'jpeg' || format === 'jpg') result.jpeg(encoder);
  else result.toFormat(format as keyof FormatEnum, encoder);
  const { data, info } = await result.toBuffer({ resolveWithObject: true });
  return { data, format: info.format };
}

/** The files of each original begun before Astro asked for them, by {@link fileKey}, while Astro holds its bytes. */
const begun = new WeakMap<object, Map<string, Promise<Made>>>();

const service: LocalImageService<SharpImageServiceConfig> = {
  ...sharpService,
  getURL(options, imageConfig, logger) {
    if (inBuild()) note(options as Transform & { src: unknown });
    return sharpService.getURL(options, imageConfig, logger);
  },
  transform(inputBuffer, transformOptions, config, logger) {
    const transform: Transform = transformOptions;
    const key = fileKey(transform);
    let files = begun.get(inputBuffer);
    const ready = files?.get(key);
    if (ready) {
      files!.delete(key);
      return ready;
    }
    if (!files) {
      // The first file Astro asks of this original: begin every other one the pages asked for.
      files = new Map();
      begun.set(inputBuffer, files);
      for (const [other, options] of asked.get(transform.src) ?? []) {
        if (other === key) continue;
        const file = makeFile(inputBuffer, options, config, logger);
        // Astro awaits it when it asks, and gets the error then.
        file.catch(() => undefined);
        files.set(other, file);
        decodeStats.ahead++;
      }
    }
    return makeFile(inputBuffer, transform, config, logger);
  },
};

export default service;
