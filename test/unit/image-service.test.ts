/**
 * The build's image service (src/lib/image-service.ts) against Astro's own sharp service: every
 * file it makes from its decoded copy is the file Astro's service makes from the photo — same
 * format and size, and the same picture to within resampling — whatever the photo (turned by its
 * EXIF, black and white, CMYK, a wide-gamut profile, transparent); a photo is decoded once for all of its files;
 * and whatever the copy cannot make goes to Astro's service unchanged.
 */
import sharpService from 'astro/assets/services/sharp';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import service, { BASE_WIDTH, decodeStats } from '../../src/lib/image-service.ts';
import { ENCODERS, FEED_WIDTH, PHOTO_FORMAT, PHOTO_WIDTHS } from '../../src/lib/photo-variants.ts';

type Config = Parameters<typeof service.transform>[2];
type Logger = Parameters<typeof service.transform>[3];
const config = { service: { entrypoint: './src/lib/image-service.ts', config: { ...ENCODERS } } } as Config;
const warnings: string[] = [];
const logger = {
  info() {},
  debug() {},
  error() {},
  warn: (message: string) => warnings.push(message),
} as unknown as Logger;

/** A photo with detail: a gradient, shapes and noise, `width` × `height`. */
async function photo(width: number, height: number): Promise<Sharp> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#c33"/><stop offset="1" stop-color="#36c"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width / 3}" cy="${height / 2}" r="${height / 4}" fill="#ee2"/><rect x="${width / 2}" y="${height / 5}" width="${width / 4}" height="${height / 2}" fill="#2a6" transform="rotate(12)"/></svg>`;
  const noise = await sharp({
    create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 30 } },
  })
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg)).composite([{ input: noise, blend: 'soft-light' }]);
}

/** What a story photo becomes: the page's widths with their heights, as Astro's srcset asks, and the feed's JPEG by width. */
const variants = (width: number, height: number) => [
  ...PHOTO_WIDTHS.map((w) => ({
    src: 'photo',
    format: PHOTO_FORMAT,
    width: w,
    height: Math.round((w * height) / width),
  })),
  { src: 'photo', format: 'jpeg', width: FEED_WIDTH },
];

/**
 * Both images decoded to sRGB: their size and channels, and the mean difference per channel
 * (0–255) of their pixels and of the pictures seen from afar (a tenth of the size). Up close two
 * resampling filters differ on the noise; from afar a wrong turn, crop or colour shows at once.
 */
async function compare(a: Uint8Array, b: Uint8Array) {
  const decode = async (data: Uint8Array) =>
    sharp(data).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  const [x, y] = await Promise.all([a, b].map(decode));
  const mean = (p: Buffer, q: Buffer) => {
    let sum = 0;
    for (let i = 0; i < p.length; i++) sum += Math.abs(p[i]! - (q[i] ?? 0));
    return sum / p.length;
  };
  const far = ({ data, info }: Awaited<ReturnType<typeof decode>>) =>
    sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
      .resize({
        width: Math.max(1, Math.round(info.width / 10)),
        height: Math.max(1, Math.round(info.height / 10)),
        fit: 'fill',
        kernel: 'linear',
      })
      .raw()
      .toBuffer();
  const [xFar, yFar] = await Promise.all([far(x!), far(y!)]);
  return { a: x!.info, b: y!.info, near: mean(x!.data, y!.data), far: mean(xFar, yFar) };
}

async function sameAsAstro(input: Buffer, transform: Record<string, unknown> & { src: string }) {
  const [mine, astro] = await Promise.all([
    service.transform(input, transform, config, logger),
    sharpService.transform(input, { ...transform }, config, logger),
  ]);
  expect(mine.format, JSON.stringify(transform)).toBe(astro.format);
  const { a, b, near, far } = await compare(mine.data, astro.data);
  expect([a.width, a.height, a.channels], JSON.stringify(transform)).toEqual([b.width, b.height, b.channels]);
  return { near, far, mine, astro };
}

