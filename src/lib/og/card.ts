/**
 * Share cards (Open Graph images): 1200 × 630 PNGs drawn at build time. Satori lays out the
 * text with the fonts in `src/assets/fonts/` (never fetched), sharp rasterises the SVG.
 *
 * Pure Node — no `astro:*` imports — so the card can be drawn and tested outside a build.
 * The fonts and the logo are loaded once per process; a card then costs ~40 ms of CPU, or ~100
 * with a photo to crop, and {@link cardQueue} spreads that over both cores. {@link
 * drawCardCached} keeps each PNG under a hash of everything that goes into it, so an unchanged
 * entry is not drawn again. `scripts/bench/cards.ts` prints the figures.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import satori, { type Font } from 'satori';
import sharp, { type PngOptions } from 'sharp';
import { cardStats } from './stats.ts';

export { cardStats };

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Bump when the drawing changes, so cached cards are drawn again. */
const CARD_VERSION = 6;
const PHOTO_WIDTH = 500;
const DECORATION_WIDTH = 300;
/** zlib level 6 instead of 9: ~5× faster to encode for ~20 % more bytes (scripts/bench/cards.ts). */
const PNG_OPTIONS: PngOptions = { compressionLevel: 6 };

/** What one card shows. */
export interface CardInput {
  /** A short label above the title, e.g. "Historie". */
  kicker?: string | undefined;
  title: string;
  /** One line under the title: the companies, the category, the winner. */
  subtitle?: string | undefined;
  /** A picture on the right: a photo fills the panel, a logo sits centred on white. */
  picture?: { path: string; fit: 'cover' | 'contain' } | undefined;
}

/** What every card shares: the municipality's name, colours, logo and the fonts. */
export interface CardBrand {
  municipality: string;
  /** The site's host, e.g. socialoekonomi.kalundborg.dk. */
  host: string;
  colours: { primary: string; primaryDark: string; accent: string };
  /** The logo file (SVG, PNG or JPEG). */
  logoPath: string;
  /** Folder with the Noto Sans .woff files. */
  fontDir: string;
}

const FONT_FILES = [
  ['noto-sans-latin-400-normal.woff', 400],
  ['noto-sans-latin-700-normal.woff', 700],
  ['noto-sans-latin-ext-400-normal.woff', 400],
  ['noto-sans-latin-ext-700-normal.woff', 700],
] as const;

/** A satori element: the same shape as a React element, without React. */
interface Node {
  type: string;
  props: {
    style?: Record<string, string | number>;
    children?: (Node | string)[] | Node | string;
    src?: string;
    width?: number;
    height?: number;
  };
}
const h = (
  type: string,
  style: Record<string, string | number>,
  children?: (Node | string | false | undefined)[] | string,
  extra: Omit<Node['props'], 'style' | 'children'> = {},
): Node => ({
  type,
  props: {
    style,
    ...extra,
    ...(children === undefined
      ? {}
      : { children: typeof children === 'string' ? children : children.filter((c): c is Node | string => Boolean(c)) }),
  },
});

const dataUri = (bytes: Buffer, mime: string) => `data:${mime};base64,${bytes.toString('base64')}`;

/**
 * Fonts once per folder. Satori keeps the fonts it has parsed by the identity of this array
 * and of its buffers, so handing it the same array every time spares parsing them (~100 ms)
 * for every card.
 */
const fontsByDir = new Map<string, Promise<Font[]>>();
function loadFonts(fontDir: string): Promise<Font[]> {
  let fonts = fontsByDir.get(fontDir);
  if (!fonts) {
    fonts = Promise.all(
      FONT_FILES.map(async ([file, weight]) => ({
        name: 'Noto Sans',
        data: await readFile(path.join(fontDir, file)),
        weight,
        style: 'normal' as const,
      })),
    );
    fontsByDir.set(fontDir, fonts);
    fonts.catch(() => fontsByDir.delete(fontDir));
  }
  return fonts;
}

/**
 * The municipality's logo as satori's data URI, rasterised once per logo: keyed by its bytes,
 * so a dev server that sees a new logo draws the new one.
 */
const logoByHash = new Map<string, Promise<string>>();
async function loadLogo(logoPath: string): Promise<string> {
  const bytes = await readFile(logoPath);
  const key = createHash('sha256').update(bytes).digest('hex');
  let logo = logoByHash.get(key);
  if (!logo) {
    logo = sharp(bytes, { density: 300 })
      .resize(144, 144)
      .png()
      .toBuffer()
      .then((png) => dataUri(png, 'image/png'));
    logoByHash.set(key, logo);
    logo.catch(() => logoByHash.delete(key));
  }
  return logo;
}

/** Long titles get a smaller size and one more line, so that most fit whole (120 characters at most). */
function titleSize(title: string): { fontSize: number; lines: number } {
  if (title.length <= 36) return { fontSize: 64, lines: 3 };
  if (title.length <= 60) return { fontSize: 54, lines: 4 };
  return { fontSize: 46, lines: 5 };
}

