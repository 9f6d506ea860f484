/**
 * The `cacheKey` of every entry route, for Astro's incremental build (`experimental.incrementalBuild`).
 *
 * Astro copies a path from the previous build when its `cacheKey` and the hash of its route's
 * module graph (the code: templates, components, `lib/`, the site config, the dictionary) are
 * both unchanged. Content is data, not code: Astro does not see which entries a page read. So a
 * key here must cover EVERYTHING the page shows that comes from content, from a file read at
 * run time (photos, fonts, the logo, git history) or from the build date — the entry itself and
 * every related entry it names. A key that covers too little leaves a stale page on the site;
 * one that covers too much only costs a re-render. When unsure, cover more.
 *
 * The rule for whoever adds or changes an entry route (issue 12):
 * - return `cacheKey: <function from this module>` from `getStaticPaths()` for every path;
 * - when a template, one of its components or a `lib/` function starts showing something new
 *   from content (a related entry's field, another collection, today's date, a file), add it to
 *   that route's key here in the same change, and say so in the key's comment;
 * - `test/fixture/incremental.test.ts` builds twice and fails on a stale page, but only for the
 *   edits it makes: it is no proof for a dependency nobody tests.
 *
 * What the keys are made of:
 * - an entry's `digest` (Astro's hash of the file, front matter and body) and its `data`. The
 *   data carries each image as Astro emitted it, whose `src` (`/_astro/photo.<hash>.jpg`) has
 *   the bundler's hash of the file's bytes — so a photo replaced under the same file name
 *   changes the key, exactly as it changes the page's image URLs;
 * - "Sidst opdateret" (`getLastUpdated`: git history, which is not in the digest);
 * - of related entries only the fields the page shows (a company's name on a story page);
 * - which of the free pages that pages link to by id exist (`LINKED_PAGES`), for every HTML page:
 *   `pageUrl()` leaves a link out when its page is missing. Other free pages are linked from no
 *   page, so adding or deleting one renders that page alone;
 * - today's date (Copenhagen) only where a page shows something that depends on it.
 * Files that endpoints read themselves (photos for share cards and press photos, the fonts and
 * the logo of the cards) are hashed by their bytes: a fresh clone gives every file a new mtime,
 * so size+mtime would rebuild everything on every deploy.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page as ListPage } from 'astro';
import { publicDir, root, srcDir } from 'astro:config/server';
import { COMPANY_KINDS, today } from '../schemas/shared.ts';
import { unmarked } from './images.ts';
import { emittedName } from './photo-variants.ts';
import {
  catalogue,
  companies,
  criteria,
  directory,
  getCategory,
  getCompany,
  getLastUpdated,
  getOfferingsByCompany,
  getPartnershipsByCompany,
  getPrizeYearsByCompany,
  getPublishedStory,
  getRelatedOfferings,
  getSchemeForPractice,
  getSchemeStories,
  getSchemeUsers,
  getStoriesByCompany,
  isUpcoming,
  offerings,
  pageUrl,
  type Category,
  type Company,
  type EntryOrRedirect,
  type Event,
  type Offering,
  type Page,
  type Partnership,
  type Prize,
  type Scheme,
  type Story,
} from './content/index.ts';
import { companyFacets, deliveryTowns, offeringFacets } from './search.ts';
import { LINKED_PAGES } from './urls.ts';
import type { ShareCard } from './share.ts';
import { site } from '../site.config.ts';

/**
 * Plain JSON with object keys sorted, so the same data always gives the same text. An image is
 * read through `unmarked()`: reading it directly would keep its full-size original in `dist/`.
 */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const object = unmarked(value) as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(object)
        .sort()
        .map((key) => [key, canonical(object[key])]),
    );
  }
  return value;
}

/** A stable key: sha256 of the canonical JSON of the parts. */
export function hashKey(...parts: unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(parts)) ?? '')
    .digest('base64url');
}

const rootDir = fileURLToPath(root);
const fileHashes = new Map<string, string>();

/** The sha256 of a file's bytes, once per build; "missing" when it cannot be read (the endpoint then fails alike). */
function fileHash(file: string): string {
  let hash = fileHashes.get(file);
  if (hash === undefined) {
    try {
      hash = createHash('sha256').update(readFileSync(file)).digest('base64url');
    } catch {
      hash = 'missing';
    }
    fileHashes.set(file, hash);
  }
  return hash;
}