describe('files made from the decoded copy', () => {
  const cases = {
    'a camera JPEG': async () => (await photo(1600, 1000)).jpeg({ quality: 85 }).toBuffer(),
    'a phone photo stored on its side (EXIF orientation 6)': async () =>
      sharp(await (await photo(1000, 1600)).png().toBuffer())
        .rotate(270)
        .jpeg({ quality: 85 })
        .withMetadata({ orientation: 6 })
        .toBuffer(),
    'a black-and-white JPEG': async () => (await photo(1600, 1000)).greyscale().jpeg({ quality: 85 }).toBuffer(),
    'a CMYK JPEG from a print agency': async () =>
      (await photo(1600, 1000)).toColourspace('cmyk').jpeg({ quality: 90 }).toBuffer(),
    'a Display P3 JPEG': async () => (await photo(1600, 1000)).withIccProfile('p3').jpeg({ quality: 90 }).toBuffer(),
    'a transparent PNG': async () =>
      (await photo(1400, 900))
        .ensureAlpha()
        .composite([
          {
            input: Buffer.from(
              '<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="900"><circle cx="700" cy="450" r="400"/></svg>',
            ),
            blend: 'dest-in',
          },
        ])
        .png()
        .toBuffer(),
    'a WebP smaller than the copy': async () => (await photo(900, 600)).webp({ quality: 90 }).toBuffer(),
  };
  for (const [name, make] of Object.entries(cases))
    it(`${name}: each of its files is Astro's, made with one decoding`, async () => {
      const input = await make();
      const { width, height, autoOrient } = await sharp(input).metadata();
      const upright = autoOrient ?? { width: width!, height: height! };
      const before = decodeStats.decoded;
      for (const transform of variants(upright.width, upright.height)) {
        const { near, far } = await sameAsAstro(input, transform);
        // Resized from the copy instead of the file: the same picture, to within resampling (and,
        // for CMYK, to within resizing after the conversion to sRGB instead of before).
        expect(far, JSON.stringify(transform)).toBeLessThan(2);
        expect(near, JSON.stringify(transform)).toBeLessThan(5);
      }
      expect(decodeStats.decoded - before).toBe(1);
    });

  it("a square crop of a logo (Astro's cover fit) is Astro's crop", async () => {
    const input = await (await photo(800, 400)).png().toBuffer();
    const { near, far } = await sameAsAstro(input, { src: 'logo', format: 'webp', width: 120, height: 120 });
    expect(far).toBeLessThan(1);
    expect(near).toBeLessThan(5);
  });
});

describe("what goes to Astro's service unchanged", () => {
  it('a file wider than the copy, a crop to a position, an SVG, an animated GIF and bytes that are no image', async () => {
    const wide = await (await photo(2000, 1250)).jpeg().toBuffer();
    const frame = (background: string) =>
      sharp({ create: { width: 40, height: 30, channels: 3, background } })
        .png()
        .toBuffer();
    const animated = await sharp([await frame('#c00'), await frame('#00c')], { join: { animated: true } })
      .gif({ loop: 0 })
      .toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(2);
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    );
    const cases: [Buffer, Record<string, unknown> & { src: string }][] = [
      [wide, { src: 'wide', format: 'webp', width: BASE_WIDTH + 400 }],
      [wide, { src: 'wide', format: 'webp', width: 600, height: 600, fit: 'cover', position: 'top' }],
      [svg, { src: 'logo.svg', format: 'svg', width: 10, height: 10 }],
      [animated, { src: 'anim.gif', format: 'webp', width: 20 }],
      [Buffer.from('not an image at all, but a JPEG by name'), { src: 'broken.jpg', format: 'webp', width: 400 }],
    ];
    for (const [input, transform] of cases) {
      const before = decodeStats.decoded;
      const astro = await sharpService.transform(input, { ...transform }, config, logger).catch((e: Error) => e);
      const mine = await service.transform(input, { ...transform }, config, logger).catch((e: Error) => e);
      if (astro instanceof Error) expect(mine, transform.src).toEqual(astro);
      else {
        expect(mine, transform.src).not.toBeInstanceOf(Error);
        const result = mine as typeof astro;
        expect(result.format, transform.src).toBe(astro.format);
        expect(Buffer.from(result.data).equals(Buffer.from(astro.data)), transform.src).toBe(true);
      }
      // Nothing was decoded for it: an animated or broken file is looked at, not decoded.
      expect(decodeStats.decoded, transform.src).toBe(before);
    }
  });
});

