/**
 * Facets for search and list filters: the same Danish values feed Pagefind's filters on each
 * entry page and the data attributes the catalogue and directory filter on, so a visitor
 * meets the same choices everywhere.
 */
import type { Company, Offering, Partnership, Scheme, Story } from './content/index.ts';
import { getCategory, getCompany, offerings } from './content/index.ts';
import { t } from './i18n/da.ts';
import { site } from '../site.config.ts';

/** Facet keys (ASCII, used in URLs) in display order. */
export const FACETS = [
  'type',
  'kategori',
  'by',
  'leverer',
  'maalgruppe',
  'cirkulaer',
  'virksomhedstype',
  'ordning',
  'pejlemaerke',
] as const;
export type Facet = (typeof FACETS)[number];
export type Facets = Partial<Record<Facet, string[]>>;

/** What a search result card shows besides the title. */
export interface SearchMeta {
  summary: string;
  image?: string | undefined;
  imageAlt?: string | undefined;
}

/** An entry page's contribution to the search index. */
export interface SearchEntry {
  facets: Facets;
  meta: SearchMeta;
}

type EntryKind = keyof typeof t.facetValues.types;
const type = (kind: EntryKind) => [t.facetValues.types[kind]];
const pillar = (p: number) => t.pillar(p);

export function companyFacets(company: Company): Facets {
  const { data } = company;
  return {
    type: type('companies'),
    by: [data.address.city],
    virksomhedstype: [t.companyKind[data.kind]],
    ordning: (data.inclusion ?? []).map((p) => t.inclusion[p]),
  };
}

/**
 * The towns an offering is delivered to, for the "Leverer til" filter: every town of the site
 * config for `deliversTo.municipality`, the towns in `deliversTo.towns`, and without
 * `deliversTo` the supplier's own town (all that is known without it).
 */
export function deliveredTo(offering: Offering): string[] {
  const { deliversTo } = offering.data;
  if (deliversTo?.municipality) return [...site.towns];
  if (deliversTo?.towns) return deliversTo.towns;
  return [getCompany(offering.data.company.id).data.address.city];
}

/**
 * The towns of the site config that something is delivered to, each with its offerings in title
 * order: the "Leverer til" pages, the town facet for visitors without JavaScript.
 */
export const deliveryTowns: { town: string; offerings: Offering[] }[] = site.towns
  .map((town) => ({ town, offerings: offerings.filter((o) => deliveredTo(o).includes(town)) }))
  .filter((g) => g.offerings.length > 0);

export function offeringFacets(offering: Offering): Facets {
  const { data } = offering;
  const company = getCompany(data.company.id);
  return {
    type: type('offerings'),
    kategori: [getCategory(data.category.id).data.name],
    by: [company.data.address.city],
    leverer: deliveredTo(offering),
    maalgruppe: data.audiences.map((a) => t.audiences[a]),
    cirkulaer: data.circular ? [t.facetValues.circular] : [],
    virksomhedstype: [t.companyKind[company.data.kind]],
  };
}

export function storyFacets(story: Story): Facets {
  return { type: type('stories'), pejlemaerke: story.data.pillars.map(pillar) };
}

export function schemeFacets(scheme: Scheme): Facets {
  return { type: type('schemes'), ordning: (scheme.data.inclusion ?? []).map((p) => t.inclusion[p]) };
}

export function partnershipFacets(partnership: Partnership): Facets {
  return { type: type('partnerships'), pejlemaerke: (partnership.data.pillars ?? []).map(pillar) };
}

export const kindFacets = (kind: EntryKind): Facets => ({ type: type(kind) });

/** `data-f-kategori="Mad og catering|…"` attributes for a list item the filter module reads. */
export function facetAttributes(facets: Facets): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const key of FACETS) {
    const values = facets[key];
    if (values && values.length > 0) attributes[`data-f-${key}`] = values.join('|');
  }
  return attributes;
}

/** The options of each facet among `items`, with counts, sorted by name. */
export function facetOptions(
  items: Facets[],
  keys: readonly Facet[],
): { key: Facet; options: { value: string; count: number }[] }[] {
  return (
    keys
      .map((key) => {
        const counts = new Map<string, number>();
        for (const item of items) for (const value of item[key] ?? []) counts.set(value, (counts.get(value) ?? 0) + 1);
        const options = [...counts]
          .map(([value, count]) => ({ value, count }))
          .sort((a, b) => a.value.localeCompare(b.value, 'da'));
        return { key, options };
      })
      // A facet helps only if choosing it changes the list: one value on every item does not.
      .filter((f) => f.options.length > 1 || (f.options.length === 1 && f.options[0]!.count < items.length))
  );
}
