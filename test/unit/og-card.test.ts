/** Share cards outside a build: the size, the cache that spares unchanged entries, and when it is bypassed. */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { cardKey, cardStats, drawCardCached, type CardBrand, type CardInput } from '../../src/lib/og/card.ts';
import { site } from '../../src/site.config.ts';
import { projectRoot } from '../helpers.ts';

const brand: CardBrand = {
  municipality: site.municipality,
  host: new URL(site.url).host,
  colours: site.colours,
  logoPath: path.join(projectRoot, 'public', 'logo.svg'),
  fontDir: path.join(projectRoot, 'src', 'assets', 'fonts'),
};
const story: CardInput = {
  kicker: 'Historie',
  title: 'Maskinfabrikken, der køber brugt',
  subtitle: 'Tissø Maskinfabrik · Værkstedet Åbne Hænder',
  picture: {
    path: path.join(projectRoot, 'src/content/stories/images/maskinfabrikken-der-koeber-brugt.jpg'),
    fit: 'cover',
  },
};

const caches: string[] = [];
const freshCache = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'og-'));
  caches.push(dir);
  return dir;
};
afterAll(() => Promise.all(caches.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('share card', () => {
  it('is a 1200×630 PNG', async () => {
    const png = await drawCardCached(story, brand, await freshCache());
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
  });

  it('an unchanged entry is not drawn again: the second build takes it from the cache', async () => {
    const cache = await freshCache();
    const first = await drawCardCached(story, brand, cache);
    const [file] = await readdir(cache);
    const written = (await stat(path.join(cache, file ?? ''))).mtimeMs;
    const before = { ...cardStats };
    const second = await drawCardCached(story, brand, cache);
    expect(cardStats.cached - before.cached).toBe(1);
    expect(cardStats.drawn - before.drawn).toBe(0);
    expect(second.equals(first)).toBe(true);
    expect((await stat(path.join(cache, file ?? ''))).mtimeMs).toBe(written);
  });

  it('a changed title, colour or picture gives a new card, never the cached one', async () => {
    const base = await cardKey(story, brand);
    expect(await cardKey({ ...story, title: `${story.title}!` }, brand)).not.toBe(base);
    expect(await cardKey(story, { ...brand, colours: { ...brand.colours, primary: '#000000' } })).not.toBe(base);
    const otherPhoto = {
      path: path.join(projectRoot, 'src/content/stories/images/smaajob-paa-havnen.jpg'),
      fit: 'cover' as const,
    };
    expect(await cardKey({ ...story, picture: otherPhoto }, brand)).not.toBe(base);
    expect(await cardKey({ ...story }, { ...brand })).toBe(base);
  });
});
