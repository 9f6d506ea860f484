/**
 * The built sample site (`dist/`): every route of the URL contract exists, derived relations
 * are right, withdrawn stories and drafts appear nowhere but where they should.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allPages, distDir, isRedirect, page } from '../dist.ts';

const exists = (p: string) => access(path.join(distDir, p)).then(() => true, () => false);

describe('routes of the URL contract', () => {
  it.each([
    '/', '/katalog/', '/katalog/print/', '/virksomheder/', '/historier/', '/csr-prisen/', '/partnerskaber/',
    '/for-virksomheder/', '/arrangementer/', '/soeg/', '/presse/', '/strategien/', '/indkoeb/', '/esg/', '/tilgaengelighed/', '/was/',
  ])('%s is built', async (route) => {
    expect(await exists(`${route}index.html`)).toBe(true);
  });
  it('404.html is built', async () => expect(await exists('404.html')).toBe(true));

  it('every entry has its page: companies, offerings, categories, stories, prize years, partnerships, schemes, events', async () => {
    const pages = await allPages();
    const count = (prefix: string) => pages.filter((p) => p.startsWith(prefix) && p !== prefix && !p.startsWith(`${prefix}kategori/`) && p !== `${prefix}print/`).length;
    expect(count('/virksomheder/')).toBe(18);
    expect(count('/katalog/')).toBe(31);
    expect(pages.filter((p) => p.startsWith('/katalog/kategori/'))).toHaveLength(9);
    expect(count('/csr-prisen/')).toBe(2);
    expect(count('/partnerskaber/')).toBe(5);
    expect(count('/for-virksomheder/')).toBe(10);
    expect(count('/arrangementer/')).toBe(7);
  });
});

describe('every page', () => {
  it('is Danish, has exactly one h1, and only search and list filters ship JavaScript (JSON-LD is data, not a script)', async () => {
    // The search page and the two filterable lists enhance a working page; every other page,
    // every content page among them, ships none.
    const enhanced = ['/soeg/', '/katalog/', '/virksomheder/'];
    const problems: string[] = [];
    for (const route of await allPages()) {
      const $ = await page(route);
      if ($('html').attr('lang') !== 'da') problems.push(`${route}: lang er ikke da`);
      if (isRedirect($)) continue;
      if ($('h1').length !== 1) problems.push(`${route}: ${$('h1').length} h1`);
      // `application/ld+json` is a data block: browsers never run it. Any other <script> is JavaScript.
      const scripts = $('script:not([type="application/ld+json"])').length;
      if (scripts > 0 && !enhanced.includes(route)) problems.push(`${route}: har <script>`);
      if (scripts === 0 && enhanced.includes(route)) problems.push(`${route}: mangler sit script`);
    }
    expect(problems).toEqual([]);
  });

  it('links to the accessibility statement with the text "Tilgængelighedserklæring"', async () => {
    const $ = await page('/katalog/');
    expect($('footer a[href="/was"], footer a[href="/was/"]').text()).toBe('Tilgængelighedserklæring');
  });

  it('has a skip link to the main content and a search form that GETs /soeg/', async () => {
    const $ = await page('/virksomheder/');
    expect($('a.skip-link').attr('href')).toBe('#indhold');
    expect($('main#indhold')).toHaveLength(1);
    expect($('form[role="search"]').attr('action')).toBe('/soeg/');
    expect($('form[role="search"] input').attr('name')).toBe('q');
  });
});

describe('derived relations on a company page', () => {
  it('lists the partnerships, offerings, stories and prize years that name the company', async () => {
    const $ = await page('/virksomheder/vaerkstedet-aabne-haender/');
    expect($('#partnerships + ul a').map((_, a) => $(a).attr('href')).get()).toContain('/partnerskaber/moebelkredsloebet/');
    expect($('#offerings').nextAll('ul').find('a').map((_, a) => $(a).attr('href')).get()).toContain('/katalog/restaurering-af-kontormoebler/');
    expect($('#stories').nextAll('ul').find('a').map((_, a) => $(a).attr('href')).get()).toContain('/historier/maskinfabrikken-der-koeber-brugt/');
  });

  it('shows prize years derived from the prize files, and links each inclusion practice to its scheme', async () => {
    const $ = await page('/virksomheder/tissoe-maskinfabrik/');
    expect($('.facts').text()).toMatch(/2024 \(vinder\)/);
    expect($('#inclusion + ul a').map((_, a) => $(a).attr('href')).get().every((h) => h.startsWith('/for-virksomheder/'))).toBe(true);
  });

  it('shows what a buyer checks: CVR, address, RSV registration', async () => {
    const $ = await page('/virksomheder/fjordkoekkenet/');
    const facts = $('.facts').text();
    expect(facts).toMatch(/CVR-nummer\s*\d{8}/);
    expect(facts).toMatch(/Registreret Socialøkonomisk Virksomhed/);
  });
});

describe('stories', () => {
  it('a withdrawn story appears nowhere but its own "trukket tilbage" page, which shows nothing of it', async () => {
    const withdrawn = '/historier/fleksjob-gav-hverdagen-tilbage/';
    const $ = await page(withdrawn);
    expect($('h1').text()).toMatch(/trukket tilbage/);
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($('main').text()).not.toMatch(/Anja|Winther|Rent Hjerte/);
    expect($('main img')).toHaveLength(0);
    for (const route of await allPages()) {
      if (route === withdrawn) continue;
      const other = await page(route);
      expect(other(`a[href="${withdrawn}"]`).length, `${route} linker til den tilbagetrukne historie`).toBe(0);
    }
  });

  it('a draft is not built at all in production', async () => {
    expect(await exists('historier/systuen-syr-nyt-liv-i-arbejdstoejet/index.html')).toBe(false);
  });

  it('an old slug leads to the story with canonical and meta refresh', async () => {
    const $ = await page('/historier/tissoe-og-vaerkstedet-i-moebelsamarbejde/');
    expect($('link[rel="canonical"]').attr('href')).toBe('https://socialoekonomi.kalundborg.dk/historier/maskinfabrikken-der-koeber-brugt/');
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/historier/maskinfabrikken-der-koeber-brugt/');
  });

  it('shows dates in Danish without shifting a day', async () => {
    const $ = await page('/historier/maskinfabrikken-der-koeber-brugt/');
    expect($('.story__dates time').first().attr('datetime')).toBe('2025-06-12');
    expect($('.story__dates time').first().text()).toBe('12. juni 2025');
  });

  it('serves the photo as AVIF/WebP with width, height and a credit', async () => {
    const $ = await page('/historier/maskinfabrikken-der-koeber-brugt/');
    const sources = $('picture source').map((_, s) => $(s).attr('type')).get();
    expect(sources).toEqual(['image/avif', 'image/webp']);
    const img = $('picture img');
    expect(Number(img.attr('width'))).toBeGreaterThan(0);
    expect(Number(img.attr('height'))).toBeGreaterThan(0);
    expect($('.story__figure figcaption').text()).toMatch(/Illustration|Foto/);
  });
});

describe('the CSR prize', () => {
  it('a year page has a real table: every nominee, points per criterion and the weighted total', async () => {
    const $ = await page('/csr-prisen/2025/');
    expect($('table caption').text()).toMatch(/2025/);
    expect($('table thead th[scope="col"]')).toHaveLength(1 + 5 + 1);
    expect($('table tbody tr')).toHaveLength(5);
    const first = $('table tbody tr').first();
    expect(first.find('th[scope="row"]').text()).toMatch(/Fjordkøkkenet/);
    // 5·30 + 4·25 + 4·20 + 4·15 + 4·10 = 430; over 5 = 86.
    expect(first.find('td').last().text()).toBe('86');
    expect(first.find('td').first().text()).toBe('5vægtet 30');
  });
});

describe('the catalogue', () => {
  it('a category page lists only its offerings and links to every other category', async () => {
    const $ = await page('/katalog/kategori/mad-og-catering/');
    expect($('main .card').length).toBeGreaterThan(0);
    expect($('.category-nav a[aria-current="page"]').text()).toMatch(/Mad/);
  });
  it('an offering page has a direct contact call to action and related offerings', async () => {
    const $ = await page('/katalog/frokostordning-til-moeder-og-kurser/');
    expect($('.cta a[href^="mailto:"], .cta a[href^="tel:"]').length).toBeGreaterThan(0);
    expect($('#related').length).toBe(1);
  });
  it('the print page holds every offering', async () => {
    const $ = await page('/katalog/print/');
    expect($('.print-offering')).toHaveLength(31);
  });
});

describe('trust and freshness', () => {
  it('entry pages show "Sidst opdateret" and a "Ret en fejl" link to the file in the repository', async () => {
    const $ = await page('/katalog/frokostordning-til-moeder-og-kurser/');
    expect($('.entry-meta').text()).toMatch(/Sidst opdateret: \d{1,2}\. \p{L}+ \d{4}/u);
    expect($('.entry-meta a').attr('href')).toMatch(/\/edit\/main\/src\/content\/offerings\/frokostordning-til-moeder-og-kurser\.md$/);
  });
  it('every page has a Content-Security-Policy', async () => {
    const $ = await page('/');
    expect($('meta[http-equiv="content-security-policy"]').attr('content')).toMatch(/default-src 'self'/);
  });
});
