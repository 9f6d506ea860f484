/**
 * Rules that need more than one file: references resolve, offerings belong to social-economy
 * companies, prize scores and winners, criteria weights, one URL per file.
 */
import { RESERVED_SLUGS, ROUTE_PREFIX, type RoutedCollection } from '../urls.ts';
import type { CollectionName } from '../../schemas/shared.ts';
import { Ref, findMarkers } from './markers.ts';
import { formatPath, type Problem } from './problem.ts';

/** One entry as the checker parsed it. */
export interface CheckedEntry {
  collection: CollectionName;
  id: string;
  /** Path from the project root. */
  file: string;
  /** Field prefix for entries of a YAML list, e.g. `[2]`. */
  fieldPrefix: PropertyKey[];
  data: Record<string, unknown>;
}

type Entries = Map<CollectionName, CheckedEntry[]>;

const field = (entry: CheckedEntry, path: PropertyKey[]) => formatPath([...entry.fieldPrefix, ...path]);

/** The closest id by edit distance, to suggest a fix for a typo. */
function closest(target: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(target.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(target, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

const WHERE: Record<CollectionName, string> = {
  companies: 'src/content/companies/<id>.md',
  offerings: 'src/content/offerings/<id>.md',
  categories: 'src/content/categories.yaml',
  stories: 'src/content/stories/<id>.md',
  prizes: 'src/content/prizes/<år>.md',
  'prize-criteria': 'src/content/prize-criteria.yaml',
  partnerships: 'src/content/partnerships/<id>.md',
  schemes: 'src/content/schemes/<id>.md',
  events: 'src/content/events/<id>.md',
  pages: 'src/content/pages/<id>.md',
};

/**
 * @param ids every id that has a file, valid or not: a reference to a file with its own
 * problem is not reported a second time. A collection missing from `ids` could not be read at
 * all, so references to it are not judged.
 */
export function crossFileRules(entries: Entries, ids: Map<CollectionName, Set<string>>): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<CollectionName, Map<string, CheckedEntry>>();
  for (const [collection, list] of entries) byId.set(collection, new Map(list.map((e) => [e.id, e])));
  const all = [...entries.values()].flat();

  // Every reference resolves.
  for (const entry of all) {
    for (const { value: ref, path } of findMarkers(entry.data, Ref)) {
      const targets = ids.get(ref.collection);
      // No set: the collection's one file could not be read, and that is reported already.
      if (targets && !targets.has(ref.id)) {
        const guess = closest(ref.id, [...targets]);
        problems.push({
          file: entry.file,
          field: field(entry, path),
          message: `"${ref.id}" findes ikke i ${ref.collection} (${WHERE[ref.collection]}).${guess ? ` Mente du "${guess}"?` : ' Tjek stavningen, eller opret filen først'}`,
        });
      }
    }
  }

  // An offering is sold by a social-economy company.
  for (const offering of entries.get('offerings') ?? []) {
    const ref = offering.data['company'];
    const company = ref instanceof Ref ? byId.get('companies')?.get(ref.id) : undefined;
    if (company && company.data['kind'] !== 'social-economy') {
      problems.push({
        file: offering.file,
        field: field(offering, ['company']),
        message: `"${ref instanceof Ref ? ref.id : ''}" er ikke en socialøkonomisk virksomhed (kind: ${String(company.data['kind'])}). Kataloget er kun for socialøkonomiske virksomheder`,
      });
    }
  }

  problems.push(...prizeRules(entries));
  problems.push(...urlRules(entries));
  return problems;
}

function prizeRules(entries: Entries): Problem[] {
  const problems: Problem[] = [];
  const criteria = entries.get('prize-criteria') ?? [];
  const criterionIds = criteria.map((c) => c.id);
  const prizes = entries.get('prizes') ?? [];

  if (criteria.length > 0) {
    const sum = criteria.reduce((acc, c) => acc + (typeof c.data['weight'] === 'number' ? c.data['weight'] : 0), 0);
    if (sum !== 100) {
      problems.push({
        file: criteria[0]!.file,
        field: 'weight',
        message: `vægtene summerer til ${sum}, men skal give 100 tilsammen. Ret vægtene (${criteria.map((c) => `${c.id}: ${String(c.data['weight'])}`).join(', ')})`,
      });
    }
  } else if (prizes.length > 0) {
    problems.push({
      file: 'src/content/prize-criteria.yaml',
      field: '(filen)',
      message:
        'kriterierne for CSR-prisen mangler. Opret filen med en liste af kriterier (id, title, description, weight)',
    });
  }

  for (const prize of prizes) {
    if (prize.data['year'] !== undefined && String(prize.data['year']) !== prize.id) {
      problems.push({
        file: prize.file,
        field: 'year',
        message: `year er ${String(prize.data['year'])}, men filen hedder ${prize.id}.md. Gør dem ens`,
      });
    }
    const nominees = Array.isArray(prize.data['nominees']) ? (prize.data['nominees'] as Record<string, unknown>[]) : [];
    const nominated = new Set<string>();
    nominees.forEach((nominee, i) => {
      const company = nominee['company'];
      if (company instanceof Ref) {
        if (nominated.has(company.id))
          problems.push({
            file: prize.file,
            field: `nominees[${i}].company`,
            message: `"${company.id}" er nomineret to gange. Fjern den ene`,
          });
        nominated.add(company.id);
      }
      const scores = (nominee['scores'] ?? {}) as Record<string, unknown>;
      const missing = criterionIds.filter((id) => !(id in scores));
      const extra = Object.keys(scores).filter((id) => !criterionIds.includes(id));
      if (criteria.length > 0 && missing.length > 0) {
        problems.push({
          file: prize.file,
          field: `nominees[${i}].scores`,
          message: `mangler point for ${missing.join(', ')}. Giv point 0-5 for hvert kriterium i prize-criteria.yaml`,
        });
      }
      for (const id of extra) {
        problems.push({
          file: prize.file,
          field: `nominees[${i}].scores.${id}`,
          message: `"${id}" er ikke et kriterium i prize-criteria.yaml (${criterionIds.join(', ')}). Ret navnet eller fjern det`,
        });
      }
    });
    const winners = Array.isArray(prize.data['winners']) ? prize.data['winners'] : [];
    winners.forEach((winner, i) => {
      if (winner instanceof Ref && !nominated.has(winner.id)) {
        problems.push({
          file: prize.file,
          field: `winners[${i}]`,
          message: `"${winner.id}" er ikke blandt de nominerede. En vinder skal først stå i nominees`,
        });
      }
    });
  }
  return problems;
}

/** Two files may not claim one URL: a slug, an old slug in `redirectFrom`, or a fixed route. */
function urlRules(entries: Entries): Problem[] {
  const problems: Problem[] = [];
  const claims = new Map<string, { entry: CheckedEntry; how: string }>();
  // Own slugs first, so a clash with an old slug is reported on the redirect, not the file name.
  const wanted: {
    entry: CheckedEntry;
    collection: RoutedCollection;
    slug: string;
    where: string;
    redirect: boolean;
  }[] = [];
  for (const [collection, list] of entries) {
    if (!(collection in ROUTE_PREFIX)) continue;
    for (const entry of list) {
      wanted.push({
        entry,
        collection: collection as RoutedCollection,
        slug: entry.id,
        where: entry.fieldPrefix.length ? field(entry, ['id']) : 'filnavn',
        redirect: false,
      });
      const redirects = Array.isArray(entry.data['redirectFrom']) ? (entry.data['redirectFrom'] as string[]) : [];
      redirects.forEach((slug, i) =>
        wanted.push({
          entry,
          collection: collection as RoutedCollection,
          slug,
          where: field(entry, ['redirectFrom', i]),
          redirect: true,
        }),
      );
    }
  }
  wanted.sort((a, b) => Number(a.redirect) - Number(b.redirect));
  for (const { entry, collection, slug, where } of wanted) {
    const url = `${ROUTE_PREFIX[collection]}${slug}/`;
    if ((RESERVED_SLUGS[collection] ?? []).includes(slug)) {
      problems.push({
        file: entry.file,
        field: where,
        message: `adressen ${url} er optaget af sitet selv. Vælg et andet navn`,
      });
      continue;
    }
    const earlier = claims.get(url);
    if (earlier?.entry === entry) {
      problems.push({
        file: entry.file,
        field: where,
        message: `"${slug}" er filens eget navn og kan ikke også stå i redirectFrom. Fjern det`,
      });
    } else if (earlier) {
      problems.push({
        file: entry.file,
        field: where,
        message: `adressen ${url} bruges også af ${earlier.entry.file} (${earlier.how}). Hver adresse må kun høre til én fil`,
      });
    } else {
      claims.set(url, { entry, how: where });
    }
  }
  return problems;
}
