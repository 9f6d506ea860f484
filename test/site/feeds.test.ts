/**
 * The story feeds as a feed reader, a newsroom system or another site meets them: RSS 2.0,
 * Atom and JSON Feed 1.1, well-formed, with valid dates, full text and the photo.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { site } from '../../src/site.config.ts';
import { distPath, existsInDist, page, readDist } from '../dist.ts';
import { siteContent } from './content.ts';

const run = promisify(execFile);
const SITE = 'https://socialoekonomi.kalundborg.dk';
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The stories the list page shows, newest first: what every feed must hold. */
let listed: string[] = [];
beforeAll(async () => {
  const $ = await page('/historier/');
  listed = $('main .card__title a')
    .map((_, a) => `${SITE}${$(a).attr('href')}`)
    .get();
});

/** xmllint is the judge of well-formedness (libxml2-utils; see .ci/run). */
async function wellFormed(urlPath: string): Promise<string> {
  try {
    await run('xmllint', ['--noout', '--nonet', distPath(urlPath)]);
    return '';
  } catch (error) {
    const e = error as { code?: string; stderr?: string };
    if (e.code === 'ENOENT')
      throw new Error('xmllint mangler: sudo apt-get install -y libxml2-utils', { cause: error });
    return e.stderr ?? String(error);
  }
}

describe('RSS 2.0 (/historier/rss.xml)', () => {
  it('is well-formed XML that a feed reader can parse', async () => {
    expect(await wellFormed('/historier/rss.xml')).toBe('');
    const feed = await new Parser().parseString(await readDist('/historier/rss.xml'));
    expect(feed.title).toMatch(/Historier/);
    expect(feed.link).toBe(`${SITE}/historier/`);
  });

  it('holds every published story, newest first, with RFC 822 dates', async () => {
    const xml = await readDist('/historier/rss.xml');
    const feed = await new Parser().parseString(xml);
    expect(listed.length).toBeGreaterThan(0);
    expect(feed.items.map((i) => i.link)).toEqual(listed);
    const dates = [...xml.matchAll(/<(pubDate|lastBuildDate)>([^<]+)</g)].map((m) => m[2] ?? '');
    expect(dates.length).toBe(listed.length + 1);
    for (const date of dates) {
      expect(date).toMatch(RFC_822);
      expect(Number.isNaN(Date.parse(date)), date).toBe(false);
    }
  });

  it("gives each story's full text with absolute links, and its photo as an enclosure that exists", async () => {
    const feed = await new Parser<object, { 'content:encoded': string }>({
      customFields: { item: ['content:encoded'] },
    }).parseString(await readDist('/historier/rss.xml'));
    for (const item of feed.items) {
      const html = item['content:encoded'];
      const $ = await page(new URL(item.link ?? '').pathname);
      // The last paragraph of the story page is in the feed too: the text is whole, not a teaser.
      const last = $('.prose p').last().text().trim();
      expect(last.length).toBeGreaterThan(0);
      // Compared as text a reader sees: entities (`&amp;`, `&lt;`) decoded, tags gone.
      expect(load(html).text(), item.link).toContain(last);
      expect(html).not.toMatch(/(href|src)="\/(?!\/)/);
      expect(item.enclosure?.url.startsWith(`${SITE}/_astro/`), item.link).toBe(true);
      expect(item.enclosure?.type).toBe('image/jpeg');
      expect(await existsInDist(item.enclosure?.url ?? ''), item.enclosure?.url).toBe(true);
    }
  });
});

describe('Atom (/historier/atom.xml)', () => {
  it('is well-formed XML with every published story and RFC 3339 dates', async () => {
    expect(await wellFormed('/historier/atom.xml')).toBe('');
    const xml = await readDist('/historier/atom.xml');
    const feed = await new Parser().parseString(xml);
    expect(feed.items.map((i) => i.link)).toEqual(listed);
    const dates = [...xml.matchAll(/<(updated|published)>([^<]+)</g)].map((m) => m[2] ?? '');
    expect(dates.length).toBe(1 + 2 * listed.length);
    for (const date of dates) expect(date).toMatch(RFC_3339);
    for (const item of feed.items) {
      const $ = await page(new URL(item.link ?? '').pathname);
      expect(load(item.content ?? '').text(), item.link).toContain($('.prose p').last().text().trim());
      expect(item.title, item.link).toBe($('h1').text());
    }
  });
});

describe('JSON Feed 1.1 (/historier/feed.json)', () => {
  it("has the spec's required fields: version, title, and items with id and content", async () => {
    const feed = JSON.parse(await readDist('/historier/feed.json')) as {
      version: string;
      title: string;
      home_page_url: string;
      feed_url: string;
      items: Record<string, unknown>[];
    };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toMatch(/Historier/);
    expect(feed.home_page_url).toBe(`${SITE}/historier/`);
    expect(feed.feed_url).toBe(`${SITE}/historier/feed.json`);
    expect(feed.items.map((i) => i['url'])).toEqual(listed);
    for (const item of feed.items) {
      expect(typeof item['id']).toBe('string');
      expect(typeof item['content_html'] === 'string' || typeof item['content_text'] === 'string').toBe(true);
      expect(String(item['date_published'])).toMatch(RFC_3339);
      expect(await existsInDist(String(item['image'])), String(item['image'])).toBe(true);
      expect(item['author']).toBeUndefined();
      expect((item['authors'] as { name: string }[])[0]?.name).toBe(site.municipality);
    }
  });
});

describe('discovery', () => {
  it('every page points feed readers to all three feeds', async () => {
    for (const route of ['/', '/historier/', '/katalog/', '/404.html']) {
      const $ = await page(route);
      const feeds = $('link[rel="alternate"]')
        .map((_, l) => `${$(l).attr('type')} ${$(l).attr('href')}`)
        .get();
      expect(feeds, route).toEqual([
        'application/rss+xml /historier/rss.xml',
        'application/atom+xml /historier/atom.xml',
        'application/feed+json /historier/feed.json',
      ]);
    }
  });

  it('every published story is in every feed with its title as written, and no hidden one is', async () => {
    const content = await siteContent();
    const rss = await new Parser().parseString(await readDist('/historier/rss.xml'));
    const titles = new Map(rss.items.map((i) => [new URL(i.link ?? '').pathname, i.title]));
    expect([...titles.keys()].sort()).toEqual(content.published.map((s) => `/historier/${s.id}/`).sort());
    // `&`, `<` and æøå come out of the XML parser exactly as the editor wrote them.
    for (const story of content.published) expect(titles.get(`/historier/${story.id}/`), story.id).toBe(story.title);
    const json = JSON.parse(await readDist('/historier/feed.json')) as { items: { url: string; title: string }[] };
    for (const story of content.published)
      expect(json.items.find((i) => i.url.endsWith(`/historier/${story.id}/`))?.title, story.id).toBe(story.title);
    for (const file of ['/historier/rss.xml', '/historier/atom.xml', '/historier/feed.json']) {
      const text = await readDist(file);
      for (const story of content.hidden) expect(text, file).not.toContain(`/historier/${story.id}/`);
    }
  });
});