describe('the files of one photo, made at the same time', () => {
  type Options = Parameters<typeof service.getURL>[0];
  type ImageConfig = Parameters<typeof service.getURL>[1];
  const imageConfig = { endpoint: { route: '/_image' } } as unknown as ImageConfig;
  const runtimeLogger = logger as unknown as Parameters<typeof service.getURL>[2];
  const holder = globalThis as { astroAsset?: { addStaticImage?: unknown } };

  /** What a page's `<Image>` hands `getURL` for each file: the photo's facts as `src`, not its path. */
  const ask = (src: string, transform: Record<string, unknown>) =>
    service.getURL(
      { ...transform, src: { src, width: 1600, height: 1000, format: 'jpg' } } as unknown as Options,
      imageConfig,
      runtimeLogger,
    );

  /** The variants' transforms without their `src`, which each test gives its own. */
  const withoutSrc = (transforms: ReturnType<typeof variants>) =>
    transforms.map((transform) => Object.fromEntries(Object.entries(transform).filter(([key]) => key !== 'src')));

  /** Runs `body` as a build does: with Astro's static image list in place, as during `astro build`. */
  async function inBuild<T>(body: () => Promise<T>): Promise<T> {
    const before = holder.astroAsset;
    holder.astroAsset = { ...before, addStaticImage: () => '' };
    try {
      return await body();
    } finally {
      if (before === undefined) delete holder.astroAsset;
      else holder.astroAsset = before;
    }
  }

  it('in a build, the first file Astro asks for begins the rest the pages asked for, and each is the file it would be made alone', async () => {
    const input = await (await photo(1600, 1000)).jpeg({ quality: 85 }).toBuffer();
    const files = withoutSrc(variants(1600, 1000));
    const src = '/_astro/a-story.AbCdEf12.jpg';
    const made = await inBuild(async () => {
      // The pages render: two of them show the photo, so every file is asked for twice.
      for (const transform of [...files, ...files]) expect(await ask(src, transform)).toContain('/_image?href=');
      const before = decodeStats.ahead;
      const first = await service.transform(input, { ...files[0]!, src }, config, logger);
      // The other three were begun with the first, each once however often it was asked for.
      expect(decodeStats.ahead - before).toBe(files.length - 1);
      const rest = [];
      for (const transform of files.slice(1))
        rest.push(await service.transform(input, { ...transform, src }, config, logger));
      expect(decodeStats.ahead - before).toBe(files.length - 1);
      return [first, ...rest];
    });
    // The same files made one at a time, of a photo no page asked for.
    const before = decodeStats.ahead;
    for (const [i, transform] of files.entries()) {
      const alone = await service.transform(input, { ...transform, src: '/_astro/not-asked.jpg' }, config, logger);
      expect(made[i]!.format, JSON.stringify(transform)).toBe(alone.format);
      expect(Buffer.from(made[i]!.data).equals(Buffer.from(alone.data)), JSON.stringify(transform)).toBe(true);
    }
    expect(decodeStats.ahead).toBe(before);
  });

  it('a dev server, which makes the one file a browser asks for, begins nothing else', async () => {
    const input = await (await photo(900, 600)).jpeg({ quality: 85 }).toBuffer();
    const files = withoutSrc(variants(900, 600));
    const src = '/@fs/site/src/content/stories/images/dev.jpg';
    expect(holder.astroAsset?.addStaticImage).toBeUndefined();
    for (const transform of files) await ask(src, transform);
    const before = decodeStats.ahead;
    await service.transform(input, { ...files[1]!, src }, config, logger);
    expect(decodeStats.ahead).toBe(before);
  });

  it('a file begun that cannot be made fails when Astro asks for it, with the error it would have had', async () => {
    const input = await (await photo(900, 600)).jpeg({ quality: 85 }).toBuffer();
    const src = '/_astro/broken-format.Xy12Ab34.jpg';
    const good = { format: 'webp', width: 480, height: 320 };
    const bad = { format: 'no-such-format', width: 480, height: 320 };
    await inBuild(async () => {
      await ask(src, good);
      await ask(src, bad);
      const before = decodeStats.ahead;
      await service.transform(input, { ...good, src }, config, logger);
      expect(decodeStats.ahead - before).toBe(1);
      const alone = await service
        .transform(input, { ...bad, src: '/_astro/alone.jpg' }, config, logger)
        .catch((e: Error) => e);
      const begun = await service.transform(input, { ...bad, src }, config, logger).catch((e: Error) => e);
      expect(alone).toBeInstanceOf(Error);
      expect(begun).toEqual(alone);
    });
  });
});
