/**
 * Consent to the last byte: a draft or a story whose consent was withdrawn leaves nothing in
 * `dist/` but the withdrawn story's notice page. Astro copies every `image()` of a collection
 * to `_astro/` (`<name>.<hash>.<ext>`) and names derived images `<name>.<hash>_<hash>.<ext>`,
 * so the gate looks for the photo's bytes anywhere, for files named after the photo in
 * `_astro/`, and for any file named after the story's slug.
 */
import path from 'node:path';
import type { ContentFacts, FileRule, Finding } from '../types.ts';
import { derivedFrom, namedAfter, sha256, stem } from '../photos.ts';

export function unpublishedFinding(
  distFile: string,
  facts: ContentFacts,
  hash: () => Promise<string>,
  size: number,
): Promise<Finding[]> {
  return (async () => {
    const found: Finding[] = [];
    for (const photo of facts.unpublishedPhotos) {
      if (facts.publishedPhotoHashes.has(photo.sha256)) continue;
      if (size === photo.size && (await hash()) === photo.sha256) {
        found.push({
          message: `filen er billedet fra en historie, der ikke er udgivet (kladde eller trukket samtykke). Den må ikke ligge på webstedet`,
          source: photo.source,
        });
      } else if (!facts.publishedPhotoStems.has(stem(photo.path)) && derivedFrom(distFile, photo.path)) {
        found.push({
          message: `filen er lavet ud fra billedet ${path.basename(photo.path)} fra en historie, der ikke er udgivet. Den må ikke ligge på webstedet`,
          source: photo.source,
        });
      }
    }
    for (const story of facts.hiddenStories) {
      if (found.length > 0) break; // already refused as the photo or made from it
      if (story.withdrawn && distFile === `historier/${story.id}/index.html`) continue;
      if (namedAfter(distFile, story.id))
        found.push({
          message: `filen er opkaldt efter en historie, der ikke er udgivet (${story.withdrawn ? 'samtykket er trukket tilbage' : 'kladde'}). ${story.withdrawn ? 'Kun meddelelsessiden' : 'Intet fra den'} må ligge på webstedet`,
          source: story.source,
        });
    }
    return found;
  })();
}

export const unpublishedPhotos: FileRule = {
  name: 'consent',
  files: /./,
  // Reads the bytes only when the size is that of an unpublished photo.
  byNameAndSize: true,
  check(file, context) {
    const facts = context.options.content;
    if (!facts) return [];
    let cached: Promise<string> | undefined;
    return unpublishedFinding(file.file, facts, () => (cached ??= file.bytes().then(sha256)), file.size);
  },
};
