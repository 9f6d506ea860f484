/**
 * The pages for the entrepreneur and the buyer who checks a claim (issue 11): /bliv-vist/,
 * /maerket/ and /csr-prisen/indstil/, and the prize total on a phone. Every expectation is
 * derived from the content files, so it holds for any valid content.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDay } from '../../src/lib/dates.ts';
import { t } from '../../src/lib/i18n/da.ts';
import { PAGES, absoluteUrl, entryUrl, prizeYearUrl } from '../../src/lib/urls.ts';
import { today } from '../../src/schemas/shared.ts';
import { site } from '../../src/site.config.ts';
import { siteInBrowser } from '../browser.ts';
import { distDir, page } from '../dist.ts';
import { siteContent, type SiteContent } from './content.ts';

let content: SiteContent;
beforeAll(async () => {
  content = await siteContent();
});

const danish = (a: string, b: string) => a.localeCompare(b, 'da');
const iso = (d: Date) => d.toISOString().slice(0, 10);
const nominationOf = (data: Record<string, unknown>) =>
  data['nomination'] as { opens: Date; deadline: Date } | undefined;
const markOf = (data: Record<string, unknown>) =>
  (data['registrations'] as { socialMark?: number } | undefined)?.socialMark;

describe('/maerket/ lets a buyer check a claimed mark on one page', () => {
  it('lists exactly the companies with registrations.socialMark, in name order, each linked, with CVR and year', async () => {
    const holders = content.companies
      .filter((c) => markOf(c.data) !== undefined)
      .sort((a, b) => danish(a.name, b.name))
      .map((c) => [c.name, entryUrl('companies', c.id), c.cvr ?? t.mark.noCvr, String(markOf(c.data))]);
    const $ = await page(PAGES.mark);
    const rows = $('table tbody tr')
      .map((_, tr) => [
        [
          $(tr).find('th[scope="row"] a').text().trim(),
          $(tr).find('th[scope="row"] a').attr('href'),
          $(tr).find('td').eq(0).text().trim(),
          $(tr).find('td').eq(1).text().trim(),
        ],
      ])
      .get() as string[][];
    expect(rows).toEqual(holders);
    if (holders.length > 0) {
      expect($('table caption').text()).toContain(String(holders.length));
      expect($('table thead th[scope="col"]')).toHaveLength(3);
    } else {
      expect($('table')).toHaveLength(0);
      expect($('main').text()).toContain(t.mark.empty);
    }
  });

  it('every company page that shows the mark links to /maerket/', async () => {
    for (const company of content.companies.filter((c) => markOf(c.data) !== undefined)) {
      const $ = await page(entryUrl('companies', company.id));
      expect($(`.facts a[href="${PAGES.mark}"]`).length, company.id).toBe(1);
      expect($('.facts').text(), company.id).toContain(String(markOf(company.data)));
    }
  });
});

describe('/bliv-vist/', () => {
  it('has a prefilled e-mail that decodes to the contact’s address with a subject and the fields', async () => {
    const $ = await page(PAGES.getListed);
    const href = $('a.prefilled-mail__link').attr('href') ?? '';
    expect(href).toMatch(/^mailto:[^\s"<>æøåÆØÅ]+$/);
    const url = new URL(href);
    expect(decodeURIComponent(url.pathname)).toBe(site.contact.email);
    expect(url.searchParams.get('subject')).toBe(t.getListed.mailSubject);
    const body = url.searchParams.get('body') ?? '';
    for (const field of t.getListed.mailBody) expect(body).toContain(field);
    expect(body).toContain('\r\n');
  });

  it('says what to send, links the editors’ guide, and is linked from /virksomheder/', async () => {
    const $ = await page(PAGES.getListed);
    expect($('main li').length).toBeGreaterThanOrEqual(t.getListed.send.length);
    expect($(`a[href="${site.repository}/blob/main/CONTRIBUTING.md"]`)).toHaveLength(1);
    expect((await page(PAGES.companies))(`main a[href="${PAGES.getListed}"]`).length).toBeGreaterThan(0);
  });
});

describe('/csr-prisen/indstil/', () => {
  it('shows the deadline of the prize year that is open or next, or says nominations are not open', async () => {
    const at = today().getTime();
    const next = content.prizes
      .map((p) => ({ year: p.year, nomination: nominationOf(p.data) }))
      .filter((p) => p.nomination && p.nomination.deadline.getTime() >= at)
      .sort((a, b) => (a.nomination?.deadline.getTime() ?? 0) - (b.nomination?.deadline.getTime() ?? 0))[0];
    const $ = await page(PAGES.nominate);
    const box = $('.nomination-window');
    if (next?.nomination) {
      expect(box.find('time').attr('datetime')).toBe(iso(next.nomination.deadline));
      expect(box.find('[data-nomination-year]').attr('data-nomination-year')).toBe(String(next.year));
      const opened = next.nomination.opens.getTime() <= at;
      const name = `${site.prizeName} ${next.year}`;
      expect(box.text()).toContain(
        opened ? t.nominate.open(name) : t.nominate.coming(name, formatDay(next.nomination.opens)),
      );
    } else {
      expect(box.find('time')).toHaveLength(0);
      expect(box.text()).toContain(t.nominate.closed);
    }
    const mail = new URL($('a.prefilled-mail__link').attr('href') ?? '');
    expect(decodeURIComponent(mail.pathname)).toBe(site.contact.email);
    expect(mail.searchParams.get('subject')).toMatch(new RegExp(`^Indstilling til ${site.prizeName}`));
  });

  it('shows every criterion with its weight, as /csr-prisen/ does', async () => {
    const [nominate, prize] = await Promise.all([page(PAGES.nominate), page(PAGES.prize)]);
    const criteria = ($: typeof nominate) =>
      $('.criteria h3')
        .map((_, h) => $(h).text().replace(/\s+/g, ' ').trim())
        .get();
    const expected = content.criteria.map((c) => `${c.title} ${t.prize.weight} ${c.weight}`);
    expect(criteria(nominate).sort()).toEqual([...expected].sort());
    expect(criteria(nominate)).toEqual(criteria(prize));
  });

  it('is linked from /csr-prisen/ and from every prize year page', async () => {
    for (const url of [PAGES.prize, ...content.prizes.map((p) => prizeYearUrl(p.year))]) {
      expect((await page(url))(`main a[href="${PAGES.nominate}"]`).length, url).toBeGreaterThan(0);
    }
  });
});

describe('the new pages are public content', () => {
  it('are in the sitemap and in the search index', async () => {
    const files = (await readdir(distDir)).filter((f) => /^sitemap-\d+\.xml$/.test(f));
    const sitemap = (await Promise.all(files.map((f) => readFile(path.join(distDir, f), 'utf8')))).join('\n');
    for (const url of [PAGES.getListed, PAGES.mark, PAGES.nominate]) {
      expect(sitemap, url).toContain(`<loc>${absoluteUrl(url)}</loc>`);
      expect((await page(url))('[data-pagefind-body]').length, url).toBe(1);
    }
  });
});

describe('the prize total on a phone', () => {
  const browser = siteInBrowser();
  for (const width of [320, 390]) {
    it(`at ${width} px every nominee’s total on every prize year page is visible without scrolling sideways`, async () => {
      const years = content.prizes.filter((p) => p.nominees.length > 0);
      const tab = await browser.browser.newPage({ viewport: { width, height: 844 } });
      try {
        for (const prize of years) {
          await tab.goto(`${browser.server.origin}${prizeYearUrl(prize.year)}`);
          const result = await tab.evaluate(() => {
            const totals = [...document.querySelectorAll('table tbody tr td.total')].map((td) => {
              const r = td.getBoundingClientRect();
              return { left: r.left, right: r.right, text: td.textContent?.trim() ?? '' };
            });
            return {
              totals,
              viewport: document.documentElement.clientWidth,
              scrollWidth: document.documentElement.scrollWidth,
            };
          });
          expect(result.totals, String(prize.year)).toHaveLength(prize.nominees.length);
          expect(result.scrollWidth, `${prize.year}: the page scrolls sideways`).toBeLessThanOrEqual(result.viewport);
          for (const total of result.totals) {
            expect(total.text).not.toBe('');
            expect(total.left, `${prize.year} ${total.text}`).toBeGreaterThanOrEqual(0);
            expect(total.right, `${prize.year} ${total.text}`).toBeLessThanOrEqual(result.viewport);
          }
        }
      } finally {
        await tab.close();
      }
    });
  }
});

describe('the mark holders on a phone', () => {
  const browser = siteInBrowser();
  for (const width of [320, 390]) {
    it(`at ${width} px every holder's name, CVR and year are on screen without scrolling sideways`, async () => {
      const holders = content.companies.filter((c) => markOf(c.data) !== undefined);
      const tab = await browser.browser.newPage({ viewport: { width, height: 844 } });
      try {
        await tab.goto(`${browser.server.origin}${PAGES.mark}`);
        const cells = await tab.evaluate(() =>
          [...document.querySelectorAll('table tbody tr > *')].map((cell) => {
            const r = cell.getBoundingClientRect();
            return { left: r.left, right: r.right, text: cell.textContent?.trim() ?? '' };
          }),
        );
        const viewport = await tab.evaluate(() => document.documentElement.clientWidth);
        expect(cells).toHaveLength(holders.length * 3);
        for (const cell of cells) {
          expect(cell.left, cell.text).toBeGreaterThanOrEqual(0);
          expect(cell.right, cell.text).toBeLessThanOrEqual(viewport);
        }
      } finally {
        await tab.close();
      }
    });
  }
});
