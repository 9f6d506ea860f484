/**
 * Share cards outside a build: the size, the picture in its panel whatever its format, the cache
 * that spares unchanged entries and when it is bypassed, and the queue that draws ahead.
 */
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cardKey,
  cardPixels,
  cardPixelsInOnePiece,
  cardQueue,
  cardStats,
  drawCard,
  drawCardCached,
  encodeCard,
  type CardBrand,
  type CardInput,
} from '../../src/lib/og/card.ts';
import { cardThread } from '../../src/lib/og/thread.ts';
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
  it('is a 1200×630 JPEG in sRGB, and shows what was drawn', async () => {
    const jpeg = await drawCardCached(story, brand, await freshCache());
    expect(await sharp(jpeg).metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 630, space: 'srgb' });
    // Lossy, but not visibly: the decoded card is within a few levels of its pixels on average.
    const drawn = await cardPixels(story, brand);
    const decoded = await sharp(jpeg).raw().toBuffer();
    let difference = 0;
    for (let i = 0; i < drawn.length; i++) difference += Math.abs((drawn[i] ?? 0) - (decoded[i] ?? 0));
    expect(difference / drawn.length).toBeLessThan(3);
  });

  it('a card with a detailed photo is a JPEG well under 200 KB, where the same pixels as a PNG pass 400 KB', async () => {
    // A photo with fine detail everywhere (grain, foliage, gravel), as phone photos have and the
    // sample drawings do not: blurred noise.
    const file = path.join(await freshCache(), 'korn.jpg');
    const grain = { type: 'gaussian' as const, mean: 128, sigma: 60 };
    await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#808080', noise: grain } })
      .blur(0.8)
      .jpeg({ quality: 90 })
      .toFile(file);
    const input = { ...story, picture: { path: file, fit: 'cover' as const } };
    const jpeg = await drawCard(input, brand);
    const png = await sharp(await cardPixels(input, brand), { raw: { width: 1200, height: 630, channels: 3 } })
      .png({ compressionLevel: 6 })
      .toBuffer();
    expect(png.length).toBeGreaterThan(400 * 1024);
    expect(jpeg.length).toBeLessThan(200 * 1024);
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

/** A card's pixels as drawn, before encoding (raw RGB), and a pixel's colour at (x, y). */
async function pixelsOf(input: CardInput) {
  const data = await cardPixels(input, brand);
  const at = (x: number, y: number) => [0, 1, 2].map((c) => data[(y * 1200 + x) * 3 + c] ?? -1);
  return { data, at };
}
const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
const near = (a: number[], b: number[], tolerance = 3) => a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= tolerance);

describe('what a card shows', () => {
  it("a story's photo fills the right-hand panel, cropped where its subject is", async () => {
    const card = await pixelsOf(story);
    const photo = await sharp(story.picture?.path)
      .resize(500, 630, { fit: 'cover', position: 'attention' })
      .raw()
      .toBuffer();
    let difference = 0;
    for (let y = 0; y < 630; y++)
      for (let x = 0; x < 500; x++)
        for (let c = 0; c < 3; c++)
          difference += Math.abs((card.at(700 + x, y)[c] ?? 0) - (photo[(y * 500 + x) * 3 + c] ?? 0));
    expect(difference / (500 * 630 * 3)).toBeLessThan(1);
    // Left of the panel the card is the municipality's, not the photo's.
    expect(card.at(400, 20)).toEqual(rgb(site.colours.primary));
  });

  it('drawn from its parts (the frame once, the heading on its own) it is the card drawn in one piece', async () => {
    const logoPath = path.join(projectRoot, 'src/content/companies/images/kornmod-bageri.png');
    const inputs: CardInput[] = [
      story,
      { title: 'CSR-prisen 2026', subtitle: 'Vindere: Fjordkøkkenet, Kornmod Bageri og Tissø Maskinfabrik' },
      {
        kicker: 'Tilbud',
        title:
          'Dialogmødet 2026: råd til udvalget om socialøkonomiske virksomheder, indkøb og rummelige arbejdspladser i hele kommunen',
        subtitle: 'Socialøkonomisk virksomhed · Høng',
      },
      { title: 'Kornmod Bageri', picture: { path: logoPath, fit: 'contain' } },
      // One word longer than the column: broken, on both.
      { title: 'Arbejdsmarkedsintegrationsvirksomhedsnetværket' },
    ];
    for (const input of inputs) {
      const [a, b] = await Promise.all([cardPixels(input, brand), cardPixelsInOnePiece(input, brand)]);
      let off = 0;
      for (let i = 0; i < a.length; i++) if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) > 2) off++;
      // Only the edges of letters may round differently: well under 0.1 % of the values.
      expect(off / a.length, input.title).toBeLessThan(0.001);
    }
  });

  it('a word longer than the column is broken, never drawn over the circles', async () => {
    const card = await pixelsOf({ title: 'Arbejdsmarkedsintegrationsvirksomhedsnetværket' });
    for (let y = 0; y < 630; y += 2) expect(card.at(910, y), `y ${y}`).not.toEqual([255, 255, 255]);
  });

  it("a company's logo sits centred on white, never stretched to the panel's edges", async () => {
    const logoPath = path.join(projectRoot, 'src/content/companies/images/kornmod-bageri.png');
    const card = await pixelsOf({ title: 'Kornmod Bageri', picture: { path: logoPath, fit: 'contain' } });
    let [left, right, top, bottom] = [1200, 0, 630, 0];
    for (let y = 0; y < 630; y++)
      for (let x = 700; x < 1200; x++)
        if (!near(card.at(x, y), [255, 255, 255])) {
          [left, right, top, bottom] = [Math.min(left, x), Math.max(right, x), Math.min(top, y), Math.max(bottom, y)];
        }
    expect(right - left).toBeLessThanOrEqual(280);
    expect(right - left).toBeGreaterThan(100);
    expect(Math.abs((left + right) / 2 - 950)).toBeLessThanOrEqual(2);
    expect(Math.abs((top + bottom) / 2 - 315)).toBeLessThanOrEqual(2);
  });

  it('a card without a picture shows the accent bar, the two circles and the logo on white', async () => {
    const card = await pixelsOf({ title: 'CSR-prisen 2026' });
    expect(card.at(8, 300)).toEqual(rgb(site.colours.accent));
    expect(card.at(600, 300)).toEqual(rgb(site.colours.primary));
    expect(card.at(1150, 60)).toEqual(rgb(site.colours.primaryDark));
    expect(card.at(1015, 600)).toEqual(rgb(site.colours.accent));
    expect(card.at(91, 540)).toEqual([255, 255, 255]);
  });

  // An editor's picture may be any of these; each must land in the panel as the colour it is.
  const red = { r: 200, g: 40, b: 30 };
  const pictures: [string, () => Promise<Buffer>, number[] | undefined][] = [
    [
      'a greyscale JPEG',
      () =>
        sharp({ create: { width: 800, height: 600, channels: 3, background: '#808080' } })
          .greyscale()
          .jpeg()
          .toBuffer(),
      [128, 128, 128],
    ],
    [
      'a 16-bit PNG',
      () =>
        sharp({ create: { width: 800, height: 600, channels: 3, background: red } })
          .toColourspace('rgb16')
          .png()
          .toBuffer(),
      [200, 40, 30],
    ],
    [
      'a transparent PNG',
      () =>
        sharp({ create: { width: 800, height: 600, channels: 4, background: { ...red, alpha: 0 } } })
          .png()
          .toBuffer(),
      [255, 255, 255],
    ],
    [
      'a CMYK JPEG',
      () =>
        sharp({ create: { width: 800, height: 600, channels: 3, background: red } })
          .toColourspace('cmyk')
          .jpeg()
          .toBuffer(),
      // Without a profile, the colour is whatever libvips reads it as in sRGB, not the red it was made from.
      undefined,
    ],
  ];
  it.each(pictures)('%s fills the panel in its own colour, whole', async (_, make, expected) => {
    const dir = await freshCache();
    // Written as made: the card reads the format from the bytes, whatever the name says.
    const file = path.join(dir, 'picture');
    const bytes = await make();
    await writeFile(file, bytes);
    const colour = expected ?? [...(await sharp(bytes).toColourspace('srgb').raw().toBuffer()).subarray(0, 3)];
    for (const fit of ['cover', 'contain'] as const) {
      const input = { title: 'Billede', picture: { path: file, fit } };
      const card = await pixelsOf(input);
      expect(card.at(950, 315), fit).toSatisfy((pixel: number[]) => near(pixel, colour, 12));
      expect(card.at(600, 300), fit).toEqual(rgb(site.colours.primary));
      // Encoded, the panel keeps its colour (a flat area: within JPEG's rounding).
      const encoded = await sharp(await encodeCard(card.data))
        .extract({ left: 950, top: 315, width: 1, height: 1 })
        .raw()
        .toBuffer();
      expect([...encoded], fit).toSatisfy((pixel: number[]) => near(pixel, colour, 14));
    }
  });
});

