/**
 * What the content files of the site under test say, read with the editors' checker (the same
 * schemas the build uses). The `site` tests derive every count, name and URL from here, so
 * they hold for any valid content: the sample, an editor's change, or a fork's own.
 */
import path from 'node:path';
import { checkContent } from '../../src/lib/validation/check.ts';
import type { CheckedEntry } from '../../src/lib/validation/rules/index.ts';
import type { CollectionName } from '../../src/schemas/index.ts';
import { PAGES, categoryUrl, deliveryTownUrl, entryUrl, prizeYearUrl } from '../../src/lib/urls.ts';
import { site } from '../../src/site.config.ts';
import { siteRoot } from '../dist.ts';

type Data = Record<string, unknown>;
export interface Entry {
  id: string;
  /** Path of the file from the site root, e.g. `src/content/stories/x.md`. */
  file: string;
  data: Data;
}

const refId = (value: unknown): string => (value as { id: string }).id;
const refIds = (value: unknown): string[] => ((value as unknown[] | undefined) ?? []).map(refId);
const day = (value: unknown): string => (value as Date).toISOString().slice(0, 10);

export interface SiteContent {
  all: Map<CollectionName, Entry[]>;
  companies: (Entry & { name: string; kind: string; cvr: string | undefined })[];
  offerings: (Entry & { title: string; company: string; category: string })[];
  categories: (Entry & { name: string })[];
  /** Every story file, drafts and withdrawn ones too. */
  stories: (Entry & {
    title: string;
    companies: string[];
    published: string;
    draft: boolean;
    withdrawn: boolean;
    people: string[];
  })[];
  /** Stories a reader may see. */
  published: SiteContent['stories'];
  /** Drafts and stories whose consent was withdrawn: nothing of them may be published. */
  hidden: SiteContent['stories'];
  prizes: (Entry & {
    year: number;
    nominees: { company: string; scores: Record<string, number> }[];
    winners: string[];
  })[];
  criteria: (Entry & { title: string; weight: number })[];
  partnerships: (Entry & { title: string; members: string[] })[];
  schemes: (Entry & { title: string })[];
  events: (Entry & { title: string })[];
  pages: (Entry & { title: string })[];
  /** Every old slug (`redirectFrom`) as the URL that must lead to the entry's page. */
  redirects: { from: string; to: string }[];
}

let cached: Promise<SiteContent> | undefined;

/** The content of the site under test, read once per test file. */
export function siteContent(root = siteRoot): Promise<SiteContent> {
  if (root === siteRoot) return (cached ??= read(root));
  return read(root);
}

