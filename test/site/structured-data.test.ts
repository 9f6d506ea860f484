/**
 * Structured data: search engines and other machines read what a page is about from its
 * JSON-LD. Every block must parse, and each kind of page must say the right thing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launch } from '../browser.ts';
import { site as siteConfig } from '../../src/site.config.ts';
import { entryUrl } from '../../src/lib/urls.ts';
import { contentPages, jsonLd, page, siteRoot } from '../dist.ts';
import { siteContent } from './content.ts';
import { serve } from '../serve.ts';

const SITE = 'https://socialoekonomi.kalundborg.dk';
type Ld = Record<string, unknown>;
const ofType = (blocks: Ld[], ...types: string[]) => blocks.filter((b) => types.includes(String(b['@type'])));

/** Entry pages of a collection (`/virksomheder/<slug>/`), without redirects and noindex pages. */
async function entryPages(prefix: string) {
  return (await contentPages()).filter(
    ({ route, $ }) =>
      route.startsWith(prefix) &&
      /^[a-z0-9-]+\/$/.test(route.slice(prefix.length)) &&
      !/^(kategori|print)\/$/.test(route.slice(prefix.length)) &&
      $('meta[name="robots"]').length === 0,
  );
}

describe('JSON-LD', () => {
  it('parses on every page and always names schema.org as its context', async () => {
    const problems: string[] = [];
    for (const { route, $ } of await contentPages()) {
      $('script[type="application/ld+json"]').each((_, el) => {
        try {
          const data = JSON.parse($(el).text()) as Ld;
          if (data['@context'] !== 'https://schema.org')
            problems.push(`${route}: @context ${String(data['@context'])}`);
          if (typeof data['@type'] !== 'string') problems.push(`${route}: ingen @type`);
        } catch (error) {
          problems.push(`${route}: ${String(error)}`);
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it('every page with breadcrumbs has a BreadcrumbList that matches them and ends at the page itself', async () => {
    let checked = 0;
    for (const { route, $ } of await contentPages()) {
      const crumbs = $('nav.breadcrumbs li')
        .map((_, li) => $(li).text().trim())
        .get();
      const lists = ofType(jsonLd($), 'BreadcrumbList');
      if (crumbs.length === 0) {
        expect(lists, route).toHaveLength(0);
        continue;
      }
      checked++;
      expect(lists, route).toHaveLength(1);
      const items = (lists[0]?.['itemListElement'] ?? []) as { position: number; name: string; item: string }[];
      expect(
        items.map((i) => i.name),
        route,
      ).toEqual(crumbs);
      expect(items.map((i) => i.position)).toEqual(crumbs.map((_, i) => i + 1));
      expect(items.at(-1)?.item, route).toBe($('link[rel="canonical"]').attr('href'));
      expect(items[0]?.item).toBe(`${SITE}/`);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('the front page describes the site as a WebSite published by the municipality', async () => {
    const [site] = ofType(jsonLd(await page('/')), 'WebSite');
    expect(site?.['url']).toBe(`${SITE}/`);
    expect((site?.['publisher'] as Ld)['name']).toBe(siteConfig.municipality);
  });

  it('a story is a NewsArticle with its headline, image, dates and the municipality as author and publisher', async () => {
    const stories = await entryPages('/historier/');
    expect(stories.length).toBe((await siteContent()).published.length);
    for (const { route, $ } of stories) {
      const [article] = ofType(jsonLd($), 'NewsArticle');
      expect(article, route).toBeDefined();
      expect(article?.['headline']).toBe($('h1').text());
      expect(article?.['datePublished']).toBe($('.story__dates time').first().attr('datetime'));
      expect(String(article?.['dateModified'])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect((article?.['author'] as Ld)['name']).toBe(siteConfig.municipality);
      expect((article?.['publisher'] as Ld)['@type']).toBe('GovernmentOrganization');
      const images = article?.['image'] as string[];
      expect(images.length).toBeGreaterThan(0);
      for (const image of images) expect(image.startsWith(`${SITE}/`), image).toBe(true);
    }
  });

  it('a company is a LocalBusiness (or a public body a GovernmentOrganization) with the CVR shown on its page as identifier and vatID', async () => {
    const companies = await entryPages('/virksomheder/');
    const content = await siteContent();
    expect(companies.length).toBe(content.companies.length);
    let withCvr = 0;
    for (const { route, $ } of companies) {
      const [org] = ofType(jsonLd($), 'LocalBusiness', 'GovernmentOrganization');
      expect(org, route).toBeDefined();
      expect(org?.['name']).toBe($('h1').text());
      const kind = $('.card__meta').first().text();
      expect(org?.['@type'], route).toBe(/Offentlig/.test(kind) ? 'GovernmentOrganization' : 'LocalBusiness');
      const cvr = /CVR-nummer\s*(\d{8})/.exec($('.facts').text())?.[1];
      if (cvr) {
        withCvr++;
        expect(org?.['vatID'], route).toBe(`DK${cvr}`);
        expect(org?.['identifier'], route).toEqual({ '@type': 'PropertyValue', propertyID: 'CVR', value: cvr });
      } else {
        expect(org?.['vatID'], route).toBeUndefined();
      }
    }
    expect(withCvr).toBe(content.companies.filter((c) => c.cvr).length);
  });

  it('an offering is a Product or a Service, as its page says, offered by its company', async () => {
    const offerings = await entryPages('/katalog/');
    expect(offerings.length).toBe((await siteContent()).offerings.length);
    for (const { route, $ } of offerings) {
      const [offering] = ofType(jsonLd($), 'Product', 'Service');
      expect(offering, route).toBeDefined();
      const type = $('.facts dt')
        .filter((_, dt) => $(dt).text() === 'Type')
        .next('dd')
        .text();
      expect(offering?.['@type'], route).toBe(type === 'Vare' ? 'Product' : 'Service');
      expect(offering?.['name']).toBe($('h1').text());
      const seller = (offering?.['offers'] as Ld)['seller'] as Ld;
      expect(seller['name']).toBe($('.facts dd a').first().text());
    }
  });

  it('an event is an Event whose start, with its Copenhagen UTC offset, is the instant the page shows', async () => {
    const events = await entryPages('/arrangementer/');
    expect(events.length).toBe((await siteContent()).events.length);
    for (const { route, $ } of events) {
      const [event] = ofType(jsonLd($), 'Event');
      expect(event, route).toBeDefined();
      const start = String(event?.['startDate']);
      expect(start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
      expect(new Date(start).toISOString(), route).toBe($('.facts time').attr('datetime'));
      // The wall-clock part is Danish time, as written in the event's file.
      const source = await readFile(path.join(siteRoot, 'src/content/events', `${route.split('/')[2]}.md`), 'utf8');
      expect(start.slice(0, 16)).toBe(/^start:\s*(\S+)/m.exec(source)?.[1]);
    }
  });
});

describe('Content-Security-Policy', () => {
  it('blocks nothing on an entry page in a real browser, and the JSON-LD stays readable', async () => {
    const content = await siteContent();
    const [story] = content.published;
    const route = story ? entryUrl('stories', story.id) : entryUrl('companies', content.companies[0]?.id ?? '');
    const expected = story ? ['NewsArticle', 'BreadcrumbList'] : ['LocalBusiness', 'BreadcrumbList'];
    const server = await serve();
    const browser = await launch();
    try {
      const tab = await browser.newPage();
      const violations: string[] = [];
      tab.on('console', (message) => {
        if (message.type() === 'error') violations.push(message.text());
      });
      await tab.goto(`${server.origin}${route}`);
      const types = await tab.$$eval('script[type="application/ld+json"]', (scripts) =>
        scripts.map((s) => (JSON.parse(s.textContent ?? '{}') as { '@type': string })['@type']),
      );
      expect(types).toEqual(expected);
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
