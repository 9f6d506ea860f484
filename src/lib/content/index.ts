/**
 * The one query module every page imports: published entries, sorted, grouped and related,
 * computed once per build at module level. Drafts show only in the dev server (the editors'
 * preview); withdrawn stories leave every list.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { COMPANY_KINDS, INCLUSION_PRACTICES, today } from '../../schemas/shared.ts';
import type { TextKey } from '../../schemas/texts.ts';
import { weightedPoints } from '../scoring.ts';
import { entryUrl, type LinkedPage, type RoutedCollection } from '../urls.ts';
import { readFileOrder } from './file-order.ts';
import { readGitDates } from './git-dates.ts';

export type Company = CollectionEntry<'companies'>;
export type Offering = CollectionEntry<'offerings'>;
export type Category = CollectionEntry<'categories'>;
export type Story = CollectionEntry<'stories'>;
export type Prize = CollectionEntry<'prizes'>;
export type Criterion = CollectionEntry<'prize-criteria'>;
export type Partnership = CollectionEntry<'partnerships'>;
export type Scheme = CollectionEntry<'schemes'>;
export type Event = CollectionEntry<'events'>;
export type Page = CollectionEntry<'pages'>;
export type Text = CollectionEntry<'texts'>;
export type SelfCheckQuestion = CollectionEntry<'self-check-questions'>;
export type SelfCheckStage = CollectionEntry<'self-check-stages'>;

// By command, not NODE_ENV: `astro build` never publishes a draft, whatever the environment says.
const showDrafts = import.meta.env.MODE === 'development';
const danish = (a: string, b: string) => a.localeCompare(b, 'da');

/** A story that may be listed and rendered in full. */
export function isPublishedStory(story: Story): boolean {
  return (showDrafts || !story.data.draft) && story.data.consentWithdrawn === undefined;
}

/** A story whose consent was withdrawn: its URL says so and nothing else. */
export function isWithdrawnStory(story: Story): boolean {
  return story.data.consentWithdrawn !== undefined;
}

export const companies = (await getCollection('companies')).sort((a, b) => danish(a.data.name, b.data.name));
/** The directory's order: by kind (in the order of COMPANY_KINDS), then by name. */
export const directory = COMPANY_KINDS.flatMap((kind) => companies.filter((c) => c.data.kind === kind));
export const offerings = (await getCollection('offerings')).sort((a, b) => danish(a.data.title, b.data.title));
export const categories = (await getCollection('categories')).sort((a, b) => danish(a.data.name, b.data.name));
const allStories = await getCollection('stories');
export const stories = allStories
  .filter(isPublishedStory)
  .sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id));
export const withdrawnStories = allStories.filter(isWithdrawnStory);
export const prizes = (await getCollection('prizes')).sort((a, b) => b.data.year - a.data.year);
export const criteria = (await getCollection('prize-criteria')).sort(
  (a, b) => b.data.weight - a.data.weight || danish(a.data.title, b.data.title),
);
export const partnerships = (await getCollection('partnerships')).sort((a, b) => danish(a.data.title, b.data.title));
export const schemes = (await getCollection('schemes')).sort(
  (a, b) => a.data.order - b.data.order || danish(a.data.title, b.data.title),
);
export const events = (await getCollection('events')).sort((a, b) => a.data.start.getTime() - b.data.start.getTime());
export const pages = (await getCollection('pages')).sort((a, b) => danish(a.data.title, b.data.title));
/** The self-check's questions in the file's order, and its stages from the lowest threshold up; empty in a fork without them. */
const questionEntries = await getCollection('self-check-questions');
const questionOrder = readFileOrder(process.cwd(), questionEntries[0]?.filePath);
export const selfCheckQuestions = questionEntries.sort(
  (a, b) => (questionOrder.get(a.id) ?? 0) - (questionOrder.get(b.id) ?? 0),
);
export const selfCheckStages = (await getCollection('self-check-stages')).sort((a, b) => a.data.from - b.data.from);
/** Is the self-check set up (questions, stages and the prize criteria they score by)? Else its page says it is not. */
export const hasSelfCheck = selfCheckQuestions.length > 0 && selfCheckStages.length > 0 && criteria.length > 0;

const texts = new Map((await getCollection('texts')).map((text) => [text.id, text]));
/** The prose of a fixed page from `src/content/texts/<key>.md`, or undefined when a fork has none. */
export const getText = (key: TextKey): Text | undefined => texts.get(key);

