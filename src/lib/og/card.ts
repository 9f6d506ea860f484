/**
 * Share cards (Open Graph images): 1200 × 630 JPEGs drawn at build time. Satori lays out the
 * text with the fonts in `src/assets/fonts/` (never fetched), sharp rasterises the SVG.
 *
 * Pure Node — no `astro:*` imports — so the card can be drawn and tested outside a build, and in
 * a worker thread (`card-worker.ts`, which a build uses through {@link cardQueue}, so cards are
 * drawn while the pages render). The fonts, the logo and the frame around the heading (bar,
 * colours, footer, circles) are made once per process; a card then costs satori's layout of its
 * heading, rasterising that, and encoding the JPEG (~25 ms of CPU), ~30 more with a photo to crop.
 * {@link drawCardCached} and {@link cardFile} keep each JPEG under a hash of everything that goes
 * into it, so an unchanged entry is not drawn again. `scripts/bench/cards.ts` prints the figures.
 */
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import satori, { type Font } from 'satori';
import sharp, { type JpegOptions } from 'sharp';
import { cardStats } from './stats.ts';

export { cardStats };

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Bump when the drawing changes, so cached cards are drawn again. */
const CARD_VERSION = 9;
const PHOTO_WIDTH = 500;
const DECORATION_WIDTH = 300;
const BAR_WIDTH = 16;
/** The text column's padding: top, right, bottom, left. */
const PAD = { top: 64, right: 64, bottom: 48, left: 72 } as const;
/** The logo tile at the foot of the text column: 72 px and 6 px of white around it. */
const FOOTER_HEIGHT = 72 + 2 * 6;
/**
 * Where the kicker, title and subtitle go: the text column inside its padding, above the footer.
 * They are the only part of a card that changes from entry to entry (beside the picture).
 */
const headingBox = (hasPicture: boolean) => ({
  left: BAR_WIDTH + PAD.left,
  top: PAD.top,
  width: CARD_WIDTH - BAR_WIDTH - (hasPicture ? PHOTO_WIDTH : DECORATION_WIDTH) - PAD.left - PAD.right,
  height: CARD_HEIGHT - PAD.top - PAD.bottom - FOOTER_HEIGHT,
});
/**
 * JPEG, quality 80, 4:2:0, libjpeg-turbo's own encoder with its standard Huffman tables: every
 * platform that reads Open Graph images reads JPEG. Measured on the cards of a 1,000-entry site
 * (`scripts/bench/cards.ts`): a card with a photo was a 470–700 KB PNG (zlib level 6, 14 ms to
 * encode), 60 % of the published site; a card of text on the brand's colours was about the same
 * size either way. Among JPEGs (20 cards of each kind with a generated story's title, kicker and
 * companies, encoded one at a time, CPU a card): quality 85 with optimised Huffman tables,
 * sharp's default, 5.7–8.9 ms for 56 KB of text card and 75 KB with a photo;
 * quality 80 with the standard tables 3.1–4.4 ms for 55 and 68 KB — optimising the tables is a
 * second pass over the whole card, and cost more than the five steps of quality saved. Enlarged
 * 2×, the letters' edges look the same at 80 and 85; 4:4:4 colour added a third to the bytes and
 * doubled the time for nothing a platform's preview shows.
 */
const JPEG_OPTIONS: JpegOptions = { quality: 80, chromaSubsampling: '4:2:0', mozjpeg: false, optimiseCoding: false };

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

/** The kicker, title and subtitle: all that changes from one entry's card to the next. */
function heading(input: CardInput, colours: CardBrand['colours'], hasPicture: boolean): Node {
  const title = titleSize(input.title);
  // Room under the title: the narrow column beside a picture has less of it.
  const subtitleLines = !hasPicture ? 3 : title.lines === 5 ? 1 : 2;
  return h('div', { display: 'flex', flexDirection: 'column' }, [
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
        // A Danish compound longer than the column is broken, not run into the picture.
        wordBreak: 'break-word',
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
          wordBreak: 'break-word',
        },
        input.subtitle,
      ),
  ]);
}