/**
 * The bytes of a photo an endpoint reads, as a key part: the bundler's hash of them in the name
 * Astro emitted the file under (`emitted`: the URL in the entry's image field), so a build does
 * not read every photo again for its keys (0.4 s of a warm 1,000-entry build, 200 photos); the
 * file's own sha256 when the name has no hash of it (see `emittedName`).
 */
const imageBytes = (file: string, emitted: string | undefined): string => {
  const name = emittedName(file, emitted);
  return name ? `emitted:${name}` : fileHash(file);
};

/** An entry as the page of its own shows it: file digest, data (with the images' content-hashed URLs), "Sidst opdateret". */
const own = (entry: {
  id: string;
  digest?: string | number | undefined;
  data: object;
  filePath?: string | undefined;
}) => ({
  id: entry.id,
  digest: entry.digest ?? null,
  data: entry.data,
  updated: getLastUpdated(entry) ?? null,
});

/**
 * What every HTML page depends on beyond code: which of the free pages it may link to exist
 * (`pageUrl()`). Kept in every key, not only in the routes that call `pageUrl()` today, so that a
 * template that starts linking one cannot leave stale pages.
 */
const sitePart = { linkedPages: LINKED_PAGES.filter((id) => pageUrl(id) !== undefined) };

/** An old slug's page shows only where it leads. */
const redirectKey = (to: string): string => hashKey('redirect', to);

/** A company as other pages name it. */
const companyName = (id: string) => ({ id, name: getCompany(id).data.name });

/**
 * The key of each path of a route built with `entryPaths()`: the entry's key, or the redirect's.
 * Keeps `entryPaths()` as it is, so the route's own code changes only by this call.
 */
export function withCacheKeys<E, P extends { props: EntryOrRedirect<E> }>(
  paths: P[],
  key: (entry: E) => string,
): (P & { cacheKey: string })[] {
  return paths.map((path) => {
    const { entry, redirectTo } = path.props;
    return { ...path, cacheKey: redirectTo !== undefined ? redirectKey(redirectTo) : key(entry as E) };
  });
}

/**
 * `/historier/<slug>/`: the story (text, photo, dates, people for the consent line, "Sidst
 * opdateret"), the names of its companies (tags, structured data), and the free pages
 * (`strategien`, `esg` links). Its share card's URL and alt text come from the story's own title.
 */
export const storyKey = (story: Story): string =>
  hashKey(
    'story',
    sitePart,
    own(story),
    story.data.companies.map((c) => companyName(c.id)),
  );

/** A withdrawn story's page shows the same fixed text for every story. */
export const withdrawnStoryKey = (): string => hashKey('withdrawn', sitePart);

/** `/historier/<old-slug>/` and the other collections' old slugs. */
export const redirectCacheKey = redirectKey;

/**
 * `/virksomheder/<slug>/`: the company; its offerings as cards (all their card fields);
 * its partnerships (title, summary); its published stories as cards (photo, title, date, lede,
 * in their order); its prize years and wins (facts, structured data); the scheme page linked
 * from each of its inclusion practices.
 */
export function companyKey(company: Company): string {
  const offerings = getOfferingsByCompany(company.id).map((o) => ({ id: o.id, data: o.data }));
  const partnerships = getPartnershipsByCompany(company.id).map((p) => ({
    id: p.id,
    title: p.data.title,
    summary: p.data.summary,
  }));
  const storyCards = getStoriesByCompany(company.id).map((s) => ({
    id: s.id,
    title: s.data.title,
    lede: s.data.lede,
    published: s.data.published,
    image: s.data.image,
    imageAlt: s.data.imageAlt,
  }));
  const schemes = (company.data.inclusion ?? []).map((practice) => getSchemeForPractice(practice)?.id ?? null);
  return hashKey('company', sitePart, own(company), offerings, partnerships, storyCards, {
    prizeYears: getPrizeYearsByCompany(company.id),
    schemes,
  });
}

/** An offering as a card shows it, with its company's name. */
const offeringCard = (o: Offering) => ({ id: o.id, data: o.data, company: companyName(o.data.company.id) });

/**
 * `/katalog/<slug>/`: the offering; its company (name, contact, town and kind: facts, the
 * contact box, search facets, structured data); its category's name; the related offerings as
 * cards with their companies' names.
 */
export function offeringKey(offering: Offering): string {
  const company = getCompany(offering.data.company.id);
  const { name, contact, address, kind } = company.data;
  return hashKey(
    'offering',
    sitePart,
    own(offering),
    { id: company.id, name, contact, city: address.city, kind },
    { category: getCategory(offering.data.category.id).data.name },
    getRelatedOfferings(offering).map(offeringCard),
  );
}

