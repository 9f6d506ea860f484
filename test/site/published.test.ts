/**
 * The gate after every build (`src/lib/published/`) on the real `dist/`: the build already ran it
 * (a problem stops `astro build`), so here it must find nothing.
 */
import { describe, expect, it } from 'vitest';
import { siteGateOptions } from '../../src/integrations/published-gate.ts';
import { checkPublished, readContentFacts } from '../../src/lib/published/index.ts';
import { distDir, siteRoot } from '../dist.ts';

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
});
