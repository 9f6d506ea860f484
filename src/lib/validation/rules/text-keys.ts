import { TEXT_KEYS } from '../../../schemas/texts.ts';
import type { Problem } from '../problem.ts';
import type { CrossFileRule } from './types.ts';

export const textKeys: CrossFileRule = {
  name: 'text-keys',
  description: 'A file in src/content/texts/ is named after the page it belongs to; any other name would be ignored.',
  check({ entries }) {
    const problems: Problem[] = [];
    for (const entry of entries.get('texts') ?? []) {
      if (!(entry.id in TEXT_KEYS)) {
        problems.push({
          file: entry.file,
          field: 'filnavn',
          message: `"${entry.id}" er ikke en side med egen tekst, så filen ville aldrig blive vist. Giv filen et af navnene: ${Object.keys(
            TEXT_KEYS,
          )
            .map((key) => `${key}.md`)
            .join(', ')}`,
        });
      }
    }
    return problems;
  },
};
