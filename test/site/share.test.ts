/**
 * Share cards and head meta: what a link looks like when it is pasted into Facebook, LinkedIn,
 * a newsroom's chat or a search result.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { site } from '../../src/site.config.ts';
import { categoryUrl, entryUrl } from '../../src/lib/urls.ts';
import { contentPages, distDir, distPath, existsInDist, page } from '../dist.ts';
import { siteContent, type SiteContent } from './content.ts';

const SITE = 'https://socialoekonomi.kalundborg.dk';

describe('every page', () => {
  it('has a title, a description and an absolute canonical URL of a page that exists (else search engines index the wrong address)', async () => {
    const problems: string[] = [];
    for (const { route, $ } of await contentPages()) {
      if (!$('title').text().trim()) problems.push(`${route}: ingen <title>`);
      if (!$('meta[name="description"]').attr('content')?.trim()) problems.push(`${route}: ingen description`);
      const canonical = $('link[rel="canonical"]').attr('href');
      if (route === '/404.html') {
        if (canonical !== undefined) problems.push(`${route}: 404-siden må ikke have en canonical`);
        continue;
      }
      if (!canonical?.startsWith(`${SITE}/`)) problems.push(`${route}: canonical ${canonical} er ikke absolut`);
      else if (new URL(canonical).pathname !== route) problems.push(`${route}: canonical peger på ${canonical}`);
      else if (!(await existsInDist(canonical))) problems.push(`${route}: canonical ${canonical} findes ikke`);
    }
    expect(problems).toEqual([]);
  });

  it('has Open Graph and Twitter meta, so a shared link shows a title, a text and a picture', async () => {
    const problems: string[] = [];
    for (const { route, $ } of await contentPages()) {
      const og = (p: string) => $(`meta[property="og:${p}"]`).attr('content');
      const need = {
        title: og('title'),
        description: og('description'),
        type: og('type'),
        site_name: og('site_name'),
        locale: og('locale'),
        image: og('image'),
        'image:alt': og('image:alt'),
      };
      for (const [key, value] of Object.entries(need)) if (!value?.trim()) problems.push(`${route}: og:${key} mangler`);
      if (route !== '/404.html' && og('url') !== $('link[rel="canonical"]').attr('href'))
        problems.push(`${route}: og:url er ikke canonical`);
      if (!['website', 'article'].includes(og('type') ?? '')) problems.push(`${route}: og:type ${og('type')}`);
      if (og('locale') !== 'da_DK') problems.push(`${route}: og:locale ${og('locale')}`);
      if (og('image:width') !== '1200' || og('image:height') !== '630')
        problems.push(`${route}: og:image er ikke 1200×630`);
      if (!og('image')?.startsWith(`${SITE}/og/`))
        problems.push(`${route}: og:image ${og('image')} er ikke et absolut delekort`);
      else if (!(await existsInDist(og('image') ?? ''))) problems.push(`${route}: ${og('image')} findes ikke`);
      if ($('meta[name="twitter:card"]').attr('content') !== 'summary_large_image')
        problems.push(`${route}: twitter:card`);
    }
    expect(problems).toEqual([]);
  });
});

describe('share cards', () => {
  const ownCards = [
    ['/historier/', 'historier', (c: SiteContent) => c.published.map((s) => s.id)],
    ['/virksomheder/', 'virksomheder', (c: SiteContent) => c.companies.map((s) => s.id)],
    ['/katalog/', 'katalog', (c: SiteContent) => c.offerings.map((s) => s.id)],
    ['/csr-prisen/', 'csr-prisen', (c: SiteContent) => c.prizes.map((p) => String(p.year))],
  ] as const;

  it.each(ownCards)(
    'every entry under %s shares its own card /og/%s/<slug>.jpg, and there is no other card',
    async (prefix, folder, slugsOf) => {
      const slugs = slugsOf(await siteContent());
      for (const slug of slugs) {
        const $ = await page(`${prefix}${slug}/`);
        expect($('meta[property="og:image"]').attr('content'), slug).toBe(`${SITE}/og/${folder}/${slug}.jpg`);
      }
      const cards = await readdir(path.join(distDir, 'og', folder)).catch(() => [] as string[]);
      expect(cards.sort()).toEqual(slugs.map((slug) => `${slug}.jpg`).sort());
    },
  );

  it('every story is shared as an article with its publication date', async () => {
    const { published } = await siteContent();
    for (const story of published) {
      const $ = await page(entryUrl('stories', story.id));
      expect($('meta[property="og:type"]').attr('content'), story.id).toBe('article');
      expect($('meta[property="article:published_time"]').attr('content'), story.id).toBe(story.published);
    }
  });

  it('pages without a card of their own, and the withdrawn story, share the default card', async () => {
    const { categories, offerings, stories } = await siteContent();
    const withdrawn = stories.filter((s) => s.withdrawn).map((s) => entryUrl('stories', s.id));
    const categoryPages = categories
      .filter((c) => offerings.some((o) => o.category === c.id))
      .map((c) => categoryUrl(c.id));
    for (const route of ['/', '/presse/', '/soeg/', ...categoryPages, ...withdrawn]) {
      const $ = await page(route);
      expect($('meta[property="og:image"]').attr('content'), route).toBe(`${SITE}/og/default.jpg`);
    }
  });

  it('every share image is a 1200×630 JPEG named .jpg (platforms crop or refuse other sizes), and pages say so', async () => {
    const entries = await readdir(path.join(distDir, 'og'), { recursive: true, withFileTypes: true });
    const files = entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(path.join(distDir, 'og'), path.join(entry.parentPath, entry.name)));
    expect(files).toContain('default.jpg');
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const meta = await sharp(path.join(distDir, 'og', file)).metadata();
      expect([path.extname(file), meta.format, meta.width, meta.height], file).toEqual(['.jpg', 'jpeg', 1200, 630]);
    }
    for (const route of ['/', '/presse/']) {
      const $ = await page(route);
      expect($('meta[property="og:image:type"]').attr('content'), route).toBe('image/jpeg');
    }
  });

  it("every story's card shows the story's photo, where a card without a picture is all the municipality's colours", async () => {
    const { colours } = site;
    const palette = [colours.primary, colours.primaryDark, colours.accent, '#ffffff', '#e6eef3'].map((hex) =>
      [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)),
    );
    /** Share of the right-hand part (x ≥ 760, where the photo goes) drawn in the card's own palette. */
    const paletteShare = async (file: string) => {
      const { data, info } = await sharp(file)
        .extract({ left: 760, top: 0, width: 440, height: 630 })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      let inPalette = 0;
      for (let i = 0; i < data.length; i += info.channels) {
        if (
          palette.some(
            ([r = 0, g = 0, b = 0]) =>
              Math.abs((data[i] ?? 0) - r) < 10 &&
              Math.abs((data[i + 1] ?? 0) - g) < 10 &&
              Math.abs((data[i + 2] ?? 0) - b) < 10,
          )
        )
          inPalette++;
      }
      return inPalette / (info.width * info.height);
    };
    expect(await paletteShare(distPath('/og/default.jpg'))).toBeGreaterThan(0.9);
    const storyCards = await readdir(path.join(distDir, 'og', 'historier')).catch(() => [] as string[]);
    expect(storyCards).toHaveLength((await siteContent()).published.length);
    for (const card of storyCards)
      expect(await paletteShare(path.join(distDir, 'og', 'historier', card)), card).toBeLessThan(0.2);
  });
});
