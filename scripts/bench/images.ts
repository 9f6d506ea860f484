/**
 * `npm run bench:images [-- --photos N] [--samples]`: prints what an editor's photo costs —
 * never a pass/fail (issue 12, item 2).
 *  1. encode time and bytes per format and width, for N generated 1600 × 1000 photos (blurred
 *     noise, gradients and shapes, so encoders do real work; 3 unless told), and with
 *     `--samples` also the sample photos in src/content/stories/images (flat drawings);
 *  2. the variants a story photo becomes with the old set and with the set in
 *     src/lib/photo-variants.ts, and their image work per photo: one photo after another (CPU),
 *     and as `astro build` runs them (one photo per core at a time), wall time per photo; the new
 *     set also through the build's image service (src/lib/image-service.ts), which decodes a
 *     photo once for all of its files;
 *  3. the bytes a phone 390 px wide at 2× and 3× downloads for the story hero and a story card.
 * Encoding goes through sharp exactly as Astro's image service does (rotate, resize, encode).
 */
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp, { type FormatEnum } from 'sharp';
import { ENCODERS, FEED_WIDTH, PHOTO_FORMAT, PHOTO_WIDTHS } from '../../src/lib/photo-variants.ts';
import { encodePressPhoto, makePressPhoto } from '../../src/lib/press-photo.ts';
import imageService from '../../src/lib/image-service.ts';

const { values } = parseArgs({
  options: { photos: { type: 'string', default: '3' }, samples: { type: 'boolean', default: false } },
});
const photoCount = Math.max(1, Number(values.photos) || 3);
// Astro's service turns sharp's cache off; do the same so every encode does its full work.
sharp.cache(false);

