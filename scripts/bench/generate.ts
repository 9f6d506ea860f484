/**
 * Generated content in the project's own format, for the build benchmark (`npm run bench:build`)
 * and for trying the site at a national scale. Proportions follow the issue that set the goals:
 * of N entries, 20 % companies, 60 % offerings and 20 % stories, each story with a photo of its
 * own (1600 × 1000 JPEG, noisy enough that encoders do the work a real photo costs).
 *
 * The entries are written next to whatever content is already there (a copy of `src/content`),
 * using its categories and the site's towns, so every one of them passes `npm run check`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { site } from '../../src/site.config.ts';

const WORDS = [
  'frokost',
  'catering',
  'møder',
  'genbrug',
  'reparation',
  'møbler',
  'cykler',
  'tekstil',
  'syning',
  'have',
  'grøn',
  'pleje',
  'rengøring',
  'tryk',
  'skilte',
  'gaver',
  'honning',
  'flytning',
  'kurser',
  'værksted',
  'fleksjob',
  'praktik',
  'lokal',
  'levering',
  'institutioner',
  'kontorer',
  'arrangementer',
  'kvalitet',
  'service',
  'håndværk',
  'kollegaer',
  'fællesskab',
  'opgaver',
  'kunder',
  'erfaring',
  'ansvar',
];

/** A deterministic pseudo-random sequence, so two runs generate the same text. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function sentence(next: () => number, words: number): string {
  const picked = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]);
  const text = picked.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Paragraphs of about `bytes` bytes, with a heading now and then, like an editor's text. */
function body(next: () => number, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const paragraph = Array.from({ length: 3 + Math.floor(next() * 3) }, () =>
      sentence(next, 8 + Math.floor(next() * 8)),
    ).join(' ');
    if (parts.length > 0 && parts.length % 3 === 0) parts.push(`## ${sentence(next, 3).slice(0, -1)}`);
    parts.push(paragraph);
    size += paragraph.length;
  }
  return parts.join('\n\n');
}

/**
 * A valid CVR number of its own for company i (weights 2 7 6 5 4 3 2 1, sum divisible by 11): the
 * last digit has weight 1, so of the ten numbers ending a block at most one is valid; blocks
 * without one move a million blocks on.
 */
function cvr(i: number): string {
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  for (let block = 3_000_000 + i; ; block += 1_000_000) {
    for (let last = 0; last < 10; last++) {
      const n = String(block * 10 + last);
      const sum = [...n].reduce((total, digit, k) => total + Number(digit) * weights[k]!, 0);
      if (sum % 11 === 0) return n;
    }
  }
}

const pad = (i: number) => String(i).padStart(5, '0');
const quote = (s: string) => JSON.stringify(s);

/** Film grain, made once: the same for every photo, while the colours underneath differ. */
let grain: Promise<Buffer> | undefined;

/** The size of a generated story photo: a real photo's by default, or a small one for fast test builds. */
export interface PhotoSize {
  width: number;
  height: number;
}
const FULL_PHOTO: PhotoSize = { width: 1600, height: 1000 };

