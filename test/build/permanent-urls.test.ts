/**
 * Permanent URLs: an old slug keeps leading to its entry in every collection, and what must
 * not be found — old slugs, a withdrawn story, a draft — is in no machine-readable file.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN_STORIES, distDir, page } from '../dist.ts';
import { astroBin, fixtureSite, runNode, withProjectCode, type FixtureSite } from '../helpers.ts';

/** Every file in `dist/` that machines read: feeds, calendars, open data, sitemaps, robots.txt. */
async function machineFiles(dist: string): Promise<{ file: string; text: string }[]> {
  const files = (await readdir(dist, { recursive: true })).filter((f) => /\.(xml|json|ics|csv|txt)$/.test(f) && !f.startsWith('_astro'));
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(path.join(dist, file), 'utf8') })));
}
const shareCards = async (dist: string) => (await readdir(path.join(dist, 'og'), { recursive: true })).map(String);

describe('the sample site', () => {
  it('the withdrawn story and the draft are in no feed, calendar, open data file, sitemap or share card', async () => {
    const files = await machineFiles(distDir);
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(['historier/rss.xml', 'historier/atom.xml', 'historier/feed.json', 'sitemap-0.xml', 'data/virksomheder.json', 'data/katalog.csv']));
    for (const { file, text } of files) {
      for (const slug of Object.values(HIDDEN_STORIES)) expect(text.includes(slug), `${file} nævner ${slug}`).toBe(false);
    }
    for (const card of await shareCards(distDir)) for (const slug of Object.values(HIDDEN_STORIES)) expect(card).not.toContain(slug);
  });
});

describe('redirectFrom in every collection with pages (fixture build)', () => {
  const collections = [
    ['companies/groent-vaerksted.md', '/virksomheder/'],
    ['offerings/cykelreparation.md', '/katalog/'],
    ['stories/vaerkstedet-vokser.md', '/historier/'],
    ['partnerships/reparationsnetvaerket.md', '/partnerskaber/'],
    ['schemes/fleksjob.md', '/for-virksomheder/'],
    ['events/dialogmoede.md', '/arrangementer/'],
    ['pages/strategien.md', '/'],
  ] as const;
  let site: FixtureSite;
  let dist: string;

  beforeAll(async () => {
    site = await fixtureSite();
    await withProjectCode(site);
    for (const [file] of collections) {
      const slug = path.basename(file, '.md');
      await site.edit(`src/content/${file}`, (text) => text.replace(/^---\n/, `---\nredirectFrom:\n  - gammel-${slug}\n`));
    }
    // A withdrawn story and a draft beside the published one.
    const story = await site.read('src/content/stories/vaerkstedet-vokser.md');
    await site.write('src/content/stories/trukket-tilbage.md', story.replace(/redirectFrom:\n {2}- \S+\n/, '').replace('published: 2026-03-14', 'published: 2026-03-14\nconsentWithdrawn: 2026-04-01').replace('title: Værkstedet vokser', 'title: Trukket tilbage'));
    await site.write('src/content/stories/kladde-til-historie.md', story.replace(/redirectFrom:\n {2}- \S+\n/, '').replace('published: 2026-03-14', 'published: 2026-03-14\ndraft: true').replace('title: Værkstedet vokser', 'title: En kladde'));
    const result = await runNode([astroBin, 'build', '--root', site.root], site.root);
    expect(result.stdout + result.stderr).toContain('Complete!');
    dist = path.join(site.root, 'dist');
  });

  it.each(collections)('an old slug of %s leads to the entry with canonical and meta refresh', async (file, prefix) => {
    const slug = path.basename(file, '.md');
    const $ = await page(`${prefix}gammel-${slug}/`, dist);
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${prefix}${slug}/`);
    expect($('link[rel="canonical"]').attr('href')).toBe(`https://socialoekonomi.kalundborg.dk${prefix}${slug}/`);
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
  });

  it('old slugs, the withdrawn story and the draft are in no feed, calendar, open data file, sitemap or share card', async () => {
    const hidden = [...collections.map(([file]) => `gammel-${path.basename(file, '.md')}`), 'trukket-tilbage', 'kladde-til-historie'];
    const files = await machineFiles(dist);
    const sitemap = files.find((f) => f.file === 'sitemap-0.xml')?.text ?? '';
    // The entries themselves are there, so their absence below means something.
    expect(sitemap).toContain('/historier/vaerkstedet-vokser/');
    expect(files.find((f) => f.file === 'historier/rss.xml')?.text).toContain('/historier/vaerkstedet-vokser/');
    for (const { file, text } of files) for (const slug of hidden) expect(text.includes(slug), `${file} nævner ${slug}`).toBe(false);
    for (const card of await shareCards(dist)) for (const slug of hidden) expect(card).not.toContain(slug);
    // The withdrawn story still answers at its URL, with the noindex "trukket tilbage" page.
    const $ = await page('/historier/trukket-tilbage/', dist);
    expect($('h1').text()).toMatch(/trukket tilbage/);
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
  });
});