const companyById = new Map(companies.map((c) => [c.id, c]));
const categoryById = new Map(categories.map((c) => [c.id, c]));
const storyById = new Map(stories.map((s) => [s.id, s]));

/** The company an id points to (references are checked before the build, so it exists). */
export function getCompany(id: string): Company {
  const company = companyById.get(id);
  if (!company) throw new Error(`Ukendt virksomhed: ${id}`);
  return company;
}

export function getCategory(id: string): Category {
  const category = categoryById.get(id);
  if (!category) throw new Error(`Ukendt kategori: ${id}`);
  return category;
}

/** A published story, or undefined when it is a draft or withdrawn. */
export const getPublishedStory = (id: string): Story | undefined => storyById.get(id);

const pageIds = new Set(pages.map((p) => p.id));
/**
 * The URL of a free page that other pages link to (`LINKED_PAGES`), or undefined when the site
 * has no such page: a fork may leave any of them out, and then the link is left out rather than
 * broken. A new link to another free page starts in `LINKED_PAGES`.
 */
export const pageUrl = (id: LinkedPage): string | undefined => (pageIds.has(id) ? entryUrl('pages', id) : undefined);

/** Groups `items` by `key`, keeping the items' order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) for (const k of key(item)) groups.set(k, [...(groups.get(k) ?? []), item]);
  return groups;
}

const offeringsOf = groupBy(offerings, (o) => [o.data.company.id]);
const storiesOf = groupBy(stories, (s) => s.data.companies.map((c) => c.id));
const partnershipsOf = groupBy(partnerships, (p) => p.data.members.map((m) => m.id));
const offeringsIn = groupBy(offerings, (o) => [o.data.category.id]);

export const getOfferingsByCompany = (id: string): Offering[] => offeringsOf.get(id) ?? [];
export const getStoriesByCompany = (id: string): Story[] => storiesOf.get(id) ?? [];
export const getPartnershipsByCompany = (id: string): Partnership[] => partnershipsOf.get(id) ?? [];
export const getOfferingsByCategory = (id: string): Offering[] => offeringsIn.get(id) ?? [];

/** Categories that have at least one offering, with their offerings, in name order. */
export const catalogue = categories
  .map((category) => ({ category, offerings: getOfferingsByCategory(category.id) }))
  .filter((g) => g.offerings.length > 0);

/** The catalogue's order, one list: by category (in name order), then by title. */
export const catalogueOfferings = catalogue.flatMap((g) => g.offerings);

/** Up to `limit` other offerings in the same category, then from the same company. */
export function getRelatedOfferings(offering: Offering, limit = 3): Offering[] {
  const candidates = [
    ...getOfferingsByCategory(offering.data.category.id),
    ...getOfferingsByCompany(offering.data.company.id),
  ];
  return [...new Set(candidates)].filter((o) => o.id !== offering.id).slice(0, limit);
}

/** A prize year's scores: each nominee with points per criterion and the weighted total (0–100). */
export interface ScoredNominee {
  company: Company;
  scores: { criterion: Criterion; score: number; weighted: number }[];
  total: number;
  winner: boolean;
}

/** The weighted total (`src/lib/scoring.ts`): each score 0–5 times its weight, over 5, so a perfect nominee has 100. */
export function scorePrize(prize: Prize): ScoredNominee[] {
  const winners = new Set(prize.data.winners.map((w) => w.id));
  return prize.data.nominees
    .map((nominee) => {
      const scores = criteria.map((criterion) => {
        const score = nominee.scores[criterion.id] ?? 0;
        return { criterion, score, weighted: weightedPoints(score, criterion.data.weight) };
      });
      const total = scores.reduce((sum, s) => sum + s.weighted, 0);
      return { company: getCompany(nominee.company.id), scores, total, winner: winners.has(nominee.company.id) };
    })
    .sort((a, b) => b.total - a.total || danish(a.company.data.name, b.company.data.name));
}

/** The prize years a company was nominated in, and whether it won. */
export function getPrizeYearsByCompany(id: string): { year: number; winner: boolean }[] {
  return prizes
    .filter((p) => p.data.nominees.some((n) => n.company.id === id))
    .map((p) => ({ year: p.data.year, winner: p.data.winners.some((w) => w.id === id) }));
}

