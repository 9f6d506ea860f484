/**
 * Which pages a pull request changes: from the content files changed between two commits and
 * the content on both sides (front matter only), to the entry pages and list pages they show
 * on. Pure functions, for `scripts/preview-changes.ts`; every URL comes from `../urls.ts`.
 */
import path from 'node:path';
import { site } from '../../site.config.ts';
import { COLLECTIONS, CONTENT_DIR, type CollectionName } from '../../schemas/index.ts';
import { LIST_PAGE_SIZE } from '../content/pagination.ts';
import {
  LINKED_PAGES,
  PAGES,
  TEXT_PAGES,
  categoryUrl,
  deliveryTownUrl,
  entryUrl,
  listPageUrl,
  prizeYearUrl,
  type LinkedPage,
  type RoutedCollection,
} from '../urls.ts';
import { parseMarkdown, parseYamlList } from '../validation/read.ts';

/** One line of `git diff --name-status -M`. */
export type FileChange =
  | { status: 'added' | 'modified' | 'deleted'; path: string }
  | { status: 'renamed'; path: string; from: string };

/** An entry as the preview needs it: where it is and its front matter. */
export interface ContentEntry {
  collection: CollectionName;
  id: string;
  /** The file, relative to the project root (`src/content/stories/x.md`). */
  file: string;
  data: Record<string, unknown>;
}

/** All entries on one side of the change (the base or HEAD). */
export interface ContentSnapshot {
  entries: ContentEntry[];
}

/** A page that changes, and why (in Danish, for the summary). */
export interface ChangedPage {
  url: string;
  reasons: string[];
}

export interface PagePlan {
  /** Pages that change and are built, sorted by URL. */
  pages: ChangedPage[];
  /** Pages that would change but are not in the built site, e.g. a draft. */
  notBuilt: (ChangedPage & { draft: boolean })[];
  /** Entry pages that are gone because their file was deleted or renamed. */
  gone: { url: string; file: string; redirectsTo?: string }[];
  /** Renamed files and the URL they had and have. */
  renamed: { from: string; to: string; oldUrl?: string; newUrl?: string }[];
  /** Old slugs (`redirectFrom`) of changed entries, which lead to their new page. */
  redirects: { from: string; to: string }[];
  /** Changed files under src/content that show on no page. */
  unused: string[];
  /** The changed files, as git reported them. */
  files: FileChange[];
}

const CONTENT = `${CONTENT_DIR}/`;
const IMAGE = /\.(jpe?g|png|webp|avif|gif|svg|tiff?|heic)$/i;

/** Parses `git diff --name-status -M` output. Copies count as added files, type changes as modified. */
export function parseNameStatus(output: string): FileChange[] {
  const changes: FileChange[] = [];
  for (const line of output.split('\n')) {
    if (line.trim() === '') continue;
    const [status = '', first = '', second] = line.split('\t');
    const letter = status[0];
    if (letter === 'R' && second) changes.push({ status: 'renamed', from: first, path: second });
    else if (letter === 'C' && second) changes.push({ status: 'added', path: second });
    else if (letter === 'A') changes.push({ status: 'added', path: first });
    else if (letter === 'D') changes.push({ status: 'deleted', path: first });
    else if (letter === 'M' || letter === 'T') changes.push({ status: 'modified', path: first });
  }
  return changes;
}

/** What a content file is: an entry file, a whole-collection YAML file, an image or something else. */
export type ContentFile =
  | { kind: 'entry'; collection: CollectionName; id: string }
  | { kind: 'list'; collection: CollectionName }
  | { kind: 'image' }
  | { kind: 'other' };

export function classify(file: string): ContentFile {
  if (!file.startsWith(CONTENT)) return { kind: 'other' };
  const relative = file.slice(CONTENT.length);
  for (const [collection, definition] of Object.entries(COLLECTIONS) as [CollectionName, (typeof COLLECTIONS)[CollectionName]][]) {
    if (definition.type === 'file' && relative === definition.file) return { kind: 'list', collection };
    if (definition.type === 'folder') {
      const match = /^([^/]+)\/([^/]+)\.(md|mdx)$/.exec(relative);
      if (match && match[1] === definition.folder && (definition.extensions as readonly string[]).includes(match[3] ?? '')) return { kind: 'entry', collection, id: match[2] ?? '' };
    }
  }
  return IMAGE.test(relative) ? { kind: 'image' } : { kind: 'other' };
}

