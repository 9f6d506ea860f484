/**
 * Share cards: which entries get their own image, what it shows, and the meta a page puts in
 * its head. The drawing itself is in `og/card.ts`; this module feeds it from content and config.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImageMetadata } from 'astro';
import { cacheDir, publicDir, root, srcDir } from 'astro:config/server';
import { companies, getCategory, getCompany, offerings, prizes, stories } from './content/index.ts';
import { t } from './i18n/da.ts';
import { unmarked } from './images.ts';
import {
  cardFile,
  cardQueue,
  drawCardCached,
  CARD_HEIGHT,
  CARD_WIDTH,
  CARDS_AHEAD,
  type CardBrand,
  type CardInput,
} from './og/card.ts';
import { cardThread } from './og/thread.ts';
import { parseMarkdown } from './validation/read.ts';
import { DEFAULT_OG_IMAGE, cardFolder, ogImageUrl, type CardCollection } from './urls.ts';
import { site } from '../site.config.ts';

/** What a page's `<head>` says to social platforms. */
export interface ShareMeta {
  /** Path of the card image, e.g. `/og/historier/x.jpg`. */
  image: string;
  imageAlt: string;
  width: number;
  height: number;
  /** `article` for stories (with dates), `website` for everything else. */
  type: 'website' | 'article';
  published?: Date | undefined;
  modified?: Date | undefined;
}

/** One card to draw: where it goes and what it shows. */
export interface ShareCard {
  collection: CardCollection;
  id: string;
  /** The URL folder, e.g. `historier`. */
  folder: string;
  input: CardInput;
  /** The URL Astro emitted the picture under, whose hash the card's cache key uses (`lib/cache-keys.ts`). */
  emitted?: string | undefined;
}

const rootDir = fileURLToPath(root);

/**
 * The file behind a local image field, from the entry's own frontmatter. Astro hands pages the
 * optimised image, not the original; the card needs the original bytes to crop and to hash.
 */
export function sourceImage(entry: { filePath?: string | undefined }, field: string): string | undefined {
  if (!entry.filePath) return undefined;
  const file = path.resolve(rootDir, entry.filePath);
  const parsed = parseMarkdown(
    readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n'),
  );
  const value = parsed.ok ? (parsed.value.data as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? path.resolve(path.dirname(file), value) : undefined;
}

const companyNames = (ids: { id: string }[]) => ids.map((c) => getCompany(c.id).data.name).join(' · ');

const card = (
  collection: CardCollection,
  id: string,
  image: ImageMetadata | undefined,
  input: CardInput,
): ShareCard => ({
  collection,
  id,
  folder: cardFolder(collection),
  input,
  emitted: image && unmarked(image).src,
});

/** Every entry with a card of its own: published stories, companies, offerings and prize years. */
export const shareCards: ShareCard[] = [
  ...stories.map((s) => {
    const photo = sourceImage(s, 'image');
    return card('stories', s.id, s.data.image, {
      kicker: t.share.kicker.stories,
      title: s.data.title,
      subtitle: companyNames(s.data.companies),
      picture: photo ? { path: photo, fit: 'cover' } : undefined,
    });
  }),
  ...companies.map((c) => {
    const logo = c.data.logo ? sourceImage(c, 'logo') : undefined;
    return card('companies', c.id, c.data.logo, {
      kicker: t.share.kicker.companies,
      title: c.data.name,
      subtitle: `${t.companyKind[c.data.kind]} · ${c.data.address.city}`,
      picture: logo ? { path: logo, fit: 'contain' } : undefined,
    });
  }),
  ...offerings.map((o) => {
    const photo = o.data.image ? sourceImage(o, 'image') : undefined;
    const subtitle = `${getCompany(o.data.company.id).data.name} · ${getCategory(o.data.category.id).data.name}`;
    return card('offerings', o.id, o.data.image, {
      kicker: t.share.kicker.offerings,
      title: o.data.title,
      subtitle,
      picture: photo ? { path: photo, fit: 'cover' } : undefined,
    });
  }),
  ...prizes.map((p) => {
    const winners = p.data.winners.map((w) => getCompany(w.id).data.name);
    return card('prizes', String(p.data.year), undefined, {
      kicker: site.prizeName,
      title: t.prize.yearTitle(p.data.year),
      subtitle: winners.length > 0 ? `${t.prize.winnersLabel(winners.length)}: ${winners.join(', ')}` : undefined,
    });
  }),
];

/** The card of every page without one of its own. */
export const defaultCard: CardInput = { title: site.title, subtitle: site.description };

const cardById = new Map(shareCards.map((c) => [`${c.collection}/${c.id}`, c]));

/** The share meta of an entry with its own card. */
export function shareFor(
  collection: CardCollection,
  id: string,
  dates?: { published: Date; modified?: Date | undefined },
): ShareMeta {
  const entry = cardById.get(`${collection}/${id}`);
  if (!entry) throw new Error(`Intet delekort for ${collection}/${id}`);
  // The page is being rendered, so its card will be wanted: begin it while other pages render.
  queue.prefetch(`${collection}/${id}`);
  return {
    image: ogImageUrl(collection, id),
    imageAlt: t.share.cardAlt(entry.input.title, site.municipality),
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    type: dates ? 'article' : 'website',
    published: dates?.published,
    modified: dates?.modified,
  };
}

export const defaultShare: ShareMeta = {
  image: DEFAULT_OG_IMAGE,
  imageAlt: t.share.defaultAlt(site.municipality),
  width: CARD_WIDTH,
  height: CARD_HEIGHT,
  type: 'website',
};

const brand: CardBrand = {
  municipality: site.municipality,
  host: new URL(site.url).host,
  colours: site.colours,
  logoPath: path.join(fileURLToPath(publicDir), site.logo.src),
  fontDir: path.join(fileURLToPath(srcDir), 'assets', 'fonts'),
};

/** Cards are kept in Astro's cache folder (`node_modules/.astro/og/` unless `cacheDir` says otherwise). */
const cardCache = path.join(fileURLToPath(cacheDir), 'og');

const draw = (input: CardInput) => drawCardCached(input, brand, cardCache);
const cardKey = (card: ShareCard) => `${card.collection}/${card.id}`;
// A build draws its cards in a thread of its own while it renders the pages (each entry's page
// prefetches its card); a dev server draws the card a page asks for, when it asks.
const queue = cardQueue(
  shareCards.map((card) => ({ key: cardKey(card), input: card.input })),
  import.meta.env.DEV
    ? async (input) => (await cardFile(input, brand, cardCache)).file
    : cardThread(path.join(fileURLToPath(srcDir), 'lib', 'og', 'card-worker.ts'), brand, cardCache),
  import.meta.env.DEV ? 0 : CARDS_AHEAD,
);

/** The JPEG of an entry's card: from the cache when nothing that goes into it has changed, else drawn now. */
export const renderShareCard = async (card: ShareCard): Promise<Buffer> => readFile(await queue.card(cardKey(card)));

/** The JPEG of the default card. */
export const renderDefaultCard = (): Promise<Buffer> => draw(defaultCard);
