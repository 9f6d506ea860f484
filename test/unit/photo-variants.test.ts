/**
 * `emittedName()`: the cache keys of share cards and press photos take a photo's bytes from the
 * hash in the name Astro emitted it under, and read the file only when the name has none.
 */
import { describe, expect, it } from 'vitest';
import { emittedName } from '../../src/lib/photo-variants.ts';

const photo = '/site/src/content/stories/images/vaerkstedet.jpg';

describe('emittedName', () => {
  it("is the name of Astro's emitted file when it has the bundler's hash in it", () => {
    expect(emittedName(photo, '/_astro/vaerkstedet.Du9ldWn7.jpg')).toBe('vaerkstedet.Du9ldWn7.jpg');
    // A hash with the URL-safe characters, a site under a base path, a format Astro names otherwise.
    expect(emittedName(photo, '/kalundborg/_astro/vaerkstedet.a-_9ZqW2.jpeg')).toBe('vaerkstedet.a-_9ZqW2.jpeg');
    expect(emittedName('/x/images/Logo.v2.SVG', '/_astro/Logo.v2.CMO8V33l.svg')).toBe('Logo.v2.CMO8V33l.svg');
  });

  it('is undefined when the URL has no hash of this file: the key then reads the file', () => {
    // A dev server's URL to the original.
    expect(emittedName(photo, '/@fs/site/src/content/stories/images/vaerkstedet.jpg?origWidth=1600')).toBeUndefined();
    // Asset names without a hash (a fork's own `assetFileNames`).
    expect(emittedName(photo, '/_astro/vaerkstedet.jpg')).toBeUndefined();
    expect(emittedName('/x/images/vaerkstedet.Du9ldWn7.jpg', '/_astro/vaerkstedet.Du9ldWn7.jpg')).toBeUndefined();
    // An SVG Astro emitted under the name of another file with the same bytes.
    expect(emittedName('/x/images/logo-b.svg', '/_astro/logo-a.CMO8V33l.svg')).toBeUndefined();
    // Another file whose name begins the same.
    expect(emittedName(photo, '/_astro/vaerkstedet-2.Du9ldWn7.jpg')).toBeUndefined();
    expect(emittedName(photo, undefined)).toBeUndefined();
    expect(emittedName(photo, '')).toBeUndefined();
  });
});