/**
 * The whole card around `top` (the heading, or an empty box in its place): the accent bar, the
 * municipality's colour, the logo and host at the foot, and the picture's panel or the circles.
 * The bar and the panel never shrink, so a word too long for the column cannot move them.
 */
function layout(top: Node, brand: CardBrand, logo: string, hasPicture: boolean): Node {
  const { colours } = brand;
  const text = h(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      flexGrow: 1,
      flexBasis: 0,
      padding: `${PAD.top}px ${PAD.right}px ${PAD.bottom}px ${PAD.left}px`,
      justifyContent: 'space-between',
    },
    [
      top,
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
    hasPicture &&
    h('div', { display: 'flex', flexShrink: 0, width: PHOTO_WIDTH, height: CARD_HEIGHT, backgroundColor: '#ffffff' });
  // Without a picture the right side would be empty: two circles in the brand's colours fill it
  // quietly, in a panel of their own so they can never cover the text. They lie inside it on the
  // left, and the card's edge clips them elsewhere: `overflow: hidden` here made satori mask each
  // circle, which cost the rasteriser ~35 ms a card.
  const decoration =
    !hasPicture &&
    h('div', { display: 'flex', flexShrink: 0, position: 'relative', width: DECORATION_WIDTH, height: CARD_HEIGHT }, [
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
      h('div', {
        display: 'flex',
        flexShrink: 0,
        width: BAR_WIDTH,
        height: CARD_HEIGHT,
        backgroundColor: colours.accent,
      }),
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

/** Satori's SVG of `node`, rasterised by sharp to raw RGB pixels. */
async function rasterise(node: Node, width: number, height: number, fonts: Font[]): Promise<Buffer> {
  const svg = await satori(node as Parameters<typeof satori>[0], { width, height, fonts });
  return sharp(Buffer.from(withoutImageMasks(svg)))
    .removeAlpha()
    .raw({ depth: 'uchar' })
    .toBuffer();
}

/**
 * Everything but the heading and the picture, drawn once per brand and kind of card: the same on
 * every card, it was a third of each card's rasterising when it was drawn with each one.
 */
const frames = new Map<string, Promise<Buffer>>();
function frameOf(brand: CardBrand, logo: string, fonts: Font[], hasPicture: boolean): Promise<Buffer> {
  const key = createHash('sha256')
    .update(JSON.stringify([brand.municipality, brand.host, brand.colours, hasPicture]))
    .update(logo)
    .digest('hex');
  let frame = frames.get(key);
  if (!frame) {
    const room = headingBox(hasPicture);
    const empty = h('div', { display: 'flex', width: room.width, height: room.height });
    frame = rasterise(layout(empty, brand, logo, hasPicture), CARD_WIDTH, CARD_HEIGHT, fonts);
    frames.set(key, frame);
    frame.catch(() => frames.delete(key));
  }
  return frame;
}

/**
 * The heading's canvas reaches into the column's right padding: a word too long for the column
 * runs on into it, as it does on a card drawn in one piece.
 */
const canvasWidth = (box: ReturnType<typeof headingBox>) => box.width + PAD.right;

/**
 * Copies the heading's rows into the frame. The heading is drawn on the card's own colour, which
 * is all there is under it, so its pixels are the card's: no blending (which, done in JavaScript
 * for a transparent heading, cost ~7 ms a card).
 */
function placeHeading(card: Buffer, heading: Buffer, box: ReturnType<typeof headingBox>): void {
  const row = canvasWidth(box) * 3;
  for (let y = 0; y < box.height; y++)
    heading.copy(card, ((box.top + y) * CARD_WIDTH + box.left) * 3, y * row, (y + 1) * row);
}

/**
 * Copies the picture's rows into the white panel, which costs next to nothing where drawing it
 * through the SVG or sharp's composite (which blends in floating point) cost 20–40 ms a card.
 */
function placePicture(pixels: Buffer, picture: Buffer | undefined): Buffer {
  if (picture) {
    const row = PHOTO_WIDTH * 3;
    const left = (CARD_WIDTH - PHOTO_WIDTH) * 3;
    for (let y = 0; y < CARD_HEIGHT; y++) picture.copy(pixels, y * CARD_WIDTH * 3 + left, y * row, (y + 1) * row);
  }
  return pixels;
}

/** The file a card is published as: {@link CARD_WIDTH} × {@link CARD_HEIGHT} raw RGB pixels, encoded. */
export const encodeCard = (pixels: Buffer): Promise<Buffer> =>
  sharp(pixels, { raw: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 3 } })
    .jpeg(JPEG_OPTIONS)
    .toBuffer();

/** What a card is drawn with: the fonts, the logo and the picture's pixels, ready. */
async function materials(input: CardInput, brand: CardBrand) {
  const [fonts, logo, picture] = await Promise.all([
    loadFonts(brand.fontDir),
    loadLogo(brand.logoPath),
    input.picture ? preparePicture(input.picture) : undefined,
  ]);
  return { hasPicture: input.picture !== undefined, fonts, logo, picture };
}

/**
 * One card's pixels, before encoding: raw RGB, {@link CARD_WIDTH} × {@link CARD_HEIGHT}. The frame
 * comes from {@link frameOf}; satori lays out only the heading, which sharp rasterises on a small
 * canvas of its own in the card's colour, copied into the frame; then the picture.
 */
export async function cardPixels(input: CardInput, brand: CardBrand): Promise<Buffer> {
  const { hasPicture, fonts, logo, picture } = await materials(input, brand);
  const box = headingBox(hasPicture);
  const top = heading(input, brand.colours, hasPicture);
  const canvas = h(
    'div',
    { display: 'flex', width: canvasWidth(box), height: box.height, backgroundColor: brand.colours.primary },
    [{ ...top, props: { ...top.props, style: { ...top.props.style, width: box.width, height: box.height } } }],
  );
  const [frame, text] = await Promise.all([
    frameOf(brand, logo, fonts, hasPicture),
    rasterise(canvas, canvasWidth(box), box.height, fonts),
  ]);
  const pixels = Buffer.from(frame);
  placeHeading(pixels, text, box);
  return placePicture(pixels, picture);
}

/** Draws one card as the JPEG that is published: {@link cardPixels}, encoded. */
export const drawCard = async (input: CardInput, brand: CardBrand): Promise<Buffer> =>
  encodeCard(await cardPixels(input, brand));

/**
 * The same card's pixels drawn in one piece, heading and frame in one SVG: what {@link cardPixels}
 * must look like (test/unit/og-card.test.ts compares the two), and, encoded, the "before" of
 * `scripts/bench/cards.ts`.
 */
export async function cardPixelsInOnePiece(input: CardInput, brand: CardBrand): Promise<Buffer> {
  const { hasPicture, fonts, logo, picture } = await materials(input, brand);
  const card = layout(heading(input, brand.colours, hasPicture), brand, logo, hasPicture);
  return placePicture(await rasterise(card, CARD_WIDTH, CARD_HEIGHT, fonts), picture);
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
  for (const digest of await Promise.all(files.map(fileDigest))) hash.update(digest);
  return hash.digest('hex').slice(0, 32);
}

/**
 * A file's digest, kept while its size and time stay the same: the fonts and the logo go into
 * every card, and were read again for each of them.
 */
const digests = new Map<string, Promise<string>>();
async function fileDigest(file: string): Promise<string> {
  const { size, mtimeMs } = await stat(file);
  const key = `${file}\0${size}\0${mtimeMs}`;
  let digest = digests.get(key);
  if (!digest) {
    digest = readFile(file).then((bytes) => createHash('sha256').update(bytes).digest('hex'));
    digests.set(key, digest);
    digest.catch(() => digests.delete(key));
  }
  return digest;
}

/** Writes a card into the cache: to a file of this thread's own, then renamed, so a build stopped halfway never leaves half a JPEG. */
async function store(file: string, card: Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}-${threadId}.tmp`;
  await writeFile(partial, card);
  await rename(partial, file);
}

const cacheFile = async (input: CardInput, brand: CardBrand, cacheDir: string) =>
  path.join(cacheDir, `${await cardKey(input, brand)}.jpg`);

/**
 * Draws a card, or returns the JPEG drawn for the same inputs before: {@link cardFile}'s file, read.
 * The cache is a folder of `<hash>.jpg` files; a stale file is never read, because any change
 * gives a new hash.
 */
export async function drawCardCached(input: CardInput, brand: CardBrand, cacheDir: string): Promise<Buffer> {
  return readFile((await cardFile(input, brand, cacheDir)).file);
}

/** Makes sure the card is in the cache, drawing it if it is not; says where, and whether it was drawn. */
export async function cardFile(
  input: CardInput,
  brand: CardBrand,
  cacheDir: string,
): Promise<{ file: string; drawn: boolean }> {
  const file = await cacheFile(input, brand, cacheDir);
  const cached = await access(file).then(
    () => true,
    () => false,
  );
  if (cached) {
    cardStats.cached++;
    return { file, drawn: false };
  }
  await store(file, await drawCard(input, brand));
  cardStats.drawn++;
  return { file, drawn: true };
}

/**
 * How many cards a build has in progress at once: while sharp rasterises, crops and encodes some
 * on libuv's threads, satori lays out the next in the card thread. On 2 cores
 * (`scripts/bench/cards.ts --cards 120 --ahead N`, quiet machine, two runs): 2 at once 20.8–21.2 ms
 * a card, 3 at once 18.7–19.7, 4 at once 18.2–18.4, for the same CPU (32 ms a card) — four keep
 * both cores busier while the build waits for its cards.
 */
export const CARDS_AHEAD = 4;

/** The cards of a build, as its pages want them. */
export interface CardQueue {
  /** The file of the card with this key, in the cache: drawn now if it has not been begun. */
  card(key: string): Promise<string>;
  /**
   * Asks for the card to be drawn in the background, `ahead` at a time, in the order asked: an
   * entry's page says so when it renders, long before the build reaches the card's own route.
   */
  prefetch(key: string): void;
}

/**
 * Serves the cards of a build. A page that renders prefetches its card, so cards are drawn while
 * the other pages render; an incremental build that copies a page asks for nothing. When a card's
 * route asks, its card is begun at once if it is not yet, and the next `ahead` in order are
 * prefetched, as card routes come in order (a few at a time: `build.concurrency`). Only file names
 * are kept, so 10,000 cards cost no memory to speak of. A card asked for again (a dev server
 * reloading its page) is looked up again, which the cache makes cheap; a card that cannot be drawn
 * fails its own page only.
 */
export function cardQueue(
  cards: readonly { key: string; input: CardInput }[],
  draw: (input: CardInput) => Promise<string>,
  ahead = CARDS_AHEAD,
): CardQueue {
  const index = new Map(cards.map((card, i) => [card.key, i]));
  const pending = new Map<number, Promise<string>>();
  const started = new Set<number>();
  const wanted: number[] = [];
  let inFlight = 0;
  const start = (i: number) => {
    started.add(i);
    inFlight++;
    const file = draw(cards[i]!.input).finally(() => {
      inFlight--;
      pump();
    });
    // Its page awaits it and gets the error; until then a failure must not end the process.
    file.catch(() => undefined);
    pending.set(i, file);
  };
  const pump = () => {
    while (inFlight < ahead && wanted.length > 0) {
      const i = wanted.shift()!;
      if (!started.has(i)) start(i);
    }
  };
  const queued = new Set<number>();
  // With nothing ahead (a dev server) nothing is drawn in the background.
  const want = (i: number) => {
    if (ahead > 0 && i < cards.length && !started.has(i) && !queued.has(i)) {
      queued.add(i);
      wanted.push(i);
    }
  };
  return {
    card(key) {
      const i = index.get(key);
      const card = i === undefined ? undefined : cards[i];
      if (i === undefined || !card) return Promise.reject(new Error(`Intet delekort med nøglen ${key}`));
      if (!started.has(i)) start(i);
      for (let next = i + 1; next <= i + ahead; next++) want(next);
      pump();
      const file = pending.get(i);
      pending.delete(i);
      return file ?? draw(card.input);
    },
    prefetch(key) {
      const i = index.get(key);
      if (i === undefined) return;
      want(i);
      pump();
    },
  };
}
