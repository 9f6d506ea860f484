/**
 * The built site against its own content files: every published entry has its page and is in
 * its lists, derived relations are right, withdrawn stories and drafts appear nowhere but where
 * they should. Every expectation is derived from the files, so it holds for any valid content.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { PHOTO_FORMAT, PHOTO_WIDTHS } from '../../src/lib/photo-variants.ts';
import { PAGES, categoryUrl, entryUrl, prizeYearUrl } from '../../src/lib/urls.ts';
import { site } from '../../src/site.config.ts';
import { FIXED_ROUTES, allPages, distDir, isRedirect, page } from '../dist.ts';
import { itemsOf, listPages, paginationProblems } from '../list-pages.ts';
import { siteContent, type SiteContent } from './content.ts';

const exists = (p: string) =>
  access(path.join(distDir, p)).then(
    () => true,
    () => false,
  );
const hrefs = ($: CheerioAPI, selector: string) =>
  $(selector)
    .map((_, a) => $(a).attr('href'))
    .get();
const sorted = (list: Iterable<string>) => [...list].sort();

let content: SiteContent;
beforeAll(async () => {
  content = await siteContent();
});

describe('routes of the URL contract', () => {
  it.each(FIXED_ROUTES)('%s is built', async (route) => {
    expect(await exists(route.endsWith('/') ? `${route}index.html` : route)).toBe(true);
  });
});

describe('every entry has its page, with its own name as the heading', () => {
  const cases = [
    ['companies', (c: SiteContent) => c.companies.map((e) => [entryUrl('companies', e.id), e.name])],
    ['offerings', (c: SiteContent) => c.offerings.map((e) => [entryUrl('offerings', e.id), e.title])],
    [
      'categories',
      (c: SiteContent) =>
        c.categories
          .filter((cat) => c.offerings.some((o) => o.category === cat.id))
          .map((e) => [categoryUrl(e.id), e.name]),
    ],
    ['stories', (c: SiteContent) => c.published.map((e) => [entryUrl('stories', e.id), e.title])],
    ['prizes', (c: SiteContent) => c.prizes.map((e) => [prizeYearUrl(e.year), String(e.year)])],
    ['partnerships', (c: SiteContent) => c.partnerships.map((e) => [entryUrl('partnerships', e.id), e.title])],
    ['schemes', (c: SiteContent) => c.schemes.map((e) => [entryUrl('schemes', e.id), e.title])],
    ['events', (c: SiteContent) => c.events.map((e) => [entryUrl('events', e.id), e.title])],
    ['pages', (c: SiteContent) => c.pages.map((e) => [entryUrl('pages', e.id), e.title])],
  ] as const;

  it.each(cases)('%s', async (_, entries) => {
    const problems: string[] = [];
    for (const [route = '', name = ''] of entries(content)) {
      if (!(await exists(`${route}index.html`))) {
        problems.push(`${route} mangler`);
        continue;
      }
      const h1 = (await page(route))('h1').text();
      if (!h1.includes(name)) problems.push(`${route}: h1 "${h1}" nævner ikke "${name}"`);
    }
    expect(problems).toEqual([]);
  });

  it('and there are no other entry pages than the entries and their old slugs', async () => {
    const pages = await allPages();
    const redirects = new Set(content.redirects.map((r) => r.from));
    const under = (prefix: string, skip: string[] = []) =>
      sorted(
        pages.filter(
          (p) =>
            p.startsWith(prefix) &&
            /^[a-z0-9-]+\/$/.test(p.slice(prefix.length)) &&
            !skip.includes(p) &&
            !redirects.has(p),
        ),
      );
    expect(under('/virksomheder/')).toEqual(sorted(content.companies.map((e) => entryUrl('companies', e.id))));
    expect(under('/katalog/', ['/katalog/print/'])).toEqual(
      sorted(content.offerings.map((e) => entryUrl('offerings', e.id))),
    );
    // A withdrawn story keeps its URL for its notice; a draft has none.
    expect(under('/historier/')).toEqual(
      sorted(content.stories.filter((s) => !s.draft).map((e) => entryUrl('stories', e.id))),
    );
    expect(under('/partnerskaber/')).toEqual(sorted(content.partnerships.map((e) => entryUrl('partnerships', e.id))));
    expect(under('/for-virksomheder/', [PAGES.selfCheck])).toEqual(
      sorted(content.schemes.map((e) => entryUrl('schemes', e.id))),
    );
    expect(under('/arrangementer/')).toEqual(sorted(content.events.map((e) => entryUrl('events', e.id))));
  });
});

describe('every entry is in its lists', () => {
  // A long list is split into pages (issue 12): each entry is on exactly one page of its list.
  const listed = async (list: string, selector: string) => {
    const pages = await listPages(list);
    expect(paginationProblems(list, pages, selector), list).toEqual([]);
    return itemsOf(pages, selector).flat();
  };

  it('the directory lists every company, the catalogue every offering, each on exactly one page', async () => {
    expect(sorted(await listed(PAGES.companies, 'main [data-filter-item] .card__title a'))).toEqual(
      sorted(content.companies.map((e) => entryUrl('companies', e.id))),
    );
    expect(sorted(await listed(PAGES.catalogue, 'main [data-filter-item] .card__title a'))).toEqual(
      sorted(content.offerings.map((e) => entryUrl('offerings', e.id))),
    );
  });

  it('the story list holds exactly the published stories, newest first, across its pages', async () => {
    const expected = [...content.published]
      .sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id))
      .map((s) => entryUrl('stories', s.id));
    expect(await listed(PAGES.stories, 'main .card__title a')).toEqual(expected);
  });

  it('the partnership, guidance, event and prize lists link every entry', async () => {
    const lists = [
      ['/partnerskaber/', content.partnerships.map((e) => entryUrl('partnerships', e.id))],
      ['/for-virksomheder/', content.schemes.map((e) => entryUrl('schemes', e.id))],
      ['/arrangementer/', content.events.map((e) => entryUrl('events', e.id))],
      ['/csr-prisen/', content.prizes.map((e) => prizeYearUrl(e.year))],
    ] as const;
    for (const [list, expected] of lists) {
      const links = new Set(hrefs(await page(list), 'main a'));
      expect(
        expected.filter((url) => !links.has(url)),
        list,
      ).toEqual([]);
    }
  });

  it('a category page lists exactly its offerings and links every other category', async () => {
    const used = content.categories.filter((cat) => content.offerings.some((o) => o.category === cat.id));
    for (const category of used) {
      const $ = await page(categoryUrl(category.id));
      const cards = await listed(categoryUrl(category.id), 'main .card__title a');
      expect(sorted(cards), category.id).toEqual(
        sorted(content.offerings.filter((o) => o.category === category.id).map((o) => entryUrl('offerings', o.id))),
      );
      expect($('.category-nav a[aria-current="page"]').text(), category.id).toContain(category.name);
      const others = used.filter((c) => c.id !== category.id).map((c) => categoryUrl(c.id));
      expect(
        others.filter((url) => !hrefs($, '.category-nav a').includes(url)),
        category.id,
      ).toEqual([]);
    }
  });

  it('the print page holds every offering once', async () => {
    const $ = await page('/katalog/print/');
    const printed = $('.print-offering')
      .map((_, el) => $(el).attr('id'))
      .get();
    expect(sorted(printed)).toEqual(sorted(content.offerings.map((o) => `vare-${o.id}`)));
  });
});

describe('derived relations on company pages', () => {
  it('every company page lists the offerings, partnerships and published stories that name it', async () => {
    const problems: string[] = [];
    for (const company of content.companies) {
      const $ = await page(entryUrl('companies', company.id));
      const shown = (id: string) => new Set(hrefs($, `#${id} ~ * a, #${id} + ul a`));
      const expect_ = (id: string, urls: string[]) => {
        const links = shown(id);
        for (const url of urls) if (!links.has(url)) problems.push(`${company.id}: #${id} mangler ${url}`);
      };
      expect_(
        'offerings',
        content.offerings.filter((o) => o.company === company.id).map((o) => entryUrl('offerings', o.id)),
      );
      expect_(
        'partnerships',
        content.partnerships.filter((p) => p.members.includes(company.id)).map((p) => entryUrl('partnerships', p.id)),
      );
      expect_(
        'stories',
        content.published.filter((s) => s.companies.includes(company.id)).map((s) => entryUrl('stories', s.id)),
      );
      for (const hidden of content.hidden)
        if (hrefs($, 'main a').includes(entryUrl('stories', hidden.id)))
          problems.push(`${company.id}: linker til skjult historie ${hidden.id}`);
    }
    expect(problems).toEqual([]);
  });

  it('shows the CVR a buyer checks, and each prize year the company was nominated or won', async () => {
    const problems: string[] = [];
    for (const company of content.companies) {
      const facts = (await page(entryUrl('companies', company.id)))('.facts').text();
      if (company.cvr && !new RegExp(`CVR-nummer\\s*${company.cvr}`).test(facts))
        problems.push(`${company.id}: CVR ${company.cvr} vises ikke`);
      for (const prize of content.prizes) {
        if (!prize.nominees.some((n) => n.company === company.id)) continue;
        const label = `${prize.year} (${prize.winners.includes(company.id) ? 'vinder' : 'nomineret'})`;
        if (!facts.includes(label)) problems.push(`${company.id}: mangler "${label}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every inclusion practice shown links to a guidance page that exists', async () => {
    const links: string[] = [];
    for (const company of content.companies) {
      const practices = (company.data['inclusion'] as string[] | undefined) ?? [];
      const $ = await page(entryUrl('companies', company.id));
      expect($('#inclusion + ul li').length, company.id).toBe(practices.length);
      links.push(...hrefs($, '#inclusion + ul a'));
    }
    for (const href of links) {
      expect(href, href).toMatch(/^\/for-virksomheder\/[a-z0-9-]+\/$/);
      expect(await exists(`${href}index.html`), href).toBe(true);
    }
  });
});

describe('stories', () => {
  it('a withdrawn story keeps its URL with a "trukket tilbage" notice that shows nothing of it; no page links to it', async () => {
    const routes = await allPages();
    for (const story of content.stories.filter((s) => s.withdrawn)) {
      const url = entryUrl('stories', story.id);
      const $ = await page(url);
      expect($('h1').text()).toMatch(/trukket tilbage/);
      expect($('meta[name="robots"]').attr('content')).toBe('noindex');
      expect($('main img')).toHaveLength(0);
      for (const text of [story.title, ...story.people]) expect($('main').text(), url).not.toContain(text);
      for (const route of routes) {
        if (route === url) continue;
        expect((await page(route))(`a[href="${url}"]`).length, `${route} linker til ${url}`).toBe(0);
      }
    }
  });

  it('a draft is not built at all', async () => {
    for (const story of content.stories.filter((s) => s.draft))
      expect(await exists(`historier/${story.id}/index.html`), story.id).toBe(false);
  });

  it('every old slug leads to its entry with a canonical URL and a meta refresh', async () => {
    for (const { from, to } of content.redirects) {
      const $ = await page(from);
      expect(isRedirect($), from).toBe(true);
      expect($('link[rel="canonical"]').attr('href')).toBe(new URL(to, site.url).href);
      expect($('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${to}`);
    }
  });

  it('every story shows its publication date in Danish without shifting a day, and its photo in the shared widths and format with a credit', async () => {
    const months = [
      'januar',
      'februar',
      'marts',
      'april',
      'maj',
      'juni',
      'juli',
      'august',
      'september',
      'oktober',
      'november',
      'december',
    ];
    for (const story of content.published) {
      const $ = await page(entryUrl('stories', story.id));
      const [y, m, d] = story.published.split('-').map(Number) as [number, number, number];
      expect($('.story__dates time').first().attr('datetime'), story.id).toBe(story.published);
      expect($('.story__dates time').first().text(), story.id).toBe(`${d}. ${months[m - 1]} ${y}`);
      // One format and one set of widths (src/lib/photo-variants.ts); `src` is the largest of
      // them, never a full-size file of its own.
      const img = $('.story__figure img');
      const candidates = (img.attr('srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/));
      expect(candidates.length, story.id).toBeGreaterThan(0);
      for (const [url] of candidates) expect(url, story.id).toMatch(new RegExp(`\\.${PHOTO_FORMAT}$`));
      const widths = candidates.map(([, w]) => Number.parseInt(w ?? '', 10));
      expect(Math.max(...widths), story.id).toBeLessThanOrEqual(Math.max(...PHOTO_WIDTHS));
      expect(img.attr('src'), story.id).toBe(candidates.at(-1)?.[0]);
      expect(Number(img.attr('width')), story.id).toBeGreaterThan(0);
      expect(Number(img.attr('height')), story.id).toBeGreaterThan(0);
      expect($('.story__figure figcaption').text(), story.id).toContain(String(story.data['imageCredit']));
    }
  });
});

describe('the CSR prize', () => {
  it('every year page has a real table: every nominee, the weighted total Σ(points × weight) / 5 first, then points per criterion', async () => {
    const number = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
    const weight = new Map(content.criteria.map((c) => [c.id, c.weight]));
    for (const prize of content.prizes) {
      const $ = await page(prizeYearUrl(prize.year));
      if (prize.nominees.length === 0) {
        expect($('table'), `${prize.year} has no nominees yet: no empty table`).toHaveLength(0);
        continue;
      }
      expect($('table caption').text()).toContain(String(prize.year));
      expect($('table thead th[scope="col"]')).toHaveLength(content.criteria.length + 2);
      const rows = $('table tbody tr');
      expect(rows, String(prize.year)).toHaveLength(prize.nominees.length);
      const totals = new Map(
        prize.nominees.map((n) => {
          const company = content.companies.find((c) => c.id === n.company);
          const sum = Object.entries(n.scores).reduce((s, [id, score]) => s + score * (weight.get(id) ?? 0), 0);
          return [company?.name ?? n.company, number.format(sum / 5)];
        }),
      );
      rows.each((_, row) => {
        const name = $(row).find('th[scope="row"] a').text();
        expect($(row).find('td').first().text().trim(), `${prize.year} ${name}`).toBe(totals.get(name));
      });
    }
  });
});

describe('the catalogue', () => {
  it('every offering page has a direct contact call to action when its company gives an e-mail or a phone', async () => {
    for (const offering of content.offerings) {
      const company = content.companies.find((c) => c.id === offering.company);
      const contact = (company?.data['contact'] ?? {}) as { email?: string; phone?: string };
      const $ = await page(entryUrl('offerings', offering.id));
      if (contact.email || contact.phone)
        expect($('.cta a[href^="mailto:"], .cta a[href^="tel:"]').length, offering.id).toBeGreaterThan(0);
    }
  });
});

describe('every page', () => {
  it('is Danish, has exactly one h1, and only search, list filters and the self-check ship JavaScript (JSON-LD is data, not a script)', async () => {
    // The search page and the filterable lists enhance a working page (a list of one page: one of
    // several gets no filter, see ListFilter.astro); the self-check scores its form when a fork has
    // set it up (test/site/self-check.test.ts); every other page, every content page among them, ships none.
    const mayEnhance: string[] = [PAGES.selfCheck];
    const problems: string[] = [];
    for (const route of await allPages()) {
      const $ = await page(route);
      if ($('html').attr('lang') !== 'da') problems.push(`${route}: lang er ikke da`);
      if (isRedirect($)) continue;
      if ($('h1').length !== 1) problems.push(`${route}: ${$('h1').length} h1`);
      const enhanced = route === PAGES.search || $('form[data-list-filter]').length > 0;
      // `application/ld+json` is a data block: browsers never run it. Any other <script> is JavaScript.
      const scripts = $('script:not([type="application/ld+json"])').length;
      if (scripts > 0 && !enhanced && !mayEnhance.includes(route)) problems.push(`${route}: har <script>`);
      if (scripts === 0 && enhanced) problems.push(`${route}: mangler sit script`);
    }
    expect(problems).toEqual([]);
  });

  it('links to the accessibility statement with the text "Tilgængelighedserklæring", has a skip link and a search form that GETs /soeg/', async () => {
    for (const route of await allPages()) {
      const $ = await page(route);
      if (isRedirect($)) continue;
      expect($('footer a[href="/was"], footer a[href="/was/"]').text(), route).toBe('Tilgængelighedserklæring');
      expect($('a.skip-link').attr('href'), route).toBe('#indhold');
      expect($('main#indhold'), route).toHaveLength(1);
      expect($('form[role="search"]').attr('action'), route).toBe('/soeg/');
    }
  });

  it('every entry page shows "Sidst opdateret" and a "Ret en fejl" link to its own file', async () => {
    const entries = [
      ...content.companies.map((e) => [entryUrl('companies', e.id), e.file]),
      ...content.offerings.map((e) => [entryUrl('offerings', e.id), e.file]),
      ...content.published.map((e) => [entryUrl('stories', e.id), e.file]),
      ...content.schemes.map((e) => [entryUrl('schemes', e.id), e.file]),
    ];
    expect(entries.length).toBeGreaterThan(0);
    for (const [url, file] of entries) {
      const $ = await page(url as string);
      expect($('.entry-meta').text(), url).toMatch(/Sidst opdateret: \d{1,2}\. \p{L}+ \d{4}/u);
      expect($('.entry-meta a').attr('href'), url).toBe(`${site.repository}/edit/main/${file}`);
    }
  });

  it('has a Content-Security-Policy', async () => {
    for (const route of await allPages()) {
      const $ = await page(route);
      if (isRedirect($)) continue;
      expect($('meta[http-equiv="content-security-policy"]').attr('content'), route).toMatch(/default-src 'self'/);
    }
  });
});
