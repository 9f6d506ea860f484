/**
 * The one place that builds a URL. Every path ends in a slash (`trailingSlash: 'always'`).
 * The URL table in docs/product-brief.md is a public contract: change nothing here lightly.
 */
import { site } from '../site.config.ts';
import { slugify } from './validation/slugify.ts';

/** Where each collection's entries live on the site. `pages` sit at the root. */
export const ROUTE_PREFIX = {
  companies: '/virksomheder/',
  offerings: '/katalog/',
  stories: '/historier/',
  prizes: '/csr-prisen/',
  partnerships: '/partnerskaber/',
  schemes: '/for-virksomheder/',
  events: '/arrangementer/',
  pages: '/',
  categories: '/katalog/kategori/',
} as const;

export type RoutedCollection = keyof typeof ROUTE_PREFIX;

/** The page of one entry, e.g. `entryUrl('stories', 'ny-cykelvaerksted')`. */
export function entryUrl(collection: RoutedCollection, id: string): string {
  return `${ROUTE_PREFIX[collection]}${id}/`;
}

/** Fixed pages of the site, by purpose. */
export const PAGES = {
  home: '/',
  catalogue: '/katalog/',
  cataloguePrint: '/katalog/print/',
  companies: '/virksomheder/',
  stories: '/historier/',
  prize: '/csr-prisen/',
  partnerships: '/partnerskaber/',
  guidance: '/for-virksomheder/',
  events: '/arrangementer/',
  search: '/soeg/',
  press: '/presse/',
  getListed: '/bliv-vist/',
  mark: '/maerket/',
  nominate: '/csr-prisen/indstil/',
  selfCheck: '/for-virksomheder/selvtjek/',
  accessibility: '/was',
} as const;

/**
 * The free pages other pages link to by id (`pageUrl()` in `src/lib/content/index.ts`): the
 * strategy from every story's and partnership's pillars and the front page, ESG from a story's
 * ESRS topics, procurement from the catalogue and the guidance page. A fork may leave any of
 * them out; the link is then left out. Only these can be named to `pageUrl()`, so the cache keys
 * and the editors' preview know every free page whose existence another page shows.
 */
export const LINKED_PAGES = ['strategien', 'indkoeb', 'esg'] as const;
export type LinkedPage = (typeof LINKED_PAGES)[number];

/**
 * The editors' browser editor (Sveltia CMS) and its generated configuration: not public pages —
 * noindex, not in the sitemap, the search index or the navigation, and no link to it from the site.
 */
export const ADMIN = { page: '/admin/', config: '/admin/config.yml' } as const;

/** The fixed page each text in `src/content/texts/` belongs to. */
export const TEXT_PAGES = {
  forside: PAGES.home,
  'bliv-vist': PAGES.getListed,
  maerket: PAGES.mark,
  'csr-prisen-indstil': PAGES.nominate,
  selvtjek: PAGES.selfCheck,
  presse: PAGES.press,
  'for-virksomheder': PAGES.guidance,
} as const;

/**
 * Slugs an entry may not take because a fixed route already answers there, by collection.
 * A free page called `katalog` would otherwise shadow the catalogue.
 */
export const RESERVED_SLUGS: Partial<Record<RoutedCollection, readonly string[]>> = {
  pages: [
    'katalog',
    'virksomheder',
    'historier',
    'csr-prisen',
    'partnerskaber',
    'for-virksomheder',
    'arrangementer',
    'soeg',
    'presse',
    'bliv-vist',
    'maerket',
    'admin',
    'data',
    'og',
    'was',
    '404',
    '_astro',
    'pagefind',
  ],
  offerings: ['kategori', 'print', 'side', 'leverer-til'],
  companies: ['side'],
  schemes: ['selvtjek'],
  stories: ['rss', 'atom', 'feed', 'side'],
  events: ['kalender'],
};

/** Opens the file in the repository's web editor, which proposes the change as a pull request. */
export function editUrl(filePath: string): string {
  return `${site.repository}/edit/main/${filePath.replace(/^\.\//, '')}`;
}

/** The editors' guide (CONTRIBUTING.md) in the repository, for those who add content by pull request. */
export const contributingUrl = (): string => `${site.repository}/blob/main/CONTRIBUTING.md`;

