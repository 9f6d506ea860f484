/**
 * What search engines are told: `/sitemap-index.xml` (valid against the sitemaps.org schema,
 * every page worth indexing and nothing else, lastmod from git) and `/robots.txt`.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { entryUrl } from '../../src/lib/urls.ts';
import { contentPages, distPath, existsInDist, page, readDist } from '../dist.ts';
import { siteContent } from './content.ts';
import { projectRoot } from '../helpers.ts';

const run = promisify(execFile);
const SITE = 'https://socialoekonomi.kalundborg.dk';
const XSD = path.join(projectRoot, 'node_modules', 'sitemap', 'schema', 'sitemap.xsd');

async function xmllint(args: string[]): Promise<{ ok: boolean; output: string }> {
  try {
    const { stderr } = await run('xmllint', ['--noout', '--nonet', ...args]);
    return { ok: true, output: stderr };
  } catch (error) {
    const e = error as { code?: string; stderr?: string };
    if (e.code === 'ENOENT')
      throw new Error('xmllint mangler: sudo apt-get install -y libxml2-utils', { cause: error });
    return { ok: false, output: e.stderr ?? String(error) };
  }
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
let sitemaps: string[] = [];
const urls: { loc: string; lastmod: string | undefined }[] = [];
beforeAll(async () => {
  sitemaps = locs(await readDist('/sitemap-index.xml'));
  for (const sitemap of sitemaps) {
    const xml = await readDist(new URL(sitemap).pathname);
    urls.push(
      ...[...xml.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?/g)].map((m) => ({
        loc: m[1] ?? '',
        lastmod: m[2],
      })),
    );
  }
});

describe('the sitemap', () => {
  it('the index is well-formed and every sitemap it lists validates against the sitemaps.org XSD', async () => {
    expect((await xmllint([distPath('/sitemap-index.xml')])).ok).toBe(true);
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const sitemap of sitemaps) {
      expect(sitemap.startsWith(`${SITE}/`)).toBe(true);
      const result = await xmllint(['--schema', XSD, distPath(new URL(sitemap).pathname)]);
      expect(result.output, sitemap).toMatch(/validates/);
      expect(result.ok).toBe(true);
    }
  });

  it('every URL in it is a page that exists in the built site and may be indexed', async () => {
    expect(urls.length).toBeGreaterThan(0);
    for (const { loc } of urls) {
      expect(loc.startsWith(`${SITE}/`), loc).toBe(true);
      expect(await existsInDist(loc), loc).toBe(true);
      const $ = await page(new URL(loc).pathname);
      expect($('meta[name="robots"]').attr('content') ?? '', loc).not.toMatch(/noindex/);
    }
  });

  it('holds every page a visitor can read, and leaves out redirects, the withdrawn story, the draft, 404 and /was', async () => {
    const listed = new Set(urls.map((u) => new URL(u.loc).pathname));
    const indexable = (await contentPages())
      .filter(({ $ }) => !/noindex/.test($('meta[name="robots"]').attr('content') ?? ''))
      .map(({ route }) => route);
    expect([...listed].sort()).toEqual(indexable.sort());
    const content = await siteContent();
    const hidden = content.hidden.map((s) => entryUrl('stories', s.id));
    for (const left of ['/404.html', '/404/', '/was/', ...hidden, ...content.redirects.map((r) => r.from)]) {
      expect(listed.has(left), left).toBe(false);
    }
  });

  it('dates each entry page with the "Sidst opdateret" its page shows (the last commit to its file)', async () => {
    let dated = 0;
    for (const { loc, lastmod } of urls) {
      const $ = await page(new URL(loc).pathname);
      const shown = $('.entry-meta time').attr('datetime');
      if (!shown) continue;
      dated++;
      expect(lastmod, loc).toBe(shown);
    }
    // Every entry page has a date: its file is in git (the real repository, or the edited copy's).
    expect(dated).toBeGreaterThanOrEqual((await siteContent()).companies.length);
  });
});

describe('robots.txt', () => {
  it('lets crawlers in and points them to the sitemap index', async () => {
    const robots = await readDist('/robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/$/m);
    expect(robots).toMatch(new RegExp(`^Sitemap: ${SITE}/sitemap-index\\.xml$`, 'm'));
  });
});