/** A deterministic pseudo-random sequence, so runs compare. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32) as number;
}

/** An editor's JPEG: gradient, shapes and blurred noise at 1600 × 1000, quality 85. */
async function makePhoto(seed: number): Promise<Buffer> {
  const r = random(seed);
  const colour = () => `hsl(${Math.floor(r() * 360)},${40 + Math.floor(r() * 40)}%,${30 + Math.floor(r() * 40)}%)`;
  const shapes = Array.from({ length: 30 }, () =>
    r() < 0.5
      ? `<circle cx="${r() * 1600}" cy="${r() * 1000}" r="${20 + r() * 200}" fill="${colour()}" opacity="${0.4 + r() * 0.6}"/>`
      : `<rect x="${r() * 1600}" y="${r() * 1000}" width="${30 + r() * 400}" height="${30 + r() * 300}" fill="${colour()}" transform="rotate(${r() * 40 - 20})" opacity="${0.4 + r() * 0.6}"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${colour()}"/><stop offset="1" stop-color="${colour()}"/></linearGradient></defs><rect width="1600" height="1000" fill="url(#g)"/>${shapes}</svg>`;
  const noise = await sharp({
    create: {
      width: 1600,
      height: 1000,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .blur(0.8)
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: noise, blend: 'soft-light' }])
    .blur(0.6)
    .jpeg({ quality: 85 })
    .toBuffer();
}

type Format = 'avif' | 'avif-e0' | 'webp' | 'webp-e4' | 'jpeg' | 'mozjpeg';
interface Variant {
  format: Format;
  width: number;
}
/** Encoder options per format: `avif`, `webp-e4`, `mozjpeg` are the defaults Astro used before. */
const OPTIONS: Record<Format, [keyof FormatEnum | 'avif', object]> = {
  avif: ['avif', {}],
  'avif-e0': ['avif', { effort: 0 }],
  'webp-e4': ['webp', {}],
  webp: ['webp', ENCODERS.webp],
  jpeg: ['jpeg', ENCODERS.jpeg],
  mozjpeg: ['jpeg', { mozjpeg: true }],
};

async function encode(source: Buffer, { format, width }: Variant): Promise<{ ms: number; bytes: number }> {
  const [name, options] = OPTIONS[format];
  const start = performance.now();
  const data = await sharp(source, { failOn: 'none' })
    .rotate()
    .resize({ width, withoutEnlargement: true })
    .toFormat(name, options)
    .toBuffer();
  return { ms: performance.now() - start, bytes: data.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (t: number) => `${t.toFixed(0)} ms`;
const pad = (s: string, n: number) => s.padStart(n);

const samplesDir = path.join(import.meta.dirname, '../../src/content/stories/images');
const generated = await Promise.all(Array.from({ length: photoCount }, (_, i) => makePhoto(i + 1)));
const groups = [{ label: `${photoCount} generated photos`, photos: generated }];
if (values.samples) {
  const files = (await readdir(samplesDir)).filter((f) => /\.jpe?g$/i.test(f));
  const photos = await Promise.all(files.map((f) => readFile(path.join(samplesDir, f))));
  groups.push({ label: `${photos.length} sample photos (src/content/stories/images)`, photos });
}
console.log(`sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}; ${os.availableParallelism()} cores`);
console.log(`generated photos: ${generated.map((p) => kb(p.length)).join(', ')} (1600 × 1000 JPEG, q85)\n`);

// 1. Every format at every width.
const WIDTHS = [320, 480, 640, 800, 960, 1200, 1600];
const FORMATS: Format[] = ['avif', 'avif-e0', 'webp-e4', 'webp', 'jpeg', 'mozjpeg'];
const LABEL: Record<Format, string> = {
  avif: 'AVIF (q50 e4)',
  'avif-e0': 'AVIF (q50 e0)',
  'webp-e4': 'WebP (q80 e4)',
  webp: `WebP (q${ENCODERS.webp.quality} e${ENCODERS.webp.effort})`,
  jpeg: `JPEG (q${ENCODERS.jpeg.quality})`,
  mozjpeg: 'mozjpeg (q80)',
};
/** bytes[group][format][width]: mean bytes, for the phone figures below. */
const bytes = new Map<string, number>();
const key = (group: number, v: Variant) => `${group} ${v.format} ${v.width}`;
for (const [g, { label, photos }] of groups.entries()) {
  console.log(`1. Encode time (median) and size (mean) per variant — ${label}`);
  console.log(`${'width'.padEnd(16)}${WIDTHS.map((w) => pad(`${w}`, 17)).join('')}`);
  for (const format of FORMATS) {
    const cells: string[] = [];
    for (const width of WIDTHS) {
      const runs = [];
      for (const photo of photos) runs.push(await encode(photo, { format, width }));
      bytes.set(key(g, { format, width }), mean(runs.map((r) => r.bytes)));
      cells.push(pad(`${ms(median(runs.map((r) => r.ms)))} ${kb(mean(runs.map((r) => r.bytes)))}`, 17));
    }
    console.log(`${LABEL[format].padEnd(16)}${cells.join('')}`);
  }
  console.log();
}

// 2. The variant sets. The old set: <Picture> AVIF + WebP at 480/800/1200 with its JPEG fallback
// at the same widths plus full size, the card's WebP 320/640 plus full size, the search
// thumbnail (WebP 320, the card's), the feed JPEG 1200, and the press photo re-encoded.
const oldSet: Variant[] = [
  ...[480, 800, 1200].map((width) => ({ format: 'avif' as const, width })),
  ...[320, 480, 640, 800, 1200, 1600].map((width) => ({ format: 'webp-e4' as const, width })),
  ...[480, 800, 1200, 1600].map((width) => ({ format: 'jpeg' as const, width })),
  { format: 'jpeg', width: 1200 }, // the feed's: 'jpeg', not the fallback's 'jpg', so a file of its own
];
const format: Format = PHOTO_FORMAT === 'webp' ? 'webp' : 'avif';
const newSet: Variant[] = [...PHOTO_WIDTHS.map((width) => ({ format, width })), { format: 'jpeg', width: FEED_WIDTH }];
/** One variant as a build makes it: through the image service, from the bytes Astro read once for all of a photo's files. */
const serviceConfig = { service: { entrypoint: '', config: { ...ENCODERS } } } as Parameters<
  typeof imageService.transform
>[2];
const quiet = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Parameters<
  typeof imageService.transform
>[3];
async function throughService(source: Buffer, { format, width }: Variant): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const { data } = await imageService.transform(
    source,
    { src: 'photo.jpg', width, format: OPTIONS[format][0] },
    serviceConfig,
    quiet,
  );
  return { ms: performance.now() - start, bytes: data.length };
}
const sets = [
  { name: 'old', variants: oldSet, press: (p: Buffer) => encodePressPhoto(p), make: encode },
  { name: 'new', variants: newSet, press: (p: Buffer) => makePressPhoto(p), make: encode },
  // A copy of each photo's bytes per measurement, so the service's decoded copy is not reused across them.
  {
    name: 'new, decoded once (image-service.ts)',
    variants: newSet,
    press: (p: Buffer) => makePressPhoto(p),
    make: throughService,
    fresh: true,
  },
];

/** Wall time per photo with one photo per core at a time, as Astro's image queue runs them. */
async function wallPerPhoto(photos: Buffer[], run: (photo: Buffer) => Promise<unknown>): Promise<number> {
  const queue = [...photos];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: os.availableParallelism() }, async () => {
      for (let photo = queue.shift(); photo; photo = queue.shift()) await run(photo);
    }),
  );
  return (performance.now() - start) / photos.length;
}

