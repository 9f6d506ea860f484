/** What the gate needs to know from the content, read with the editors' checker (the build's own schemas). */
import { readFile } from 'node:fs/promises';
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
      for (const { value } of findMarkers(entry.data, LocalImage)) {
        const absolute = path.resolve(root, path.dirname(entry.file), value.src);
        const bytes = await readFile(absolute).catch(() => undefined);
        if (!bytes) continue;
        const hash = sha256(bytes);
        if (hidden)
          facts.unpublishedPhotos.push({ path: absolute, source: entry.file, sha256: hash, size: bytes.length });
        else {
          facts.publishedPhotoHashes.add(hash);
          facts.publishedPhotoStems.add(stem(absolute));
        }
      }
    }
  }
  return facts;
}