/** A photo-like JPEG: smooth blobs of colour with grain, different for every seed. */
export async function photo(seed: number, { width, height }: PhotoSize = FULL_PHOTO): Promise<Buffer> {
  const next = random(seed * 7919 + 13);
  const noise = (sigma: number) => ({ type: 'gaussian' as const, mean: 128, sigma });
  const blobs = await sharp({
    create: { width: 32, height: 20, channels: 3, noise: noise(70), background: '#000' },
  })
    .resize(width, height, { kernel: 'cubic' })
    .tint({ r: Math.floor(next() * 255), g: Math.floor(next() * 255), b: Math.floor(next() * 255) })
    .raw()
    .toBuffer();
  // The grain of the full size is made once and shared; another size makes its own.
  const grainOf = () =>
    sharp({ create: { width, height, channels: 3, noise: noise(18), background: '#000' } })
      .raw()
      .toBuffer();
  const sameGrain = width === FULL_PHOTO.width && height === FULL_PHOTO.height;
  const grainBytes = sameGrain ? await (grain ??= grainOf()) : await grainOf();
  return sharp(blobs, { raw: { width, height, channels: 3 } })
    .composite([{ input: grainBytes, raw: { width, height, channels: 3 }, blend: 'soft-light' }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

export interface Generated {
  companies: string[];
  offerings: string[];
  stories: string[];
  /** Every generated Markdown file, for the bare skeleton to mirror (title and size). */
  files: { title: string; text: string }[];
}

/**
 * Writes `entries` new entries into `contentDir` (a copy of a valid `src/content`).
 * `categories` are the ids an offering may use; `photoSize` makes the story photos smaller than a
 * real photo, for tests that need many entries but not the cost of resizing real photos.
 */
export async function generateEntries(
  contentDir: string,
  entries: number,
  categories: string[],
  options: { photoSize?: PhotoSize } = {},
): Promise<Generated> {
  const companies = Math.max(1, Math.round(entries * 0.2));
  const stories = Math.max(1, Math.round(entries * 0.2));
  const offerings = Math.max(0, entries - companies - stories);
  const out: Generated = { companies: [], offerings: [], stories: [], files: [] };
  const write = async (folder: string, id: string, title: string, text: string) => {
    await writeFile(path.join(contentDir, folder, `${id}.md`), text);
    out.files.push({ title, text });
  };
  for (const folder of ['companies', 'offerings', 'stories', 'stories/images']) {
    await mkdir(path.join(contentDir, folder), { recursive: true });
  }

  for (let i = 0; i < companies; i++) {
    const next = random(i + 1);
    const id = `genereret-virksomhed-${pad(i)}`;
    const name = `Genereret Virksomhed ${pad(i)} ApS`;
    const town = site.towns[i % site.towns.length]!;
    out.companies.push(id);
    // Every third is social-economy: the catalogue's suppliers (offering i is sold by one of them).
    await write(
      'companies',
      id,
      name,
      [
        '---',
        `name: ${quote(name)}`,
        `kind: ${i % 3 === 0 ? 'social-economy' : 'private'}`,
        `cvr: "${cvr(i)}"`,
        `summary: ${quote(`Virksomhed med ${sentence(next, 10).toLowerCase()}`)}`,
        `address: { street: "Vej ${i + 1}", postalCode: "4400", city: ${quote(town)} }`,
        `contact: { email: "kontakt${i}@genereret.example" }`,
        'inclusion: [flexjob, internship]',
        '---',
        '',
        body(next, 900),
        '',
      ].join('\n'),
    );
  }

  for (let i = 0; i < offerings; i++) {
    const next = random(100_000 + i);
    const id = `genereret-tilbud-${pad(i)}`;
    const title = `${sentence(next, 3).slice(0, -1)} ${pad(i)}`;
    out.offerings.push(id);
    await write(
      'offerings',
      id,
      title,
      [
        '---',
        `title: ${quote(title)}`,
        `company: ${out.companies[3 * (i % Math.ceil(companies / 3))]}`,
        `type: ${i % 2 === 0 ? 'service' : 'product'}`,
        `category: ${categories[i % categories.length]}`,
        `summary: ${quote(sentence(next, 14))}`,
        'audiences: [businesses, public-sector]',
        'deliveryArea: "Kalundborg Kommune"',
        i % 4 === 0
          ? 'deliversTo: { municipality: true }'
          : `deliversTo: { towns: [${quote(site.towns[i % site.towns.length]!)}] }`,
        `price: "fra ${100 + (i % 50) * 10} kr."`,
        '---',
        '',
        body(next, 500),
        '',
      ].join('\n'),
    );
  }

  for (let i = 0; i < stories; i++) {
    const next = random(200_000 + i);
    const id = `genereret-historie-${pad(i)}`;
    const title = `${sentence(next, 6).slice(0, -1)} (${pad(i)})`;
    const day = new Date(Date.UTC(2020, 0, 1) + (i % 2000) * 86_400_000).toISOString().slice(0, 10);
    out.stories.push(id);
    await writeFile(path.join(contentDir, 'stories', 'images', `${id}.jpg`), await photo(i, options.photoSize));
    const named = [out.companies[i % companies], out.companies[(i * 7 + 3) % companies]];
    await write(
      'stories',
      id,
      title,
      [
        '---',
        `title: ${quote(title)}`,
        `lede: ${quote(sentence(next, 24))}`,
        `published: ${day}`,
        'companies:',
        ...[...new Set(named)].map((c) => `  - ${c}`),
        `pillars: [${1 + (i % 5)}]`,
        `image: ./images/${id}.jpg`,
        `imageAlt: ${quote(`Genereret billede nummer ${i}`)}`,
        'imageCredit: "Foto: Genereret"',
        '---',
        '',
        body(next, 2000),
        '',
      ].join('\n'),
    );
  }
  return out;
}
