import { findForbiddenCharacters } from '../bounds.ts';
import type { EntryRule } from './types.ts';

export const characters: EntryRule = {
  name: 'characters',
  description: 'No character that XML 1.0 forbids in any value or key (it would break the feeds).',
  stage: 'data',
  check({ data, prefix, file }) {
    return findForbiddenCharacters(data, prefix).map(({ field, message }) => ({ file, field, message }));
  },
};
