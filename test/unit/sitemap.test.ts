/** The sitemap's rules outside a build: which pages say noindex, and where dates come from. */
import { describe, expect, it } from 'vitest';
import { isNoindex, lastModifiedByUrl } from '../../src/lib/sitemap.ts';
import { fixtureSite } from '../helpers.ts';

describe('isNoindex', () => {
  it.each([
    ['<meta name="robots" content="noindex">', true],
    ['<meta content="noindex, follow" name="robots" />', true],
    ["<meta name='robots' content='noindex'>", true],
    ['<meta name="robots" content="index, follow">', false],
    ['<meta name="description" content="noindex er et ord">', false],
    ['<p>noindex</p>', false],
  ])('%s → %s', (html, expected) => expect(isNoindex(html)).toBe(expected));
});

describe('lastModifiedByUrl', () => {
  it('without git history a story falls back to its own dates, a draft gets none, and the list page takes the newest', async () => {
    const site = await fixtureSite();
    const story = await site.read('src/content/stories/vaerkstedet-vokser.md');
    await site.write(
      'src/content/stories/senere.md',
      story.replace('published: 2026-03-14', 'published: 2026-03-20\nupdated: 2026-04-02'),
    );
    await site.write(
      'src/content/stories/kladde.md',
      story.replace('published: 2026-03-14', 'published: 2026-05-01\ndraft: true'),
    );
    // The fixture is not committed, so git knows none of these files.
    const dates = lastModifiedByUrl(site.root, 'https://example.dk');
    expect(dates.get('https://example.dk/historier/vaerkstedet-vokser/')?.toISOString()).toBe(
      '2026-03-14T00:00:00.000Z',
    );
    expect(dates.get('https://example.dk/historier/senere/')?.toISOString()).toBe('2026-04-02T00:00:00.000Z');
    expect(dates.has('https://example.dk/historier/kladde/')).toBe(false);
    expect(dates.get('https://example.dk/historier/')?.toISOString()).toBe('2026-04-02T00:00:00.000Z');
    // Companies have no dates of their own: without git they get none rather than a guess.
    expect(dates.has('https://example.dk/virksomheder/groent-vaerksted/')).toBe(false);
  });
});
