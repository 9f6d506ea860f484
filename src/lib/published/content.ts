/** What the gate needs to know from the content, read with the editors' checker (the build's own schemas). */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkContent, type CheckResult } from '../validation/check.ts';
import { LocalImage, findMarkers } from '../validation/markers.ts';
import { ROUTE_PREFIX, entryUrl, type RoutedCollection } from '../urls.ts';
import { sha256, stem } from './photos.ts';
import type { ContentFacts } from './types.ts';

/**
 * Reads `src/content` below `root`. `extraRedirects` are the site's own redirect pages that no
 * content file makes, e.g. `/was/` → the WAS-Tool.
 */
export async function readContentFacts(
  root: string,
  extraRedirects: Record<string, string> = {},
  /** The checker's result when the build has one already (the content guard ran it). */
  checked?: CheckResult,
): Promise<ContentFacts> {
  const { entries } = checked ?? (await checkContent(root));
  const facts: ContentFacts = {
    sources: new Map(),
    redirects: new Map(Object.entries(extraRedirects)),
    unpublishedPhotos: [],
    publishedPhotoHashes: new Set(),
    publishedPhotoStems: new Set(),
    hiddenStories: [],
  };
  /** Every local image of every entry, in order, and whether its entry is hidden. */
  const photos: { path: string; source: string; hidden: boolean }[] = [];
  for (const [collection, list] of entries) {
    const routed = collection in ROUTE_PREFIX ? (collection as RoutedCollection) : undefined;
    for (const entry of list) {
      const hidden =
        collection === 'stories' && (entry.data['draft'] === true || entry.data['consentWithdrawn'] !== undefined);
      if (hidden)
        facts.hiddenStories.push({
          id: entry.id,
          source: entry.file,
          withdrawn: entry.data['consentWithdrawn'] !== undefined,
        });
      if (routed) {
        facts.sources.set(entryUrl(routed, entry.id), entry.file);
        if (!hidden)
          for (const old of (entry.data['redirectFrom'] as string[] | undefined) ?? []) {
            facts.redirects.set(entryUrl(routed, old), entryUrl(routed, entry.id));
            facts.sources.set(entryUrl(routed, old), entry.file);
          }
      }
      for (const { value } of findMarkers(entry.data, LocalImage))
        photos.push({ path: path.resolve(root, path.dirname(entry.file), value.src), source: entry.file, hidden });
    }
  }
  // The photos of hidden stories are read and hashed. A published photo is read only when its
  // size is one of theirs: only the same bytes can make a hidden story's photo also a published
  // one (`publishedPhotoHashes`), so the others need no more than a stat — the 2,011 photos
  // (~600 MB) of a 10,000-entry site took 0.5–1.0 s to read and hash.
  for (const [photo, bytes] of await readAll(photos.filter((p) => p.hidden)))
    facts.unpublishedPhotos.push({ path: photo.path, source: photo.source, sha256: sha256(bytes), size: bytes.length });
  const sizes = new Set(facts.unpublishedPhotos.map((p) => p.size));
  const published = await Promise.all(
    photos.filter((p) => !p.hidden).map(async (p) => ({ ...p, size: await sizeOf(p.path) })),
  );
  for (const photo of published) if (photo.size >= 0) facts.publishedPhotoStems.add(stem(photo.path));
  for (const [, bytes] of await readAll(published.filter((p) => sizes.has(p.size))))
    facts.publishedPhotoHashes.add(sha256(bytes));
  return facts;
}

/**
 * The bytes of each photo that can be read, in order, READ_AT_ONCE at a time: the 2,011 photos
 * (~600 MB) of a 10,000-entry site took 1.5–1.8 s one after another and 0.9–1.0 s this way from
 * disk, 1.0 against 0.5 s from the page cache.
 */
async function readAll<T extends { path: string }>(photos: T[]): Promise<[T, Buffer][]> {
  const read: [T, Buffer][] = [];
  for (let i = 0; i < photos.length; i += READ_AT_ONCE) {
    const batch = photos.slice(i, i + READ_AT_ONCE);
    const bytes = await Promise.all(batch.map((photo) => readFile(photo.path).catch(() => undefined)));
    for (const [j, photo] of batch.entries()) if (bytes[j]) read.push([photo, bytes[j]]);
  }
  return read;
}

/** A file's size in bytes; -1 when it cannot be read. */
const sizeOf = (file: string): Promise<number> =>
  stat(file).then(
    (s) => s.size,
    () => -1,
  );

/** Photos read at once: enough to keep libuv's four threads and the disk busy. */
const READ_AT_ONCE = 16;