/** A page of the CSR prize for one year. */
export const prizeYearUrl = (year: number): string => entryUrl('prizes', String(year));

/** The category page of the catalogue. */
export const categoryUrl = (id: string): string => entryUrl('categories', id);

/**
 * Page `n` of a paginated list whose first page is at `list` (`/historier/`, a category page …):
 * page 1 keeps the list's own URL, so no link to it breaks; later pages are `<list>side/<n>/`.
 */
export const listPageUrl = (list: string, n: number): string => (n <= 1 ? list : `${list}side/${n}/`);

/** The `[...page]` parameter of a paginated list route for page `n`: none for page 1, else `side/<n>`. */
export const listPageParam = (n: number): string | undefined => (n <= 1 ? undefined : `side/${n}`);

/** The search page with facets chosen, e.g. every company: `/soeg/?type=Virksomhed`. */
export function searchUrl(filters: Record<string, readonly string[]>): string {
  const query = new URLSearchParams();
  for (const [key, values] of Object.entries(filters)) for (const value of values) query.append(key, value);
  return query.size > 0 ? `${PAGES.search}?${query}` : PAGES.search;
}

/** A town of the site config in a URL: `Jerslev Sjælland` → `jerslev-sjaelland` (æ→ae, ø→oe, å→aa). */
export const townSlug = (town: string): string => slugify(town);

/** The catalogue's page of what is delivered to one town (the "Leverer til" filter without JavaScript). */
export const deliveryTownUrl = (town: string): string => `${ROUTE_PREFIX.offerings}leverer-til/${townSlug(town)}/`;

/** `tel:+4559534400` for a Danish number written with spaces or dashes. */
export const telUrl = (phone: string): string => `tel:${phone.replace(/[\s-]/g, '')}`;
/**
 * A prefilled e-mail: `mailto:` with subject and body percent-encoded (RFC 6068), line breaks
 * as CRLF, so æøå, `&` and `?` in the text survive every mail program.
 */
export function mailtoUrl(to: string, subject: string, body: string): string {
  const encode = (value: string) => encodeURIComponent(value.replace(/\r?\n/g, '\r\n'));
  return `mailto:${to}?subject=${encode(subject)}&body=${encode(body)}`;
}
/** An absolute URL on the published site, for feeds, share cards, structured data and open data. */
export const absoluteUrl = (path: string): string => new URL(path, site.url).href;

/** The collections that get their own share-card image. */
export type CardCollection = 'stories' | 'companies' | 'offerings' | 'prizes';

/**
 * The share-card image of an entry: `/og/<collection>/<slug>.jpg`, where `<collection>` is
 * the entry's own URL folder (`historier`, `virksomheder`, `katalog`, `csr-prisen`).
 */
export function ogImageUrl(collection: CardCollection, id: string): string {
  return `/og${ROUTE_PREFIX[collection]}${id}.jpg`;
}

/** The URL folder of a card collection, e.g. `historier` for stories. */
export const cardFolder = (collection: CardCollection): string => ROUTE_PREFIX[collection].replaceAll('/', '');

/** The share card of every page that has none of its own. */
export const DEFAULT_OG_IMAGE = '/og/default.jpg';

/** The share cards' media type (`og/card.ts` says why JPEG). */
export const CARD_TYPE = 'image/jpeg';

/** Machine-readable files: feeds, calendar, open data, sitemap. Part of the URL contract. */
export const FILES = {
  rss: '/historier/rss.xml',
  atom: '/historier/atom.xml',
  jsonFeed: '/historier/feed.json',
  calendar: '/arrangementer/kalender.ics',
  companiesJson: '/data/virksomheder.json',
  companiesCsv: '/data/virksomheder.csv',
  offeringsJson: '/data/katalog.json',
  offeringsCsv: '/data/katalog.csv',
  sitemap: '/sitemap-index.xml',
  robots: '/robots.txt',
} as const;

/** One event as an iCalendar file ("Tilføj til kalender"), e.g. `/arrangementer/dialogmoede-2027.ics`. */
export const eventCalendarUrl = (id: string): string => `${ROUTE_PREFIX.events}${id}.ics`;

/** A story's photo in full size for the press ("Til pressen"), e.g. `/historier/x/foto.jpg`. */
export const pressPhotoUrl = (id: string): string => `${ROUTE_PREFIX.stories}${id}/foto.jpg`;