/**
 * The prize year to nominate for: the one whose nomination deadline is today (Copenhagen) or
 * later, soonest deadline first; undefined when no window is open or announced. `open` says
 * whether the window has opened yet.
 */
export function getNominationYear(at: Date = today()): { prize: Prize; open: boolean } | undefined {
  const prize = prizes
    .filter((p) => p.data.nomination && p.data.nomination.deadline.getTime() >= at.getTime())
    .sort((a, b) => (a.data.nomination?.deadline.getTime() ?? 0) - (b.data.nomination?.deadline.getTime() ?? 0))[0];
  const opens = prize?.data.nomination?.opens;
  return prize && opens ? { prize, open: opens.getTime() <= at.getTime() } : undefined;
}

/** Every company that holds the municipality's mark (`registrations.socialMark`), in name order. */
export const markHolders = companies.filter((c) => c.data.registrations?.socialMark !== undefined);

/** The scheme page that explains an inclusion practice, if any. */
const schemeFor = new Map(
  INCLUSION_PRACTICES.map((practice) => [practice, schemes.find((s) => s.data.inclusion?.includes(practice))]),
);
export const getSchemeForPractice = (practice: (typeof INCLUSION_PRACTICES)[number]): Scheme | undefined =>
  schemeFor.get(practice);

/**
 * The companies a scheme's page lists: those that practise what it explains (the preview's page
 * mapping uses the same rule), by name.
 */
export function getSchemeUsers(scheme: Scheme): Company[] {
  const practices = new Set(scheme.data.inclusion ?? []);
  return companies.filter((c) => (c.data.inclusion ?? []).some((p) => practices.has(p)));
}

/** The published stories about a scheme's companies, newest first. */
export function getSchemeStories(scheme: Scheme): Story[] {
  const users = new Set(getSchemeUsers(scheme).map((c) => c.id));
  return stories.filter((s) => s.data.companies.some((c) => users.has(c.id)));
}

/** Up to `limit` newest published stories serving any of the pejlemærker; without pejlemærker, the newest. */
export const getStoriesByPillars = (pillars: readonly number[] | undefined, limit = 3): Story[] =>
  stories.filter((s) => !pillars?.length || s.data.pillars.some((p) => pillars.includes(p))).slice(0, limit);

/** Events not yet over, soonest first, and past events, newest first. */
const now = Date.now();
/** Is the event not over yet (at build time)? */
export const isUpcoming = (event: Event): boolean => (event.data.end ?? event.data.start).getTime() >= now;
export const upcomingEvents = events.filter(isUpcoming);
export const pastEvents = events.filter((e) => !isUpcoming(e)).reverse();

type Redirectable = { id: string; data: { redirectFrom?: string[] | undefined } };

/** Every old URL that should lead to an entry, per collection, for the static redirect pages. */
export function getRedirects(collection: RoutedCollection, entries: readonly Redirectable[]) {
  return entries.flatMap((entry) =>
    (entry.data.redirectFrom ?? []).map((from) => ({ from, to: entryUrl(collection, entry.id) })),
  );
}

/** A route's props: the entry itself, or an old slug that redirects to it. */
export type EntryOrRedirect<E> = { entry: E; redirectTo: undefined } | { entry: undefined; redirectTo: string };

/** `getStaticPaths` for an entry route: one page per entry and one redirect page per old slug. */
export function entryPaths<E extends Redirectable>(collection: RoutedCollection, entries: readonly E[]) {
  return [
    ...entries.map((entry) => ({
      params: { slug: entry.id },
      props: { entry, redirectTo: undefined } as EntryOrRedirect<E>,
    })),
    ...getRedirects(collection, entries).map(({ from, to }) => ({
      params: { slug: from },
      props: { entry: undefined, redirectTo: to } as EntryOrRedirect<E>,
    })),
  ];
}

const gitDates = readGitDates(process.cwd(), 'src/content');

/**
 * "Sidst opdateret" for an entry: the last commit that touched its file, else the entry's own
 * `updated`/`published` date, else nothing.
 */
export function getLastUpdated(entry: { filePath?: string | undefined; data: object }): Date | undefined {
  const fromGit = entry.filePath ? gitDates.get(entry.filePath.replace(/^\.\//, '')) : undefined;
  if (fromGit) return fromGit;
  const data = entry.data as { updated?: Date; published?: Date };
  return data.updated ?? data.published;
}