function layout(input: CardInput, brand: CardBrand, logo: string, hasPicture: boolean): Node {
  const { colours } = brand;
  const title = titleSize(input.title);
  // Room under the title: the narrow column beside a picture has less of it.
  const subtitleLines = !hasPicture ? 3 : title.lines === 5 ? 1 : 2;
  const text = h(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      flexGrow: 1,
      flexBasis: 0,
      padding: '64px 64px 48px 72px',
      justifyContent: 'space-between',
    },
    [
      h('div', { display: 'flex', flexDirection: 'column' }, [
        input.kicker &&
          h(
            'div',
            {
              display: 'flex',
              color: colours.accent,
              fontSize: 28,
              fontWeight: 700,
              letterSpacing: 1,
              textTransform: 'uppercase',
              marginBottom: 20,
            },
            input.kicker,
          ),
        h(
          'div',
          {
            display: 'block',
            color: '#ffffff',
            fontSize: title.fontSize,
            fontWeight: 700,
            lineHeight: 1.15,
            lineClamp: title.lines,
          },
          input.title,
        ),
        input.subtitle &&
          h(
            'div',
            {
              display: 'block',
              color: '#e6eef3',
              fontSize: 30,
              lineHeight: 1.3,
              marginTop: 24,
              lineClamp: subtitleLines,
            },
            input.subtitle,
          ),
      ]),
      h('div', { display: 'flex', alignItems: 'center' }, [
        // On white, so a logo drawn in the card's own colour still stands out.
        h('div', { display: 'flex', backgroundColor: '#ffffff', borderRadius: 18, padding: 6 }, [
          h('img', { width: 72, height: 72, borderRadius: 14 }, undefined, { src: logo, width: 72, height: 72 }),
        ]),
        h('div', { display: 'flex', flexDirection: 'column', marginLeft: 20 }, [
          h('div', { display: 'flex', color: '#ffffff', fontSize: 30, fontWeight: 700 }, brand.municipality),
          h('div', { display: 'flex', color: '#e6eef3', fontSize: 24 }, brand.host),
        ]),
      ]),
    ],
  );
  // The picture is copied into this white panel after rasterising (see drawCard).
  const panel =
    hasPicture && h('div', { display: 'flex', width: PHOTO_WIDTH, height: CARD_HEIGHT, backgroundColor: '#ffffff' });
  // Without a picture the right side would be empty: two circles in the brand's colours fill it
  // quietly, in a panel of their own so they can never cover the text. They lie inside it on the
  // left, and the card's edge clips them elsewhere: `overflow: hidden` here made satori mask each
  // circle, which cost the rasteriser ~35 ms a card.
  const decoration =
    !hasPicture &&
    h('div', { display: 'flex', position: 'relative', width: DECORATION_WIDTH, height: CARD_HEIGHT }, [
      h('div', {
        display: 'flex',
        position: 'absolute',
        left: 40,
        top: -170,
        width: 520,
        height: 520,
        borderRadius: 260,
        backgroundColor: colours.primaryDark,
      }),
      h('div', {
        display: 'flex',
        position: 'absolute',
        left: 20,
        top: 470,
        width: 190,
        height: 190,
        borderRadius: 95,
        backgroundColor: colours.accent,
      }),
    ]);
  return h(
    'div',
    {
      display: 'flex',
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      backgroundColor: colours.primary,
      fontFamily: 'Noto Sans',
    },
    [
      h('div', { display: 'flex', width: 16, height: CARD_HEIGHT, backgroundColor: colours.accent }),
      text,
      panel || decoration,
    ],
  );
}

/**
 * The right-hand panel's pixels, opaque RGB: a photo cropped to fill it, or a logo centred
 * with white around it.
 */
async function preparePicture(picture: NonNullable<CardInput['picture']>): Promise<Buffer> {
  const image = sharp(await readFile(picture.path)).rotate();
  const white = { r: 255, g: 255, b: 255 };
  if (picture.fit === 'cover')
    return image
      .resize(PHOTO_WIDTH, CARD_HEIGHT, { fit: 'cover', position: 'attention' })
      .flatten({ background: white })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer();
  // Raw between the two steps: extend needs the resized size, and a PNG in between cost ~20 ms.
  const logo = await image
    .resize(280, 280, { fit: 'inside' })
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const { width, height, channels } = logo.info;
  // Centred the way sharp's gravity: 'centre' rounds, as when it was composited on white.
  const left = Math.floor((PHOTO_WIDTH - width + 1) / 2);
  const top = Math.floor((CARD_HEIGHT - height + 1) / 2);
  return sharp(logo.data, { raw: { width, height, channels } })
    .flatten({ background: white })
    .extend({ left, top, right: PHOTO_WIDTH - width - left, bottom: CARD_HEIGHT - height - top, background: white })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer();
}

