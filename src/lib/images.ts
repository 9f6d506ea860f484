/**
 * Editors' photos as files: the props every page's `<Image>` gets (one set of widths and one
 * format, see `photo-variants.ts`), and JPEGs with absolute URLs for feeds and structured data.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { FEED_WIDTH, PHOTO_FORMAT, PHOTO_WIDTHS } from './photo-variants.ts';
import { absoluteUrl } from './urls.ts';

export interface AbsoluteImage {
  url: string;
  width: number;
  height: number;
  /** MIME type, e.g. image/jpeg. */
  type: string;
}

/**
 * An imported image's facts (`src`, `width`, `height`, `format`) read without marking its
 * original as used. Astro wraps every content image in a Proxy that, on any property read during
 * a build, marks the original file as referenced, and keeps every marked original in `dist/_astro/`
 * at full size with its metadata (camera, time, often the place) although no page links to it:
 * 535 MB of dead files at 10,000 entries. The Proxy's hidden `clone` gives the same facts unmarked,
 * as Astro's own `getImage()` reads them. A plain object (with no such `clone`) is returned as it is.
 */
export function unmarked<T extends object>(value: T): T {
  if (Object.hasOwn(value, 'clone')) return value;
  const clone = (value as { clone?: unknown }).clone;
  return clone && typeof clone === 'object' ? (clone as T) : value;
}

/**
 * `src`, `widths`, `width` and `format` for `<Image>` of an editor's photo. Every page asks for
 * the same transforms, so a story card and the story page share their files; `width` is the
 * largest of `widths` (or the photo's own, when smaller), so `src` is one of them and no
 * full-size file is written.
 */
export function photoProps(image: ImageMetadata) {
  return {
    src: image,
    widths: [...PHOTO_WIDTHS],
    width: Math.min(unmarked(image).width, PHOTO_WIDTHS.at(-1)!),
    format: PHOTO_FORMAT,
  };
}

/** The URL of the smallest file of {@link photoProps}: a thumbnail that costs no file of its own. */
export async function photoThumbnail(image: ImageMetadata): Promise<string> {
  const { srcSet, src } = await getImage(photoProps(image));
  return srcSet.values[0]?.url ?? src;
}

/**
 * A JPEG of an editor's image, at most 1200 px wide: the size feed readers and search engines
 * ask for, and a format every one of them reads.
 */
export async function absoluteImage(image: ImageMetadata, maxWidth = FEED_WIDTH): Promise<AbsoluteImage> {
  const facts = unmarked(image);
  const width = Math.min(maxWidth, facts.width);
  const result = await getImage({ src: image, width, format: 'jpeg' });
  const height = Math.round((facts.height * width) / facts.width);
  return { url: absoluteUrl(result.src), width, height, type: 'image/jpeg' };
}
