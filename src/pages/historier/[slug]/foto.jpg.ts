/**
 * `/historier/<slug>/foto.jpg`: a published story's photo in full size for the press, without
 * metadata (see `lib/press-photo.ts`). Drafts and withdrawn stories get none; the post-build
 * gate refuses any file named after them.
 */
import { fileURLToPath } from 'node:url';
import type { APIRoute, GetStaticPaths } from 'astro';
import { cacheDir } from 'astro:config/server';
import { pressPhotoKey } from '../../../lib/cache-keys.ts';
import { unmarked } from '../../../lib/images.ts';
import { stories } from '../../../lib/content/index.ts';
import { pressPhotoOf } from '../../../lib/press-photo.ts';
import { sourceImage } from '../../../lib/share.ts';

export const getStaticPaths = (() =>
  stories.flatMap((story) => {
    const file = sourceImage(story, 'image');
    if (!file) return [];
    return [
      { params: { slug: story.id }, props: { file }, cacheKey: pressPhotoKey(file, unmarked(story.data.image).src) },
    ];
  })) satisfies GetStaticPaths;

/** Re-encoded press photos are kept in Astro's cache folder (`node_modules/.astro/press/`). */
const pressPhotoCache = fileURLToPath(new URL('press/', cacheDir));

export const GET: APIRoute<{ file: string }> = async ({ props }) =>
  new Response(new Uint8Array((await pressPhotoOf(props.file, pressPhotoCache)).bytes), {
    headers: { 'Content-Type': 'image/jpeg' },
  });