async function read(root: string): Promise<SiteContent> {
  const result = await checkContent(root);
  if (result.problems.length > 0) {
    throw new Error(
      `Indholdet i ${path.relative(process.cwd(), root) || '.'} er ugyldigt:\n${result.problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('\n')}`,
    );
  }
  const all = new Map<CollectionName, Entry[]>();
  for (const [name, list] of result.entries)
    all.set(
      name,
      list.map(({ id, file, data }: CheckedEntry) => ({ id, file, data })),
    );
  const of = (name: CollectionName) => all.get(name) ?? [];

  const stories = of('stories').map((e) => ({
    ...e,
    title: String(e.data['title']),
    companies: refIds(e.data['companies']),
    published: day(e.data['published']),
    draft: e.data['draft'] === true,
    withdrawn: e.data['consentWithdrawn'] !== undefined,
    people: ((e.data['people'] as { name: string }[] | undefined) ?? []).map((p) => p.name),
  }));
  const redirects: SiteContent['redirects'] = [];
  for (const name of ['companies', 'offerings', 'stories', 'partnerships', 'schemes', 'events', 'pages'] as const) {
    for (const e of of(name)) {
      const story = name === 'stories' ? stories.find((s) => s.id === e.id) : undefined;
      if (story && (story.draft || story.withdrawn)) continue;
      for (const old of (e.data['redirectFrom'] as string[] | undefined) ?? [])
        redirects.push({ from: entryUrl(name, old), to: entryUrl(name, e.id) });
    }
  }
  return {
    all,
    companies: of('companies').map((e) => ({
      ...e,
      name: String(e.data['name']),
      kind: String(e.data['kind']),
      cvr: e.data['cvr'] as string | undefined,
    })),
    offerings: of('offerings').map((e) => ({
      ...e,
      title: String(e.data['title']),
      company: refId(e.data['company']),
      category: refId(e.data['category']),
    })),
    categories: of('categories').map((e) => ({ ...e, name: String(e.data['name']) })),
    stories,
    published: stories.filter((s) => !s.draft && !s.withdrawn),
    hidden: stories.filter((s) => s.draft || s.withdrawn),
    prizes: of('prizes').map((e) => ({
      ...e,
      year: Number(e.data['year']),
      nominees: (e.data['nominees'] as { company: unknown; scores: Record<string, number> }[]).map((n) => ({
        company: refId(n.company),
        scores: n.scores,
      })),
      winners: refIds(e.data['winners']),
    })),
    criteria: of('prize-criteria').map((e) => ({
      ...e,
      title: String(e.data['title']),
      weight: Number(e.data['weight']),
    })),
    partnerships: of('partnerships').map((e) => ({
      ...e,
      title: String(e.data['title']),
      members: refIds(e.data['members']),
    })),
    schemes: of('schemes').map((e) => ({ ...e, title: String(e.data['title']) })),
    events: of('events').map((e) => ({ ...e, title: String(e.data['title']) })),
    pages: of('pages').map((e) => ({ ...e, title: String(e.data['title']) })),
    redirects,
  };
}

/**
 * The towns an offering is delivered to, by the rule of the "Leverer til" filter: every town of
 * the site config for the whole municipality, else its `deliversTo.towns`, else its supplier's town.
 */
export function deliveredTo(content: SiteContent, offering: SiteContent['offerings'][number]): string[] {
  const deliversTo = offering.data['deliversTo'] as { municipality?: boolean; towns?: string[] } | undefined;
  if (deliversTo?.municipality) return [...site.towns];
  if (deliversTo?.towns) return deliversTo.towns;
  const company = content.companies.find((c) => c.id === offering.company);
  return [(company?.data['address'] as { city: string } | undefined)?.city ?? ''];
}

/**
 * One page of each template, taken from whatever content the site has: the fixed pages, and the
 * first entry of each collection that has any. The browser tests (keyboard, phone) walk these.
 */
export function templatePages(content: SiteContent): string[] {
  const first = <T extends { id: string }>(list: T[], url: (e: T) => string) => (list[0] ? [url(list[0])] : []);
  return [
    PAGES.home,
    PAGES.catalogue,
    ...first(
      content.categories.filter((c) => content.offerings.some((o) => o.category === c.id)),
      (c) => categoryUrl(c.id),
    ),
    ...first(content.offerings, (e) => entryUrl('offerings', e.id)),
    ...first(
      site.towns
        .filter((town) => content.offerings.some((o) => deliveredTo(content, o).includes(town)))
        .map((town) => ({ id: town })),
      (town) => deliveryTownUrl(town.id),
    ),
    PAGES.getListed,
    PAGES.companies,
    ...first(content.companies, (e) => entryUrl('companies', e.id)),
    PAGES.mark,
    PAGES.stories,
    ...first(content.published, (e) => entryUrl('stories', e.id)),
    PAGES.prize,
    ...first(content.prizes, (e) => prizeYearUrl(e.year)),
    PAGES.nominate,
    PAGES.guidance,
    ...first(content.schemes, (e) => entryUrl('schemes', e.id)),
    PAGES.selfCheck,
    PAGES.partnerships,
    PAGES.events,
    ...first(content.events, (e) => entryUrl('events', e.id)),
    PAGES.search,
    PAGES.press,
    ...first(content.pages, (e) => entryUrl('pages', e.id)),
    '/404.html',
  ];
}
