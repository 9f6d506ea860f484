/** The photos of drafts and withdrawn stories, and removing their copies from `dist/`. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ContentFacts } from './types.ts';

export const stem = (file: string): string => path.basename(file).replace(/\.[^.]*$/, '');

/** Files in `_astro/` Astro derives from a photo: `<stem>.<hash>.<ext>` and `<stem>.<hash>_<hash>.<ext>`. */
export function derivedFrom(distFile: string, photoPath: string): boolean {
  if (!distFile.startsWith('_astro/')) return false;
  const name = distFile.slice('_astro/'.length);
  const prefix = `${stem(photoPath)}.`;
  return name.startsWith(prefix) && /^[A-Za-z0-9_-]+\.[a-z0-9]+$/i.test(name.slice(prefix.length));
}

/** Does the dist file carry a story's slug (a folder or file named after it)? */
export function namedAfter(distFile: string, slug: string): boolean {
  return distFile.split('/').some((part) => part === slug || part.startsWith(`${slug}.`));
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Every file below `dir`, relative to it with forward slashes. */
export async function listDist(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Deletes from `dist/` every file whose bytes are a draft's or withdrawn story's photo, or
 * that Astro derived from it (`_astro/<name>.<hash>_<hash>.<ext>`) — unless a published entry
 * uses the same bytes or a page, feed or data file refers to the file. Returns what it removed.
 */
export async function removeUnpublishedPhotos(
  distDir: string,
  facts: ContentFacts,
  /** The files in `distDir` when the caller has listed them already. */
  listed?: readonly string[],
): Promise<string[]> {
  const photos = facts.unpublishedPhotos.filter((p) => !facts.publishedPhotoHashes.has(p.sha256));
  if (photos.length === 0) return [];
  const files = listed ?? (await listDist(distDir));
  const candidates: string[] = [];
  for (const file of files) {
    const absolute = path.join(distDir, file);
    // Synchronous: thousands of stats, and nothing else for the build to do meanwhile.
    const { size } = statSync(absolute);
    const bySize = photos.filter((p) => p.size === size);
    const hash = bySize.length > 0 ? sha256(readFileSync(absolute)) : '';
    if (
      bySize.some((p) => p.sha256 === hash) ||
      photos.some((p) => !facts.publishedPhotoStems.has(stem(p.path)) && derivedFrom(file, p.path))
    )
      candidates.push(file);
  }
  if (candidates.length === 0) return [];
  const referenced = new Set<string>();
  for (const file of files.filter((f) => /\.(html|xml|json|css|js|txt|csv|ics)$/.test(f))) {
    const text = await readFile(path.join(distDir, file), 'utf8');
    for (const c of candidates) if (text.includes(path.basename(c))) referenced.add(c);
  }
  const removed = candidates.filter((c) => !referenced.has(c));
  for (const file of removed) await rm(path.join(distDir, file));
  return removed;
}
