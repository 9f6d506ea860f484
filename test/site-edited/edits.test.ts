/**
 * What the editor's change (edit.ts) did, seen in the built copy: the new entries are there
 * with `&`, `<` and æøå as written, the deleted offering is gone from every page and file, and
 * the renamed company answers at its new URL while its old one leads there.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { entryUrl } from '../../src/lib/urls.ts';
import { allPages, existsInDist, machineFiles, page, readDist, siteRoot } from '../dist.ts';
import type { Edits } from './edit.ts';

const edits = JSON.parse(await readFile(path.join(siteRoot, 'edits.json'), 'utf8')) as Edits;

describe("the editor's change", () => {
  it('added a company, an offering and a story whose names keep "&", "<" and æøå as text', async () => {
    for (const [url, title] of [
      [entryUrl('companies', edits.added.companies), edits.titles.company],
      [entryUrl('offerings', edits.added.offerings), edits.titles.offering],
      [entryUrl('stories', edits.added.stories), edits.titles.story],
    ] as const) {
      const $ = await page(url);
      expect($('h1').text(), url).toBe(title);
      // Escaped in the HTML, so "<test>" is text and no element.
      expect($('h1').children().length, url).toBe(0);
      expect($('title').text(), url).toContain(title);
    }
  });

  it("the new story's code block and code span are its text as written, with no colours of their own", async () => {
    const $ = await page(entryUrl('stories', edits.added.stories));
    expect($('main pre > code').text()).toBe('Åbent: man–fre 8–16 & efter aftale\n');
    expect($('main p > code').text()).toBe('aabningstider.pdf');
    expect($('main pre, main pre *').filter('[style]').length).toBe(0);
  });

  it('the new and the retitled story are in the RSS and Atom feeds with their titles as written', async () => {
    const titles = [edits.titles.story, ...(edits.retitledStory ? [edits.retitledStory.title] : [])];
    for (const file of ['/historier/rss.xml', '/historier/atom.xml']) {
      const feed = await new Parser().parseString(await readDist(file));
      for (const title of titles)
        expect(
          feed.items.map((i) => i.title),
          file,
        ).toContain(title);
    }
  });

  it('added a partnership, an event and a prize year, each with its page', async () => {
    expect(await existsInDist(entryUrl('partnerships', edits.added.partnerships))).toBe(true);
    expect(await existsInDist(entryUrl('events', edits.added.events))).toBe(true);
    if (edits.added.prizes !== undefined) expect(await existsInDist(`/csr-prisen/${edits.added.prizes}/`)).toBe(true);
  });

  it('deleted an offering: no page, no link, not in the open data', async () => {
    const id = edits.deletedOffering;
    if (id === undefined) return;
    const url = entryUrl('offerings', id);
    expect(await existsInDist(url)).toBe(false);
    for (const route of await allPages()) expect((await page(route))(`a[href="${url}"]`).length, route).toBe(0);
    for (const { file, text } of await machineFiles()) expect(text.includes(url), file).toBe(false);
  });

  it('renamed a company: its page is at the new URL with the new name, the old URL leads there', async () => {
    const renamed = edits.renamedCompany;
    expect(renamed).toBeDefined();
    if (!renamed) return;
    expect((await page(entryUrl('companies', renamed.to)))('h1').text()).toBe(renamed.name);
    const old = await page(entryUrl('companies', renamed.from));
    expect(old('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${entryUrl('companies', renamed.to)}`);
  });
});