describe('drawing the cards of a build', () => {
  /** A stand-in for drawing: records what it was asked for, how many at once, and answers on a later tick. */
  const recorder = (fail?: string) => {
    const drawn: string[] = [];
    let running = 0;
    const most = { atOnce: 0 };
    const draw = async (input: CardInput) => {
      drawn.push(input.title);
      most.atOnce = Math.max(most.atOnce, ++running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
      if (input.title === fail) throw new Error(`kunne ikke tegne ${fail}`);
      return input.title;
    };
    return { drawn, draw, most };
  };
  const cards = Array.from({ length: 6 }, (_, i) => ({ key: `k${i}`, input: { title: `kort ${i}` } }));
  const settled = () => new Promise((resolve) => setTimeout(resolve, 30));

  it('pages that render prefetch their cards: drawn meanwhile, two at a time, in the order asked, each once', async () => {
    const { drawn, draw, most } = recorder();
    const queue = cardQueue(cards, draw, 2);
    await settled();
    expect(drawn).toEqual([]);
    for (const key of ['k3', 'k1', 'k4', 'k3']) queue.prefetch(key);
    expect(drawn).toEqual(['kort 3', 'kort 1']);
    await settled();
    expect(drawn).toEqual(['kort 3', 'kort 1', 'kort 4']);
    expect(most.atOnce).toBe(2);
    // The card routes get those three without drawing any card twice.
    for (const key of ['k1', 'k3', 'k4']) expect(await queue.card(key)).toBe(`kort ${key.slice(1)}`);
    expect(new Set(drawn).size).toBe(drawn.length);
  });

  it('a card route begins its own card at once and the next two meanwhile; an incremental build that asks for nothing draws nothing', async () => {
    const { drawn, draw } = recorder();
    const queue = cardQueue(cards, draw, 2);
    await settled();
    expect(drawn).toEqual([]);
    const first = queue.card('k0');
    expect(drawn).toEqual(['kort 0', 'kort 1']);
    expect(await first).toBe('kort 0');
    await settled();
    expect(drawn).toEqual(['kort 0', 'kort 1', 'kort 2']);
    for (const { key, input } of cards.slice(1)) expect(await queue.card(key)).toBe(input.title);
    expect(drawn).toEqual(cards.map((c) => c.input.title));
  });

  it('a card that cannot be drawn fails its own page only', async () => {
    const { draw } = recorder('kort 2');
    const queue = cardQueue(cards, draw, 2);
    for (const { key } of cards) queue.prefetch(key);
    // Card 2 fails long before its page asks; the failure waits for it.
    await settled();
    expect(await queue.card('k1')).toBe('kort 1');
    await expect(queue.card('k2')).rejects.toThrow('kunne ikke tegne kort 2');
    expect(await queue.card('k3')).toBe('kort 3');
  });

  it('a dev server draws a card when its page asks, again when it asks again; an unknown card is an error', async () => {
    const { drawn, draw } = recorder();
    const queue = cardQueue(cards, draw, 0);
    queue.prefetch('k2');
    await settled();
    expect(drawn).toEqual([]);
    expect(await queue.card('k3')).toBe('kort 3');
    expect(await queue.card('k3')).toBe('kort 3');
    expect(drawn).toEqual(['kort 3', 'kort 3']);
    await expect(queue.card('findes-ikke')).rejects.toThrow('findes-ikke');
  });

  it('the card thread puts cards in the cache, counts them, and survives a card it cannot draw', async () => {
    const cache = await freshCache();
    const draw = cardThread(path.join(projectRoot, 'src/lib/og/card-worker.ts'), brand, cache);
    const before = { ...cardStats };
    const file = await draw(story);
    expect(path.dirname(file)).toBe(cache);
    expect(await sharp(file).metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
    expect(await draw(story)).toBe(file);
    expect(cardStats.drawn - before.drawn).toBe(1);
    expect(cardStats.cached - before.cached).toBe(1);
    const missing = {
      title: 'Uden foto',
      picture: { path: path.join(cache, 'findes-ikke.jpg'), fit: 'cover' as const },
    };
    await expect(draw(missing)).rejects.toThrow('findes-ikke.jpg');
    const other = await draw({ title: 'Efter fejlen' });
    expect(other).not.toBe(file);
    expect((await readdir(cache)).filter((f) => f.endsWith('.jpg'))).toHaveLength(2);
  });
});
