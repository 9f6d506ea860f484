/**
 * Open data as a buyer, a journalist or a developer gets it: `/data/virksomheder.*` and
 * `/data/katalog.*`, JSON and CSV, every published company and offering, nothing else.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../csv.ts';
import { site } from '../../src/site.config.ts';
import { contentPages, distPath, existsInDist, page, readDist } from '../dist.ts';
import { siteContent } from './content.ts';

const SITE = 'https://socialoekonomi.kalundborg.dk';
type DataSet = {
  title: string;
  license: { name: string; url: string };
  attribution: string;
  source: string;
  count: number;
  items: Record<string, unknown>[];
};

/** Slugs of the entry pages under a prefix, e.g. every company page. */
let pagesOf: Record<'virksomheder' | 'katalog', string[]> = { virksomheder: [], katalog: [] };
beforeAll(async () => {
  const pages = await contentPages();
  const slugs = (prefix: string) =>
    pages
      .map(({ route }) => route)
      .filter(
        (r) =>
          r.startsWith(prefix) &&
          /^[a-z0-9-]+\/$/.test(r.slice(prefix.length)) &&
          !/^(kategori|print)\/$/.test(r.slice(prefix.length)),
      )
      .map((r) => r.slice(prefix.length, -1));
  pagesOf = { virksomheder: slugs('/virksomheder/'), katalog: slugs('/katalog/') };
});

async function csv(file: string): Promise<{ bytes: Buffer; rows: Record<string, string>[]; header: string[] }> {
  const bytes = await readFile(distPath(file));
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const [header = [], ...body] = parseCsv(text, ';');
  return { bytes, header, rows: body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))) };
}

describe.each([
  ['virksomheder', 'name'],
  ['katalog', 'title'],
] as const)('/data/%s', (name, titleField) => {
  it('JSON: every published entry once, with its absolute page URL, the licence and the source', async () => {
    const data = JSON.parse(await readDist(`/data/${name}.json`)) as DataSet;
    expect(data.license).toEqual({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.da' });
    expect(data.attribution).toBe(`Kilde: ${site.municipality}`);
    expect(data.source).toBe(`${SITE}/${name}/`);
    expect(data.count).toBe(data.items.length);
    expect(data.items.map((i) => i['id']).sort()).toEqual([...pagesOf[name]].sort());
    const content = await siteContent();
    const ids = (name === 'virksomheder' ? content.companies : content.offerings).map((e) => e.id);
    expect(data.items.map((i) => i['id']).sort()).toEqual(ids.sort());
    for (const item of data.items) {
      expect(item['url']).toBe(`${SITE}/${name}/${String(item['id'])}/`);
      const $ = await page(`/${name}/${String(item['id'])}/`);
      expect($('h1').text()).toBe(item[titleField]);
    }
  });

  it('CSV opens in Danish Excel: UTF-8 with BOM, a header row, ";" between columns, CRLF lines', async () => {
    const { bytes, header, rows } = await csv(`/data/${name}.csv`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toMatch(/\r\n/);
    const json = JSON.parse(await readDist(`/data/${name}.json`)) as DataSet;
    for (const item of json.items) expect(Object.keys(item)).toEqual(header);
    expect(rows).toHaveLength(json.items.length);
    // Same values as the JSON, lists joined with ", "; æ, ø and å survive. Text that a
    // spreadsheet would run as a formula (= + - @ tab CR) carries a leading ' (README, Open data).
    const asText = (cell: string) => (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) ? `'${cell}` : cell);
    for (const [i, row] of rows.entries()) {
      const item = json.items[i] ?? {};
      for (const key of header) {
        const value = item[key];
        expect(row[key], `${String(item['id'])}.${key}`).toBe(
          value === null
            ? ''
            : typeof value === 'number'
              ? String(value)
              : asText(Array.isArray(value) ? value.join(', ') : String(value)),
        );
      }
    }
  });
});

describe('what a buyer checks', () => {
  it("a company's CVR and contact in the data are the ones on its page", async () => {
    const data = JSON.parse(await readDist('/data/virksomheder.json')) as DataSet;
    for (const item of data.items) {
      const $ = await page(`/virksomheder/${String(item['id'])}/`);
      const cvr = /CVR-nummer\s*(\d{8})/.exec($('.facts').text())?.[1];
      expect(item['cvr'], String(item['id'])).toBe(cvr ?? null);
      if (item['email'])
        expect($(`.facts a[href="mailto:${String(item['email'])}"]`).length, String(item['id'])).toBeGreaterThan(0);
    }
  });

  it("an offering's supplier links to a company in the company data", async () => {
    const companies = JSON.parse(await readDist('/data/virksomheder.json')) as DataSet;
    const ids = new Set(companies.items.map((c) => c['id']));
    const offerings = JSON.parse(await readDist('/data/katalog.json')) as DataSet;
    for (const o of offerings.items) {
      expect(ids.has(o['company']), String(o['id'])).toBe(true);
      expect(await existsInDist(String(o['companyUrl']))).toBe(true);
    }
  });
});

describe('the press page', () => {
  it('documents every column of both data sets and the licence, and links every feed and file', async () => {
    const $ = await page('/presse/');
    const documented = $('table.field-table tbody th')
      .map((_, th) => $(th).text())
      .get();
    for (const name of ['virksomheder', 'katalog']) {
      const json = JSON.parse(await readDist(`/data/${name}.json`)) as DataSet;
      for (const key of Object.keys(json.items[0] ?? {})) expect(documented, key).toContain(key);
    }
    expect($('a[rel="license"]').attr('href')).toBe('https://creativecommons.org/licenses/by/4.0/deed.da');
    const links = $('main a')
      .map((_, a) => $(a).attr('href'))
      .get();
    for (const file of [
      '/historier/rss.xml',
      '/historier/atom.xml',
      '/historier/feed.json',
      '/arrangementer/kalender.ics',
      '/data/virksomheder.json',
      '/data/virksomheder.csv',
      '/data/katalog.json',
      '/data/katalog.csv',
    ]) {
      expect(links, file).toContain(file);
      expect(await existsInDist(file), file).toBe(true);
    }
  });
});
