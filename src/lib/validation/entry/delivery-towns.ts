import { site } from '../../../site.config.ts';
import { formatPath, type Problem } from '../problem.ts';
import { closest } from '../rules/references.ts';
import type { EntryRule } from './types.ts';

/**
 * The towns in an offering's `deliversTo.towns` are towns of the site config, so the catalogue's
 * "Leverer til" filter finds the offering under them. The schema checks the shape (one of
 * `municipality: true` or `towns`); it cannot see the site config, so the towns are checked here.
 */
export const deliveryTowns: EntryRule = {
  name: 'delivery-towns',
  description: 'Every town in an offering’s deliversTo.towns is one of the towns in src/site.config.ts.',
  stage: 'data',
  check({ collection, data, prefix, file }) {
    if (collection !== 'offerings' || !isRecord(data) || !isRecord(data['deliversTo'])) return [];
    const towns = data['deliversTo']['towns'];
    if (!Array.isArray(towns)) return [];
    return unknownTowns(towns, site.towns).map(({ index, message }): Problem => ({
      file,
      field: formatPath([...prefix, 'deliversTo', 'towns', index]),
      message,
    }));
  },
};

/** Each town of `given` that is not in `known`, with a message that suggests the closest. */
export function unknownTowns(given: unknown[], known: readonly string[]): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  given.forEach((town, index) => {
    // Anything not text is the schema's to report.
    if (typeof town !== 'string' || town.trim() === '' || known.includes(town.trim())) return;
    const lower = town.trim().toLocaleLowerCase('da');
    // Another case, the first word of a longer name ("Jerslev"), or a typo.
    const guess =
      known.find((k) => k.toLocaleLowerCase('da') === lower) ??
      known.find((k) => k.toLocaleLowerCase('da').startsWith(`${lower} `)) ??
      closest(town.trim(), [...known]);
    problems.push({
      index,
      message: `"${town}" er ikke en af kommunens byer${guess ? `. Mente du "${guess}"?` : '.'} Brug en af: ${known.join(', ')} (listen står i towns i src/site.config.ts). Leveres der i hele kommunen, så skriv municipality: true i stedet for towns`,
    });
  });
  return problems;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
