/** `npm run new`: every scaffolded file passes the checker as it is, and nothing is overwritten. */
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/schemas/index.ts';
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
  });

  it('refuses to overwrite an existing file', async () => {
    const site = await fixtureSite();
    const before = await site.read('src/content/pages/strategien.md');
    await expect(scaffold(site.root, 'pages', 'Strategien')).rejects.toThrow(ScaffoldError);
    expect(await site.read('src/content/pages/strategien.md')).toBe(before);
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