/**
 * Reads the entries of one side from its files (`path` relative to the project root, text).
 * A file that does not parse is left out: the checker reports it.
 */
export function readSnapshot(files: readonly { path: string; text: string }[]): ContentSnapshot {
  const entries: ContentEntry[] = [];
  for (const { path: file, text } of files) {
    const what = classify(file);
    if (what.kind === 'entry') {
      const parsed = parseMarkdown(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
      if (parsed.ok) entries.push({ collection: what.collection, id: what.id, file, data: parsed.value.data as Record<string, unknown> });
    } else if (what.kind === 'list') {
      const parsed = parseYamlList(text.replace(/^\uFEFF/, ''));
      if (!parsed.ok) continue;
      for (const item of parsed.value) {
        if (typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string') {
          entries.push({ collection: what.collection, id: (item as { id: string }).id, file, data: item as Record<string, unknown> });
        }
      }
    }
  }
  return { entries };
}

// --- front matter, read loosely (the checker is strict) ---

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
/** A reference is written as the slug; accept `{ id }` too. */
const refId = (value: unknown): string | undefined => asString(value) ?? (typeof value === 'object' && value !== null ? asString((value as { id?: unknown }).id) : undefined);
const refs = (value: unknown): string[] => asList(value).map(refId).filter((id): id is string => id !== undefined);
const nomineeIds = (data: Record<string, unknown>): string[] => asList(data['nominees']).map((n) => (typeof n === 'object' && n !== null ? refId((n as { company?: unknown }).company) : undefined)).filter((id): id is string => id !== undefined);

const isDraft = (e: ContentEntry) => e.collection === 'stories' && e.data['draft'] === true;
const isWithdrawn = (e: ContentEntry) => e.collection === 'stories' && e.data['consentWithdrawn'] !== undefined && e.data['consentWithdrawn'] !== null;
/** Is the story in the lists (published, not withdrawn)? */
const isListed = (e: ContentEntry) => !isDraft(e) && !isWithdrawn(e);

const ROUTED: Partial<Record<CollectionName, RoutedCollection>> = {
  companies: 'companies',
  offerings: 'offerings',
  stories: 'stories',
  prizes: 'prizes',
  partnerships: 'partnerships',
  schemes: 'schemes',
  events: 'events',
  pages: 'pages',
};

/** The entry's own page, if its collection has pages. */
export function ownUrl(entry: Pick<ContentEntry, 'collection' | 'id'>): string | undefined {
  if (entry.collection === 'prizes') return /^\d+$/.test(entry.id) ? prizeYearUrl(Number(entry.id)) : entryUrl('prizes', entry.id);
  if (entry.collection === 'categories') return categoryUrl(entry.id);
  const routed = ROUTED[entry.collection];
  return routed ? entryUrl(routed, entry.id) : undefined;
}

/** Old URLs of the entry that redirect to its page. */
export function redirectsOf(entry: ContentEntry): { from: string; to: string }[] {
  const routed = ROUTED[entry.collection];
  const to = ownUrl(entry);
  if (!routed || !to) return [];
  return refs(entry.data['redirectFrom']).map((slug) => ({ from: entryUrl(routed, slug), to }));
}

/** Images the entry uses (`image`, `logo`), as paths relative to the project root. */
export function imagesOf(entry: ContentEntry): string[] {
  return ['image', 'logo']
    .map((key) => asString(entry.data[key]))
    .filter((value): value is string => value !== undefined && !/^[a-z]+:/i.test(value))
    .map((value) => path.posix.normalize(path.posix.join(path.posix.dirname(entry.file), value)));
}

const of = (s: ContentSnapshot, collection: CollectionName) => s.entries.filter((e) => e.collection === collection);
/** Published stories, newest first (as `src/lib/content`), for the home page and /presse/. */
const newestStories = (s: ContentSnapshot) =>
  of(s, 'stories')
    .filter(isListed)
    .sort((a, b) => (asString(b.data['published']) ?? '').localeCompare(asString(a.data['published']) ?? '') || a.id.localeCompare(b.id));
/** Is the event not over at `now`? Local times are read as UTC: a few hours either way do not matter here. */
const isUpcoming = (e: ContentEntry, now: number) => {
  const end = asString(e.data['end']) ?? asString(e.data['start']);
  const time = end ? Date.parse(end.length === 10 ? `${end}T23:59Z` : `${end}Z`) : Number.NaN;
  return Number.isNaN(time) || time >= now;
};

type Add = (url: string | undefined, reason: string) => void;

/**
 * Every page of a paginated list (src/lib/content/pagination.ts): an entry added, removed or
 * retitled moves the ones after it, so any page from its own on may change. Pages the build did
 * not make are dropped later ({@link keepBuilt}).
 */
function addListPages(add: Add, list: string, count: number, pageSize: number, reason: string): void {
  add(list, reason);
  for (let n = 2; n <= Math.ceil(count / pageSize); n++) add(listPageUrl(list, n), reason);
}

/** The towns whose "Leverer til" pages list an offering: all of them, its own, or its supplier's. */
function deliveryTowns(offering: ContentEntry, s: ContentSnapshot): string[] {
  const deliversTo = offering.data['deliversTo'] as { municipality?: unknown; towns?: unknown } | undefined;
  if (deliversTo?.municipality === true) return site.towns;
  if (Array.isArray(deliversTo?.towns)) return deliversTo.towns.filter((t): t is string => typeof t === 'string');
  const company = of(s, 'companies').find((c) => c.id === refId(offering.data['company']));
  const city = (company?.data['address'] as { city?: unknown } | undefined)?.city;
  return typeof city === 'string' && site.towns.includes(city) ? [city] : [];
}

/** The catalogue's pages that list an offering: the catalogue, its category and its towns, every page of each. */
function addCataloguePages(
  add: Add,
  offering: ContentEntry,
  s: ContentSnapshot,
  reasons: { catalogue: string; category: string; town: string },
): void {
  const offerings = of(s, 'offerings');
  const size = LIST_PAGE_SIZE.offerings;
  addListPages(add, PAGES.catalogue, offerings.length, size, reasons.catalogue);
  const category = refId(offering.data['category']);
  if (category) {
    const inCategory = offerings.filter((o) => refId(o.data['category']) === category).length;
    addListPages(add, categoryUrl(category), inCategory, size, reasons.category);
  }
  for (const town of deliveryTowns(offering, s)) {
    const inTown = offerings.filter((o) => deliveryTowns(o, s).includes(town)).length;
    addListPages(add, deliveryTownUrl(town), inTown, size, reasons.town);
  }
}

/** The companies a scheme's pages list: those that practise what it explains (as its route lists them). */
const schemeUsers = (scheme: ContentEntry, s: ContentSnapshot) => {
  const practices = refs(scheme.data['inclusion']);
  return of(s, 'companies').filter((c) => refs(c.data['inclusion']).some((p) => practices.includes(p)));
};

/** Every page of a scheme's page, whose company list runs to `…/side/<n>/` like the directory. */
function addSchemePages(add: Add, scheme: ContentEntry, s: ContentSnapshot, reason: string): void {
  const own = ownUrl(scheme);
  if (own) addListPages(add, own, schemeUsers(scheme, s).length, LIST_PAGE_SIZE.companies, reason);
}

/**
 * The pages an entry shows on, in one snapshot: its own page and every list or entry page that
 * names it. A draft or withdrawn story is on no list.
 */
export function pagesOf(entry: ContentEntry, s: ContentSnapshot, add: Add, now = Date.now()): void {
  const { id, data } = entry;
  const own = ownUrl(entry);
  switch (entry.collection) {
    case 'companies': {
      add(own, 'virksomhedens side');
      addListPages(add, PAGES.companies, of(s, 'companies').length, LIST_PAGE_SIZE.companies, 'listen over virksomheder');
      const offerings = of(s, 'offerings').filter((o) => refId(o.data['company']) === id);
      for (const o of offerings) add(ownUrl(o), 'tilbud fra virksomheden');
      if (offerings.length > 0) add(PAGES.cataloguePrint, 'kataloget nævner virksomheden');
      for (const o of offerings)
        addCataloguePages(add, o, s, {
          catalogue: 'kataloget nævner virksomheden',
          category: 'kategorien nævner virksomheden',
          town: 'byens side i kataloget nævner virksomheden',
        });
      for (const story of of(s, 'stories').filter((st) => isListed(st) && refs(st.data['companies']).includes(id))) add(ownUrl(story), 'historien nævner virksomheden');
      const partnerships = of(s, 'partnerships').filter((p) => refs(p.data['members']).includes(id));
      for (const p of partnerships) add(ownUrl(p), 'partnerskabet nævner virksomheden');
      if (partnerships.length > 0) add(PAGES.partnerships, 'partnerskaber nævner virksomheden');
      for (const prize of of(s, 'prizes').filter((p) => nomineeIds(p.data).includes(id))) {
        add(ownUrl(prize), `${site.prizeName} nævner virksomheden`);
        if (refs(prize.data['winners']).includes(id)) add(PAGES.prize, `${site.prizeName} nævner vinderen`);
      }
      for (const scheme of of(s, 'schemes').filter((sc) => schemeUsers(sc, s).some((c) => c.id === id))) addSchemePages(add, scheme, s, 'ordningen nævner virksomheden');
      const registrations = data['registrations'];
      if (typeof registrations === 'object' && registrations !== null && 'socialMark' in registrations) add(PAGES.mark, 'mærkets side viser virksomheden');
      break;
    }
    case 'offerings': {
      add(own, 'tilbuddets side');
      addCataloguePages(add, entry, s, {
        catalogue: 'kataloget',
        category: 'tilbuddets kategori',
        town: 'byen, tilbuddet leveres til',
      });
      add(PAGES.cataloguePrint, 'det trykbare katalog');
      const company = of(s, 'companies').find((c) => c.id === refId(data['company']));
      if (company) add(ownUrl(company), 'virksomheden, der leverer tilbuddet');
      break;
    }
    case 'stories': {
      add(own, isWithdrawn(entry) ? 'historiens side (samtykke trukket tilbage)' : 'historiens side');
      if (!isListed(entry)) break;
      addListPages(add, PAGES.stories, of(s, 'stories').filter(isListed).length, LIST_PAGE_SIZE.stories, 'listen over historier');
      const newest = newestStories(s);
      const rank = newest.findIndex((st) => st.id === id);
      if (rank >= 0 && rank < 3) add(PAGES.home, 'forsiden viser de nyeste historier');
      if (rank >= 0 && rank < 5) add(PAGES.press, 'pressesiden viser de nyeste historier');
      for (const company of refs(data['companies'])) if (of(s, 'companies').some((c) => c.id === company)) add(entryUrl('companies', company), 'virksomhed i historien');
      for (const prize of of(s, 'prizes').filter((p) => refId(p.data['story']) === id)) add(ownUrl(prize), `${site.prizeName} henviser til historien`);
      // A scheme's first page lists the newest stories about its companies.
      const companies = refs(data['companies']);
      for (const scheme of of(s, 'schemes').filter((sc) => schemeUsers(sc, s).some((c) => companies.includes(c.id)))) add(ownUrl(scheme), 'ordningen nævner historien');
      if (of(s, 'self-check-stages').length > 0) add(PAGES.selfCheck, 'selvtjekket viser historier');
      break;
    }
    case 'prizes': {
      add(own, 'prisårets side');
      add(PAGES.prize, site.prizeName);
      for (const company of nomineeIds(data)) add(entryUrl('companies', company), 'nomineret virksomhed');
      if (data['nomination'] !== undefined) add(PAGES.nominate, 'indstillingssiden viser fristen');
      break;
    }
    case 'partnerships': {
      add(own, 'partnerskabets side');
      add(PAGES.partnerships, 'listen over partnerskaber');
      for (const company of refs(data['members'])) add(entryUrl('companies', company), 'medlem af partnerskabet');
      break;
    }
    case 'schemes': {
      addSchemePages(add, entry, s, 'ordningens side');
      add(PAGES.guidance, 'vejledningen for virksomheder');
      if (of(s, 'self-check-stages').some((stage) => refs(stage.data['schemes']).includes(id))) add(PAGES.selfCheck, 'selvtjekket anbefaler ordningen');
      for (const company of schemeUsers(entry, s)) add(ownUrl(company), 'virksomheden bruger ordningen');
      break;
    }
    case 'events': {
      add(own, 'arrangementets side');
      add(PAGES.events, 'listen over arrangementer');
      if (isUpcoming(entry, now)) add(PAGES.home, 'forsiden viser kommende arrangementer');
      break;
    }
    case 'pages': {
      add(own, 'sidens egen side');
      break;
    }
    case 'texts': {
      add(id in TEXT_PAGES ? TEXT_PAGES[id as keyof typeof TEXT_PAGES] : undefined, 'sidens tekst');
      break;
    }
    case 'categories': {
      add(own, 'kategoriens side');
      add(PAGES.catalogue, 'kataloget viser kategorierne');
      add(PAGES.cataloguePrint, 'det trykbare katalog viser kategorierne');
      for (const category of of(s, 'categories')) add(categoryUrl(category.id), 'kategorisiderne viser alle kategorier');
      for (const o of of(s, 'offerings').filter((o) => refId(o.data['category']) === id)) add(ownUrl(o), 'tilbud i kategorien');
      break;
    }
    case 'prize-criteria': {
      add(PAGES.prize, `Kriterierne for ${site.prizeName}`);
      add(PAGES.nominate, 'indstillingssiden viser kriterierne');
      if (of(s, 'self-check-questions').length > 0) add(PAGES.selfCheck, 'selvtjekket scorer efter kriterierne');
      for (const prize of of(s, 'prizes')) add(ownUrl(prize), 'prisåret scorer efter kriterierne');
      break;
    }
    case 'self-check-questions':
    case 'self-check-stages': {
      add(PAGES.selfCheck, 'selvtjekket');
      break;
    }
  }
}

const same = (a: ContentEntry | undefined, b: ContentEntry | undefined) => JSON.stringify(a?.data) === JSON.stringify(b?.data);

/**
 * The counts the catalogue's category and town links show, in one snapshot: offerings per
 * category and per town delivered to. Every page of every category's list shows the category
 * links, every page of every town's list the town links (`categoryListKey` and `townListKey` in
 * `src/lib/cache-keys.ts` hash the same), so an offering added, removed or moved changes them all.
 */
function catalogueCounts(s: ContentSnapshot): { categories: Map<string, number>; towns: Map<string, number> } {
  const categories = new Map<string, number>();
  const towns = new Map<string, number>();
  for (const o of of(s, 'offerings')) {
    const category = refId(o.data['category']);
    if (category) categories.set(category, (categories.get(category) ?? 0) + 1);
    for (const town of deliveryTowns(o, s)) towns.set(town, (towns.get(town) ?? 0) + 1);
  }
  return { categories, towns };
}

const sameCounts = (a: Map<string, number>, b: Map<string, number>) =>
  a.size === b.size && [...a].every(([key, count]) => b.get(key) === count);

/**
 * Every page of every category list when the category links' counts differ between the two
 * snapshots, and of every town list when the town links' do.
 */
function addCountPages(add: Add, before: ContentSnapshot, after: ContentSnapshot): void {
  const [was, is] = [catalogueCounts(before), catalogueCounts(after)];
  const size = LIST_PAGE_SIZE.offerings;
  if (!sameCounts(was.categories, is.categories))
    for (const [category, count] of is.categories) addListPages(add, categoryUrl(category), count, size, 'kategorisiderne viser antallet i hver kategori');
  if (!sameCounts(was.towns, is.towns))
    for (const [town, count] of is.towns) addListPages(add, deliveryTownUrl(town), count, size, 'byernes sider viser antallet for hver by');
}

/**
 * The pages that link to each free page in `LINKED_PAGES`, in one snapshot, as the routes call
 * `pageUrl()`: a Record, so a new linked page cannot be left out here.
 */
const LINKING_PAGES: Record<LinkedPage, (s: ContentSnapshot, add: Add) => void> = {
  strategien: (s, add) => {
    add(PAGES.home, 'forsiden linker til strategien');
    for (const story of of(s, 'stories').filter(isListed))
      if (asList(story.data['pillars']).length > 0) add(ownUrl(story), 'historiens pejlemærker linker til strategien');
    for (const partnership of of(s, 'partnerships'))
      if (asList(partnership.data['pillars']).length > 0) add(ownUrl(partnership), 'partnerskabets pejlemærker linker til strategien');
  },
  esg: (s, add) => {
    for (const story of of(s, 'stories').filter(isListed))
      if (asList(story.data['esrs']).length > 0) add(ownUrl(story), 'historiens ESRS-emner linker til ESG-siden');
  },
  indkoeb: (s, add) => {
    addListPages(add, PAGES.catalogue, of(s, 'offerings').length, LIST_PAGE_SIZE.offerings, 'kataloget linker til indkøbssiden');
    add(PAGES.guidance, 'siden for virksomheder linker til indkøbssiden');
  },
};

/**
 * A free page in `LINKED_PAGES` added or deleted: the pages that link to it gain or lose the
 * link (`pageUrl()` leaves it out when the page is missing). An edit of its text changes only
 * its own page.
 */
function addLinkedPages(addTo: (prefix: string) => Add, before: ContentSnapshot, after: ContentSnapshot): void {
  const has = (s: ContentSnapshot, id: string) => of(s, 'pages').some((page) => page.id === id);
  for (const id of LINKED_PAGES) if (has(before, id) !== has(after, id)) LINKING_PAGES[id](after, addTo(`pages/${id}.md`));
}

/**
 * The pages the changes touch, before filtering by the built site. `before` is the content at
 * the base (merge base), `after` at HEAD.
 */
export function planPages(files: readonly FileChange[], before: ContentSnapshot, after: ContentSnapshot, now = Date.now()): Omit<PagePlan, 'notBuilt'> & { drafts: string[] } {
  const pages = new Map<string, Set<string>>();
  const gone: PagePlan['gone'] = [];
  const renamed: PagePlan['renamed'] = [];
  const redirects = new Map<string, string>();
  const unused: string[] = [];
  const drafts = new Set<string>();

  const addTo = (prefix: string): Add => (url, reason) => {
    if (!url || url.endsWith('//')) return;
    const reasons = pages.get(url) ?? new Set<string>();
    reasons.add(`${prefix}: ${reason}`);
    pages.set(url, reasons);
  };
  const entriesIn = (s: ContentSnapshot, file: string) => s.entries.filter((e) => e.file === file);
  const label = (file: string) => file.slice(CONTENT.length);

  /** Both sides of one entry file: pages of the old version and of the new. */
  const touch = (file: string, old: ContentEntry[], current: ContentEntry[], skipOwnBefore: boolean) => {
    const add = addTo(label(file));
    for (const e of old) {
      pagesOf(e, before, skipOwnBefore ? (url, reason) => url !== ownUrl(e) && add(url, reason) : add, now);
    }
    for (const e of current) {
      pagesOf(e, after, add, now);
      if (isDraft(e)) drafts.add(ownUrl(e) ?? '');
      for (const r of redirectsOf(e)) redirects.set(r.from, r.to);
    }
  };

  for (const change of files) {
    const what = classify(change.path);
    if (what.kind === 'entry') {
      const old = change.status === 'added' ? [] : entriesIn(before, change.status === 'renamed' ? change.from : change.path);
      const current = change.status === 'deleted' ? [] : entriesIn(after, change.path);
      const moved = change.status === 'deleted' || change.status === 'renamed';
      touch(change.path, old, current, moved);
      if (moved) {
        for (const e of old) {
          const url = ownUrl(e);
          // A draft never had a page to lose.
          if (!url || isDraft(e) || current.some((c) => ownUrl(c) === url)) continue;
          const redirect = current.flatMap(redirectsOf).find((r) => r.from === url);
          gone.push({ url, file: e.file, ...(redirect ? { redirectsTo: redirect.to } : {}) });
        }
      }
      if (change.status === 'renamed') {
        const oldUrl = old.map(ownUrl)[0];
        const newUrl = current.map(ownUrl)[0];
        renamed.push({ from: change.from, to: change.path, ...(oldUrl ? { oldUrl } : {}), ...(newUrl ? { newUrl } : {}) });
      }
    } else if (what.kind === 'list') {
      // Only the items that differ: a new category name shows where that category shows.
      const ids = new Set([...of(before, what.collection), ...of(after, what.collection)].map((e) => e.id));
      for (const id of ids) {
        const old = of(before, what.collection).find((e) => e.id === id);
        const current = of(after, what.collection).find((e) => e.id === id);
        if (same(old, current)) continue;
        touch(change.path, old ? [old] : [], current ? [current] : [], false);
        if (old && !current) {
          const url = ownUrl(old);
          if (url) gone.push({ url, file: `${change.path} (${id})` });
        }
      }
    } else if (what.kind === 'image') {
      const users = (s: ContentSnapshot) => s.entries.filter((e) => imagesOf(e).includes(change.path) || (change.status === 'renamed' && imagesOf(e).includes(change.from)));
      const old = users(before);
      const current = users(after);
      if (old.length === 0 && current.length === 0) unused.push(change.path);
      const add = addTo(label(change.path));
      for (const e of old) pagesOf(e, before, (url, reason) => add(url, `billede i ${label(e.file)}, ${reason}`), now);
      for (const e of current) pagesOf(e, after, (url, reason) => add(url, `billede i ${label(e.file)}, ${reason}`), now);
      if (change.status === 'renamed') renamed.push({ from: change.from, to: change.path });
    } else {
      unused.push(change.path);
      if (change.status === 'renamed') renamed.push({ from: change.from, to: change.path });
    }
  }

  addCountPages(addTo('kataloget'), before, after);
  addLinkedPages(addTo, before, after);
  // A page that is gone is not a page that changes.
  for (const { url } of gone) if (!after.entries.some((e) => ownUrl(e) === url)) pages.delete(url);
  return {
    pages: [...pages].map(([url, reasons]) => ({ url, reasons: [...reasons] })).sort((a, b) => a.url.localeCompare(b.url)),
    gone: gone.sort((a, b) => a.url.localeCompare(b.url)),
    renamed,
    redirects: [...redirects].map(([from, to]) => ({ from, to })).sort((a, b) => a.from.localeCompare(b.from)),
    unused,
    files: [...files],
    drafts: [...drafts].filter(Boolean),
  };
}

/** Keeps the pages the built site has; the others go to `notBuilt` (a draft says so). */
export function keepBuilt(plan: ReturnType<typeof planPages>, isBuilt: (url: string) => boolean): PagePlan {
  const { drafts, ...rest } = plan;
  return {
    ...rest,
    pages: plan.pages.filter((p) => isBuilt(p.url)),
    notBuilt: plan.pages.filter((p) => !isBuilt(p.url)).map((p) => ({ ...p, draft: drafts.includes(p.url) })),
    redirects: plan.redirects.filter((r) => isBuilt(r.from)),
  };
}

/** The screenshot's file name for a page and width, e.g. `historier_ny-historie-390.png`. */
export function screenshotName(url: string, width: number): string {
  return `${url.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'forside'}-${width}.png`;
}