for (const [g, { label, photos }] of groups.entries()) {
  console.log(`2. Image work per story photo — ${label}`);
  for (const { name, variants, press, make, fresh } of sets) {
    const cpu: number[] = [];
    const pressMs: number[] = [];
    const read = (photo: Buffer) => (fresh ? Buffer.from(photo) : photo);
    for (const original of photos) {
      const photo = read(original);
      let total = 0;
      for (const v of variants) total += (await make(photo, v)).ms;
      cpu.push(total);
      const start = performance.now();
      await press(photo);
      pressMs.push(performance.now() - start);
    }
    const wall = await wallPerPhoto(photos, async (original) => {
      const photo = read(original);
      for (const v of variants) await make(photo, v);
      await press(photo);
    });
    const bytesPerPhoto = variants.reduce((sum, v) => sum + (bytes.get(key(g, v)) ?? 0), 0);
    console.log(
      `  ${name}: ${variants.length} variants + press photo; one after another ${ms(mean(cpu))} + press ${ms(mean(pressMs))}` +
        ` = ${ms(mean(cpu) + mean(pressMs))} per photo; build-like (${os.availableParallelism()} at a time) ${ms(wall)} wall per photo;` +
        ` ${kb(bytesPerPhoto)} of variants`,
    );
  }
  console.log();
}

// 3. What a phone downloads: sizes="100vw" below 48rem for both hero and card, so the browser
// takes the smallest width in srcset that covers 390 × DPR (or the largest there is).
const pick = (widths: number[], need: number) =>
  [...widths].sort((a, b) => a - b).find((w) => w >= need) ?? Math.max(...widths);
const phone = [
  {
    name: 'old',
    hero: { format: 'avif' as Format, widths: [480, 800, 1200] },
    card: { format: 'webp-e4' as Format, widths: [320, 640] },
  },
  { name: 'new', hero: { format, widths: [...PHOTO_WIDTHS] }, card: { format, widths: [...PHOTO_WIDTHS] } },
];
for (const [g, { label }] of groups.entries()) {
  console.log(`3. A phone 390 px wide downloads — ${label}`);
  for (const dpr of [2, 3]) {
    const cells = phone.map(({ name, hero, card }) => {
      const h = { format: hero.format, width: pick(hero.widths, 390 * dpr) };
      const c = { format: card.format, width: pick(card.widths, 390 * dpr) };
      return `${name}: hero ${h.format} ${h.width} ${kb(bytes.get(key(g, h))!)}, card ${c.format} ${c.width} ${kb(bytes.get(key(g, c))!)}`;
    });
    console.log(`  DPR ${dpr}: ${cells.join(' | ')}`);
  }
  console.log();
}
