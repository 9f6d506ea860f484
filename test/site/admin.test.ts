/**
 * `/admin/` in the built site: the configuration it publishes is the one generated from the
 * content model (parsed back from `dist/`, not trusted from the source), and the editor stays out
 * of everything public — no link to it, not in the sitemap or the search index, noindex.
 * The editor itself is driven in Chromium by test/fixture/cms.test.ts.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { cmsConfig } from '../../src/lib/cms/config.ts';
import { ADMIN } from '../../src/lib/urls.ts';
import { editorBundleFacts, GRAMMAR } from '../cms.ts';
import { allPages, distDir, page, readDist, siteRoot } from '../dist.ts';

describe('/admin/ in the built site', () => {
  it('publishes the configuration generated from the schemas and the prize criteria', async () => {
    const published = yaml.load(await readDist(ADMIN.config)) as ReturnType<typeof cmsConfig>;
    const criteria = yaml.load(await readFile(path.join(siteRoot, 'src/content/prize-criteria.yaml'), 'utf8')) as {
      id: string;
      title: string;
    }[];
    // A nominee's scores: one field per criterion of the file (in the order the prize pages use).
    const prizes = published.collections?.find((c) => 'name' in c && c.name === 'prizes') as unknown as {
      fields: { name: string; fields?: { name: string; fields?: { name: string }[] }[] }[];
    };
    const scores = prizes.fields.find((f) => f.name === 'nominees')?.fields?.find((f) => f.name === 'scores');
    const order = (scores?.fields ?? []).map((f) => f.name);
    expect([...order].sort()).toEqual(criteria.map((c) => c.id).sort());
    const byOrder = order.map((id) => criteria.find((c) => c.id === id)!);
    const expected = cmsConfig({ prizeCriteria: byOrder.map(({ id, title }) => ({ id, title })) });
    expect(published).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('is a noindex page that no public page links to, outside the sitemap and the search index', async () => {
    const $ = await page(ADMIN.page);
    expect($('meta[name="robots"]').attr('content')).toMatch(/noindex/);
    expect($('[data-pagefind-body]').length).toBe(0);
    for (const route of await allPages()) {
      const public$ = await page(route);
      expect(public$(`a[href^="${ADMIN.page}"]`).length, route).toBe(0);
    }
    const sitemaps = (await readdir(distDir)).filter((f) => /^sitemap.*\.xml$/.test(f));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const file of sitemaps) expect(await readDist(`/${file}`)).not.toContain(ADMIN.page);
  });

  it('loads the editor from one module script of this site, whose bundle is whole in dist/ and has no Shiki grammar', async () => {
    const $ = await page(ADMIN.page);
    // An external script needs no hash in the CSP; the page has no inline script.
    expect($('script').length).toBe(1);
    expect($('script').text()).toBe('');
    const src = $('script').attr('src') ?? '';
    expect(src).toMatch(/^\/_astro\/cms\/[0-9a-f]{16}\/editor\.js$/);
    const folder = path.join(distDir, path.dirname(src));
    expect(await readdir(folder)).toContain('editor.js');
    // Only this version's bundle is published.
    expect(await readdir(path.join(distDir, '_astro', 'cms'))).toEqual([path.basename(folder)]);
    const facts = await editorBundleFacts(folder);
    expect(facts.referenced.size).toBeGreaterThan(10);
    expect(facts.missing).toEqual([]);
    expect(facts.grammars).toEqual([]);
    // Nor anywhere else in dist/.
    for (const file of await readdir(distDir, { recursive: true }))
      if (file.endsWith('.js')) expect(await readFile(path.join(distDir, file), 'utf8'), file).not.toMatch(GRAMMAR);
  });
});
