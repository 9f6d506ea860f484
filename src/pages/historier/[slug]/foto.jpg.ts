/**
 * `/historier/<slug>/foto.jpg`: a published story's photo in full size for the press, without
 * metadata (see `lib/press-photo.ts`). Drafts and withdrawn stories get none; the post-build
 * gate refuses any file named after them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { pressPhotoKey } from '../../../lib/cache-keys.ts';
import { stories } from '../../../lib/content/index.ts';
import { pressPhotoOf } from '../../../lib/press-photo.ts';
import { sourceImage } from '../../../lib/share.ts';

export const getStaticPaths = (() =>
  stories.flatMap((story) => {
    const file = sourceImage(story, 'image');
    return file ? [{ params: { slug: story.id }, props: { file }, cacheKey: pressPhotoKey(file) }] : [];
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: string }> = async ({ props }) =>
  new Response(new Uint8Array((await pressPhotoOf(props.file)).bytes), { headers: { 'Content-Type': 'image/jpeg' } });
