/**
 * Share cards (Open Graph images): 1200 × 630 PNGs drawn at build time. Satori lays out the
 * text with the fonts in `src/assets/fonts/` (never fetched), sharp rasterises the SVG.
 *
 * Pure Node — no `astro:*` imports — so the card can be drawn and tested outside a build.
 * Drawing takes ~100 ms a card; {@link drawCardCached} keeps each PNG under a hash of
 * everything that goes into it, so an unchanged entry is not drawn again.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import satori, { type Font } from 'satori';
import sharp from 'sharp';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Bump when the drawing changes, so cached cards are drawn again. */
const CARD_VERSION = 5;
const PHOTO_WIDTH = 500;
const DECORATION_WIDTH = 300;

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

async function loadFonts(fontDir: string): Promise<Font[]> {
  return Promise.all(
    FONT_FILES.map(async ([file, weight]) => ({
      name: 'Noto Sans',
      data: await readFile(path.join(fontDir, file)),
      weight,
      style: 'normal' as const,
    })),
  );
}

/** Long titles get a smaller size and one more line, so that most fit whole (120 characters at most). */
function titleSize(title: string): { fontSize: number; lines: number } {
  if (title.length <= 36) return { fontSize: 64, lines: 3 };
  if (title.length <= 60) return { fontSize: 54, lines: 4 };
  return { fontSize: 46, lines: 5 };
}

function layout(input: CardInput, brand: CardBrand, logo: string, picture: string | undefined): Node {
  const { colours } = brand;
  const title = titleSize(input.title);
  // Room under the title: the narrow column beside a picture has less of it.
  const subtitleLines = !picture ? 3 : title.lines === 5 ? 1 : 2;
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
  const panel =
    picture &&
    h(
      'div',
      {
        display: 'flex',
        width: PHOTO_WIDTH,
        height: CARD_HEIGHT,
        backgroundColor: '#ffffff',
        alignItems: 'center',
        justifyContent: 'center',
      },
      [
        h('img', { width: PHOTO_WIDTH, height: CARD_HEIGHT }, undefined, {
          src: picture,
          width: PHOTO_WIDTH,
          height: CARD_HEIGHT,
        }),
      ],
    );
  // Without a picture the right side would be empty: two circles in the brand's colours fill it
  // quietly, in a panel of their own so they can never cover the text.
  const decoration =
    !picture &&
    h(
      'div',
      { display: 'flex', position: 'relative', width: DECORATION_WIDTH, height: CARD_HEIGHT, overflow: 'hidden' },
      [
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
      ],
    );
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

/** The right-hand panel: a photo cropped to fill it, or a logo centred with white around it. */
async function preparePicture(picture: NonNullable<CardInput['picture']>): Promise<Buffer> {
  const image = sharp(await readFile(picture.path)).rotate();
  if (picture.fit === 'cover')
    return image
      .resize(PHOTO_WIDTH, CARD_HEIGHT, { fit: 'cover', position: 'attention' })
      .jpeg({ quality: 82 })
      .toBuffer();
  const logo = await image.resize(280, 280, { fit: 'inside' }).png().toBuffer();
  return sharp({ create: { width: PHOTO_WIDTH, height: CARD_HEIGHT, channels: 3, background: '#ffffff' } })
    .composite([{ input: logo, gravity: 'centre' }])
    .png()
    .toBuffer();
}

/** Draws one card as a PNG. */
export async function drawCard(input: CardInput, brand: CardBrand): Promise<Buffer> {
  const [fonts, logo, picture] = await Promise.all([
    loadFonts(brand.fontDir),
    readFile(brand.logoPath).then((bytes) => sharp(bytes, { density: 300 }).resize(144, 144).png().toBuffer()),
    input.picture ? preparePicture(input.picture) : undefined,
  ]);
  const pictureUri = picture && dataUri(picture, input.picture?.fit === 'cover' ? 'image/jpeg' : 'image/png');
  const svg = await satori(
    layout(input, brand, dataUri(logo, 'image/png'), pictureUri) as Parameters<typeof satori>[0],
    { width: CARD_WIDTH, height: CARD_HEIGHT, fonts },
  );
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
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

/** How many cards this process drew and how many it took from the cache (for the build log). */
export const cardStats = { drawn: 0, cached: 0 };

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