/** `/partnerskaber/<slug>/`: the partnership, its members' names, and the free pages (`strategien`). */
export const partnershipKey = (partnership: Partnership): string =>
  hashKey(
    'partnership',
    sitePart,
    own(partnership),
    partnership.data.members.map((m) => companyName(m.id)),
  );

/**
 * `/arrangementer/<slug>/`: the event and whether it is still upcoming (registration and the
 * calendar link show only then); while it is upcoming with a registration deadline, today's
 * date too, which says whether registration is open or closed.
 */
export function eventKey(event: Event): string {
  const upcoming = isUpcoming(event);
  const day = upcoming && event.data.registration?.deadline ? today() : null;
  return hashKey('event', sitePart, own(event), { upcoming, day });
}

/** `/arrangementer/<slug>.ics`: the event and its "last modified" (git history). */
export const eventCalendarKey = (event: Event): string => hashKey('event-ics', own(event));

/**
 * `/csr-prisen/<year>/`: the prize year; the names of its winners and nominees (scores table,
 * description); every criterion (the table's columns and the weighted totals); the linked
 * story's title, or that it is no longer published. No date: the page states the nomination
 * window, not whether it is open now (that is `/csr-prisen/` and `/csr-prisen/indstil/`, which have no key).
 */
export function prizeKey(prize: Prize): string {
  const names = [...prize.data.nominees.map((n) => n.company.id), ...prize.data.winners.map((w) => w.id)];
  const story = prize.data.story ? getPublishedStory(prize.data.story.id) : undefined;
  return hashKey(
    'prize',
    sitePart,
    own(prize),
    [...new Set(names)].map(companyName),
    criteria.map((c) => ({ id: c.id, data: c.data })),
    story ? { id: story.id, title: story.data.title } : null,
  );
}

/**
 * `/for-virksomheder/<slug>/` and every `…/side/<n>/` of its company list: the scheme; the
 * companies that practise what it explains (names, in order: they fix which page each is on and
 * how many pages there are) and the titles of the published stories about them (all of them,
 * though the first page shows only the newest). Every page of the scheme has this one key.
 */
export function schemeKey(scheme: Scheme): string {
  return hashKey(
    'scheme',
    sitePart,
    own(scheme),
    getSchemeUsers(scheme).map((c) => companyName(c.id)),
    getSchemeStories(scheme).map((s) => ({ id: s.id, title: s.data.title })),
  );
}

// --- List pages (`[...page].astro`): one key per page of a list ---

/**
 * The paths of a paginated list (`listPaths()`), each with the key of what its page shows.
 * Keeps `listPaths()` as it is, so a list route's own code changes only by this call.
 */
export function withListKeys<P extends { props: object }>(
  paths: P[],
  key: (props: P['props']) => string,
): (P & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: key(path.props) }));
}

/**
 * Where a page sits in its list: the title's and pager's "Side n af m", the pager's links (first,
 * last, two either side: all follow from these) and the list's length.
 */
const pagePart = (page: ListPage<unknown>) => ({
  current: page.currentPage,
  last: page.lastPage,
  total: page.total,
  url: page.url,
});

/** An offering as `OfferingCard` shows it: title, summary, supplier's name, price, delivery area, type and circular. */
const offeringListCard = (o: Offering) => {
  const { title, summary, price, deliveryArea, type, circular } = o.data;
  return {
    id: o.id,
    title,
    summary,
    price,
    deliveryArea,
    type,
    circular,
    company: getCompany(o.data.company.id).data.name,
  };
};

/** The category links above and below the offering lists: every category with offerings, its name and its count. */
const categoryNav = () =>
  catalogue.map((g) => ({ id: g.category.id, name: g.category.data.name, count: g.offerings.length }));

/** The "Leverer til" links: every town something is delivered to, with its count. */
const townNav = () => deliveryTowns.map((g) => ({ town: g.town, count: g.offerings.length }));

/**
 * `/katalog/` and its `side/<n>/`: the count of all offerings; the category and town links with
 * their counts; this page's offerings as cards under their categories' headings (name,
 * description) with the facets each card carries for the filter (category, supplier's town and
 * kind, delivery towns, audiences, circular). The filter's checkboxes on a one-page catalogue are
 * counted from those same facets of every offering, all of them on that page and so in its key.
 */
