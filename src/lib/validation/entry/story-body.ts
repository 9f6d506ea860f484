import type { EntryRule } from './types.ts';

export const storyBody: EntryRule = {
  name: 'story-body',
  description: 'A story has a text under its front matter.',
  stage: 'body',
  check({ collection, body, file }) {
    if (collection !== 'stories' || !body || body.text.trim() !== '') return [];
    return [{ file, field: 'body', message: 'historien har ingen tekst. Skriv selve historien under frontmatter' }];
  },
};
