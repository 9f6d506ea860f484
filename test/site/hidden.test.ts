/**
 * Consent: a draft and a story whose consent was withdrawn leave every list, feed, calendar,
 * open-data file, sitemap and share card. Derived from the content files, so it holds for any
 * content (and passes trivially only when there is no hidden story at all, which it says).
 */
import { describe, expect, it } from 'vitest';
import { entryUrl } from '../../src/lib/urls.ts';
import { machineFiles, shareCards } from '../dist.ts';
import { siteContent } from './content.ts';

describe('hidden stories', () => {
  it('are in no feed, calendar, open data file, sitemap or share card — nor are the names of their people', async () => {
    const content = await siteContent();
    const files = await machineFiles();
    expect(files.map((f) => f.file)).toEqual(
      expect.arrayContaining([
        'historier/rss.xml',
        'historier/atom.xml',
        'historier/feed.json',
        'sitemap-0.xml',
        'data/virksomheder.json',
        'data/katalog.csv',
      ]),
    );
    // A person may also be in a published story, with consent there; only the others are checked.
    const consented = new Set(content.published.flatMap((s) => s.people));
    const problems: string[] = [];
    for (const story of content.hidden) {
      const needles = [entryUrl('stories', story.id), ...story.people.filter((p) => !consented.has(p))];
      for (const { file, text } of files)
        for (const needle of needles) if (text.includes(needle)) problems.push(`${file} nævner ${needle}`);
      for (const card of await shareCards()) if (card.includes(story.id)) problems.push(`delekortet ${card}`);
    }
    expect(problems).toEqual([]);
  });
});