export function catalogueListKey({ page }: { page: ListPage<Offering> }): string {
  const shown = new Set(page.data.map((o) => o.data.category.id));
  return hashKey(
    'catalogue-list',
    sitePart,
    pagePart(page),
    { count: offerings.length, categories: categoryNav(), towns: townNav() },
    catalogue
      .filter(({ category }) => shown.has(category.id))
      .map(({ category }) => ({ id: category.id, name: category.data.name, description: category.data.description })),
    page.data.map((o) => ({ ...offeringListCard(o), facets: offeringFacets(o) })),
  );
}

/** `/katalog/kategori/<id>/` and its pages: the category (name, description), the other categories' links and counts, this page's offerings as cards. */
export function categoryListKey({ category, page }: { category: Category; page: ListPage<Offering> }): string {
  return hashKey(
    'category-list',
    sitePart,
    pagePart(page),
    { id: category.id, name: category.data.name, description: category.data.description },
    categoryNav(),
    page.data.map(offeringListCard),
  );
}

/** `/katalog/leverer-til/<town>/` and its pages: the town, the other towns' links and counts, this page's offerings as cards. */
export function townListKey({ town, page }: { town: string; page: ListPage<Offering> }): string {
  return hashKey('town-list', sitePart, pagePart(page), town, townNav(), page.data.map(offeringListCard));
}

/** `/historier/` and its pages: this page's stories as `StoryCard` shows them (photo as emitted, its alt, title, date, lede). */
export function storyListKey({ page }: { page: ListPage<Story> }): string {
  return hashKey(
    'story-list',
    sitePart,
    pagePart(page),
    page.data.map((s) => ({
      id: s.id,
      title: s.data.title,
      published: s.data.published,
      lede: s.data.lede,
      image: s.data.image,
      imageAlt: s.data.imageAlt,
    })),
  );
}

/**
 * `/virksomheder/` and its pages: the kinds' links (each kind's count and the page where it
 * starts), which are also the groups' counts; this page's companies as `CompanyCard` shows them
 * (name, kind, town, summary) with the facets each card carries for the filter (town, kind,
 * inclusion practices). A one-page directory's checkboxes are counted from those same facets.
 */
export function directoryListKey({ page }: { page: ListPage<Company> }): string {
  const kinds = COMPANY_KINDS.map((kind) => ({
    kind,
    count: companies.filter((c) => c.data.kind === kind).length,
    page: Math.floor(directory.findIndex((c) => c.data.kind === kind) / page.size) + 1,
  })).filter((k) => k.count > 0);
  return hashKey(
    'directory-list',
    sitePart,
    pagePart(page),
    kinds,
    page.data.map((c) => ({
      id: c.id,
      name: c.data.name,
      kind: c.data.kind,
      city: c.data.address.city,
      summary: c.data.summary,
      facets: companyFacets(c),
    })),
  );
}

/** `/<slug>/`: the free page itself (its contact comes from the site config, which is code). */
export const pageKey = (page: Page): string => hashKey('page', sitePart, own(page));

const relative = (file: string) => path.relative(rootDir, file);
/** What every share card draws besides its text: the logo and the fonts, read from files at run time. */
const brandPart = (() => {
  const fontDir = path.join(fileURLToPath(srcDir), 'assets', 'fonts');
  const logo = path.join(fileURLToPath(publicDir), site.logo.src);
  const fonts = readdirSync(fontDir)
    .sort()
    .map((name) => [name, fileHash(path.join(fontDir, name))]);
  return { logo: fileHash(logo), fonts };
})();

/**
 * `/og/<collection>/<slug>.jpg`: everything the card draws — its text (title, kicker, subtitle,
 * which already hold the related names: a story's companies, an offering's company and
 * category, a prize year's winners), the bytes of its picture, the logo and the fonts.
 */
export function shareCardKey(card: ShareCard): string {
  const picture = card.input.picture;
  return hashKey('card', card.collection, card.id, {
    ...card.input,
    picture: picture
      ? { ...picture, path: relative(picture.path), bytes: imageBytes(picture.path, card.emitted) }
      : null,
    brand: brandPart,
  });
}

/** `/historier/<slug>/foto.jpg`: the bytes of the story's photo file (`emitted`: its image field's URL). */
export const pressPhotoKey = (file: string, emitted: string | undefined): string =>
  hashKey('press-photo', relative(file), imageBytes(file, emitted));
