/**
 * The gate after every build (`src/lib/published/`) on the real `dist/`: the build already ran it
 * (a problem stops `astro build`), so here it must find nothing.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteGateOptions } from '../../src/integrations/published-gate.ts';
import { checkPublished, readContentFacts } from '../../src/lib/published/index.ts';
import { allPages, distDir, page, siteRoot } from '../dist.ts';

describe('what is published', () => {
  it('passes the gate: no unsafe script, URL, embed, remote resource, broken feed, calendar or data file, nor an unpublished photo', async () => {
    const facts = await readContentFacts(siteRoot, siteGateOptions.redirects);
    const problems = await checkPublished(distDir, {
      site: siteGateOptions.site,
      trusted: siteGateOptions.trusted,
      content: facts,
    });
    expect(problems).toEqual([]);
  });

  // Astro keeps an imported image's original in dist/_astro/ once code reads one of its
  // properties; the originals are full size and carry their metadata (camera, time, often the
  // place), so one no page uses must not be published at all (src/lib/images.ts: unmarked()).
  it('publishes no image in _astro/ that no page, feed or style sheet links to', async () => {
    const images = (await readdir(path.join(distDir, '_astro'))).filter((f) => /\.(jpe?g|png|webp|avif|gif)$/i.test(f));
    expect(images.length).toBeGreaterThan(0);
    const texts = await Promise.all(
      (await readdir(distDir, { recursive: true }))
        .filter((f) => /\.(html|xml|json|css|js|webmanifest)$/.test(f) && !f.startsWith('pagefind'))
        .map((f) => readFile(path.join(distDir, f), 'utf8')),
    );
    const linked = new Set(texts.flatMap((text) => [...text.matchAll(/\/_astro\/([^"'\s,)?#]+)/g)].map((m) => m[1])));
    expect(images.filter((image) => !linked.has(image))).toEqual([]);
  });

  // The Content Security Policy (astro.config.mjs) allows the style sheets Astro hashes, never a
  // style attribute: the browser would drop it, and the page would not look as it was built to.
  // Shiki's colours for an editor's code block were such attributes (now off).
  it('has no style attribute on any public page, which the Content Security Policy would block', async () => {
    const styled: string[] = [];
    for (const url of await allPages()) {
      const $ = await page(url);
      $('[style]').each((_, element) => {
        styled.push(`${url}: <${element.tagName} style="${$(element).attr('style') ?? ''}">`);
      });
    }
    expect(styled).toEqual([]);
  });
});
