import { Ref, findMarkers } from '../markers.ts';
import type { Problem } from '../problem.ts';
import type { CollectionName } from '../../../schemas/shared.ts';
import { field, type CrossFileRule } from './types.ts';

/** The closest id by edit distance, to suggest a fix for a typo. */
export function closest(target: string, candidates: string[]): string | undefined {
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
  texts: 'src/content/texts/<id>.md',
  'self-check-questions': 'src/content/self-check-questions.yaml',
  'self-check-stages': 'src/content/self-check-stages.yaml',
};

export const references: CrossFileRule = {
  name: 'references',
  description: 'Every reference resolves to a file; a typo gets the nearest id as a suggestion.',
  check({ entries, ids }) {
    const problems: Problem[] = [];
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

    return problems;
  },
};
