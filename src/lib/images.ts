/** Optimised images with absolute URLs, for places outside our pages: feeds and structured data. */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { absoluteUrl } from './urls.ts';

export interface AbsoluteImage {
  url: string;
  width: number;
  height: number;
  /** MIME type, e.g. image/jpeg. */
  type: string;
}

/**
 * A JPEG of an editor's image, at most 1200 px wide: the size feed readers and search engines
 * ask for, and a format every one of them reads.
 */
export async function absoluteImage(image: ImageMetadata, maxWidth = 1200): Promise<AbsoluteImage> {
  const width = Math.min(maxWidth, image.width);
  const result = await getImage({ src: image, width, format: 'jpeg' });
  const height = Math.round((image.height * width) / image.width);
  return { url: absoluteUrl(result.src), width, height, type: 'image/jpeg' };
}