/**
 * Satori masks every image with a white rectangle of the image's own box, which changes no
 * pixel (the image fills that box, and its clip path still rounds the corners) but makes
 * librsvg render the image into an offscreen surface: ~15 ms a card. The logo is the only image.
 */
const withoutImageMasks = (svg: string) => svg.replace(/(<image [^>]*?) mask="url\(#satori_om-[^"]*\)"/g, '$1');

/**
 * Draws one card as a PNG. Satori lays out everything but the picture and sharp rasterises
 * it; the picture's rows are then copied into the white panel, which costs next to nothing
 * where drawing it through the SVG or sharp's composite (which blends in floating point)
 * cost 20–40 ms a card.
 */
export async function drawCard(input: CardInput, brand: CardBrand): Promise<Buffer> {
  const hasPicture = input.picture !== undefined;
  const [fonts, logo, picture] = await Promise.all([
    loadFonts(brand.fontDir),
    loadLogo(brand.logoPath),
    input.picture ? preparePicture(input.picture) : undefined,
  ]);
  const svg = await satori(layout(input, brand, logo, hasPicture) as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
  });
  const pixels = await sharp(Buffer.from(withoutImageMasks(svg)))
    .removeAlpha()
    .raw({ depth: 'uchar' })
    .toBuffer();
  if (picture) {
    const row = PHOTO_WIDTH * 3;
    const left = (CARD_WIDTH - PHOTO_WIDTH) * 3;
    for (let y = 0; y < CARD_HEIGHT; y++) picture.copy(pixels, y * CARD_WIDTH * 3 + left, y * row, (y + 1) * row);
  }
  return sharp(pixels, { raw: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 3 } })
    .png(PNG_OPTIONS)
    .toBuffer();
}

/** A hash of everything that changes the picture: the text, the brand, and the bytes of every file drawn. */
export async function cardKey(input: CardInput, brand: CardBrand): Promise<string> {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      CARD_VERSION,
      input: { ...input, picture: input.picture?.fit },
      brand: { ...brand, logoPath: undefined, fontDir: undefined },
    }),
  );
  const files = [
    brand.logoPath,
    ...FONT_FILES.map(([file]) => path.join(brand.fontDir, file)),
    ...(input.picture ? [input.picture.path] : []),
  ];
  for (const file of files) hash.update(await readFile(file));
  return hash.digest('hex').slice(0, 32);
}

/**
 * Draws a card, or returns the PNG drawn for the same inputs before. The cache is a folder of
 * `<hash>.png` files; a stale file is never read, because any change gives a new hash.
 */
export async function drawCardCached(input: CardInput, brand: CardBrand, cacheDir: string): Promise<Buffer> {
  const file = path.join(cacheDir, `${await cardKey(input, brand)}.png`);
  const cached = await readFile(file).catch(() => undefined);
  if (cached) {
    cardStats.cached++;
    return cached;
  }
  const png = await drawCard(input, brand);
  cardStats.drawn++;
  await mkdir(cacheDir, { recursive: true });
  // Write then rename, so a build stopped halfway never leaves half a PNG in the cache.
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, png);
  await rename(partial, file);
  return png;
}

/**
 * How many cards to have in progress beyond the one a page waits for. Astro renders one page at
 * a time, so without this only one card is ever being drawn; with it, satori lays out the next
 * card on the main thread while sharp rasterises and encodes others on libuv's threads, and both
 * cores work. 3 or 4 ahead measured within the noise of 2 on this 2-core machine (`scripts/bench/cards.ts --ahead N`).
 */
export const CARDS_AHEAD = 2;

/**
 * Serves a build's cards in the order its pages ask for them, drawing up to `ahead` of the next
 * ones meanwhile. Only those few are held in memory, so 10,000 cards take no more than 10. A key
 * asked for again (a dev server reloading a page) is drawn again, which the cache makes cheap.
 */
export function cardQueue(
  cards: readonly { key: string; input: CardInput }[],
  draw: (input: CardInput) => Promise<Buffer>,
  ahead = CARDS_AHEAD,
): (key: string) => Promise<Buffer> {
  const index = new Map(cards.map((card, i) => [card.key, i]));
  const started = new Set<number>();
  const pending = new Map<number, Promise<Buffer>>();
  const start = (i: number) => {
    const card = cards[i];
    if (!card || started.has(i)) return;
    started.add(i);
    const png = draw(card.input);
    // Its page awaits it and gets the error; until then a failure must not end the process.
    png.catch(() => undefined);
    pending.set(i, png);
  };
  return (key) => {
    const i = index.get(key);
    const card = i === undefined ? undefined : cards[i];
    if (i === undefined || !card) return Promise.reject(new Error(`Intet delekort med nøglen ${key}`));
    for (let next = i; next <= i + ahead; next++) start(next);
    const png = pending.get(i);
    // Cards before this one that were drawn but never asked for belong to pages the build
    // skipped (an incremental build copies unchanged pages): let them go.
    for (const earlier of pending.keys()) if (earlier <= i) pending.delete(earlier);
    return png ?? draw(card.input);
  };
}
