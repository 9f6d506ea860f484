/** `npm run new`: every scaffolded file passes the checker as it is, and nothing is overwritten. */
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, type CollectionName } from '../../src/schemas/index.ts';
import { FIELD_HINTS } from '../../src/schemas/hints.ts';
import { checkContent } from '../../src/lib/validation/check.ts';
import { ScaffoldError, scaffold } from '../../src/lib/scaffold/index.ts';
import { fixtureSite } from '../helpers.ts';

const scaffoldable = Object.keys(COLLECTIONS).filter(
  (c) => !['prize-criteria', 'self-check-questions', 'self-check-stages'].includes(c),
);

describe('npm run new', () => {
  it.each(scaffoldable)('a new %s entry passes the checker untouched', async (collection) => {
    const site = await fixtureSite();
    const title = { prizes: '2026', texts: 'bliv-vist' }[collection] ?? 'Ærø Øl & Søn – nyt værksted';
    const { file, id } = await scaffold(site.root, collection, title);
    expect(id).toBe(collection === 'prizes' || collection === 'texts' ? title : 'aeroe-oel-soen-nyt-vaerksted');
    const { problems, entries } = await checkContent(site.root);
    expect(problems).toEqual([]);
    expect(entries.get(collection as keyof typeof COLLECTIONS)?.some((e) => e.id === id)).toBe(true);
    expect(file).toMatch(collection === 'categories' ? /categories\.yaml$/ : new RegExp(`${id}\\.md$`));
  });

  it('writes today’s date and a Danish comment on every required key', async () => {
    const site = await fixtureSite();
    const { file } = await scaffold(site.root, 'stories', 'En ny historie');
    const text = await site.read(file);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
    expect(text).toContain(`published: ${today}`);
    for (const key of ['title', 'lede', 'published', 'companies', 'pillars', 'image', 'imageAlt', 'imageCredit']) {
      expect(text).toMatch(new RegExp(`^${key}: .+ # .+`, 'm'));
    }
    // The consent block is there to uncomment, each line with its hint.
    expect(text).toContain(`consentRef: SAM-2026-000 # ${FIELD_HINTS.stories['people.consentRef']!.hint}`);
    expect(text).toContain(
      `guardianConsentRef: SAM-2026-001 # ${FIELD_HINTS.stories['people.guardianConsentRef']!.hint}`,
    );
  });

  it.each(scaffoldable)('the comments in a new %s entry are the hints the CMS shows', async (collection) => {
    const site = await fixtureSite();
    const title = { prizes: '2026', texts: 'bliv-vist' }[collection] ?? 'Nyt værksted';
    const { file } = await scaffold(site.root, collection, title);
    const written = await site.read(file);
    // A category is appended to a list that may have comments of its own: judge only the new item.
    const lines = collection === 'categories' ? written.trimEnd().split('\n').slice(-3) : written.split('\n');
    const hints = Object.entries(FIELD_HINTS[collection as CollectionName]);
    const commented = lines.flatMap((line) => {
      const m = /^[#\s-]*(\w+):(?: .*?)? # (.+)$/.exec(line);
      return m ? [{ key: m[1]!, comment: m[2]! }] : [];
    });
    expect(commented.length).toBeGreaterThanOrEqual(2);
    for (const { key, comment } of commented) {
      const fromTable = hints.filter(
        ([path, { hint }]) => path.split('.').at(-1) === key && hint && comment.startsWith(hint),
      );
      expect(fromTable, `${key}: # ${comment}`).not.toEqual([]);
    }
    if (collection !== 'categories') {
      expect(written.trimEnd().endsWith(FIELD_HINTS[collection as CollectionName]['body']!.hint!)).toBe(true);
    }
  });

  it('refuses to overwrite an existing file', async () => {
    const site = await fixtureSite();
    const before = await site.read('src/content/pages/strategien.md');
    await expect(scaffold(site.root, 'pages', 'Strategien')).rejects.toThrow(ScaffoldError);
    expect(await site.read('src/content/pages/strategien.md')).toBe(before);
  });

  it('refuses a category it has already written, comments and all', async () => {
    const site = await fixtureSite();
    await scaffold(site.root, 'categories', 'Nye ting');
    const before = await site.read('src/content/categories.yaml');
    await expect(scaffold(site.root, 'categories', 'Nye ting')).rejects.toThrow(/findes allerede/);
    expect(await site.read('src/content/categories.yaml')).toBe(before);
  });

  it('names the valid keys for a page text with an unknown key', async () => {
    const site = await fixtureSite();
    await expect(scaffold(site.root, 'texts', 'Om os')).rejects.toThrow(/bliv-vist.*maerket/);
  });

  it.each(['self-check-questions', 'self-check-stages'])(
    'sends the editor to the file for a new %s item, which depends on the criteria',
    async (collection) => {
      await expect(scaffold((await fixtureSite()).root, collection, 'Nyt')).rejects.toThrow(
        new RegExp(`Ret src/content/${collection}\\.yaml i hånden`),
      );
    },
  );

  it('explains instead of guessing weights for a new prize criterion', async () => {
    await expect(scaffold((await fixtureSite()).root, 'prize-criteria', 'Nyt')).rejects.toThrow(
      /vægtene skal give 100/,
    );
  });
});
