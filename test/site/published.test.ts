/**
 * The gate after every build (`src/lib/published/`) on the real `dist/`: the build already ran it
 * (a problem stops `astro build`), so here it must find nothing — but the one known open kind.
 */
import { describe, expect, it } from 'vitest';
import { KNOWN_OPEN, siteGateOptions } from '../../src/integrations/published-gate.ts';
import { checkPublished, readContentFacts } from '../../src/lib/published/index.ts';
import { distDir, siteRoot } from '../dist.ts';
import { siteContent } from './content.ts';

describe('what is published', () => {
  it('passes the gate: no unsafe script, URL, embed, remote resource, broken feed, calendar or data file, nor an unpublished photo', async () => {
    const facts = await readContentFacts(siteRoot, siteGateOptions.redirects);
    const problems = await checkPublished(distDir, {
      site: siteGateOptions.site,
      trusted: siteGateOptions.trusted,
      content: facts,
    });
    // Issue 10 item 7: the open-data CSV does not yet escape cells starting with `+` (phone
    // numbers). The gate reports them; the build shows them as warnings (KNOWN_OPEN). When the
    // exporter escapes them, this expectation fails: remove 'csv-formula' from KNOWN_OPEN and here.
    expect([...KNOWN_OPEN]).toEqual(['csv-formula']);
    expect(problems.filter((p) => !KNOWN_OPEN.has(p.rule))).toEqual([]);
    const formulas = problems.filter((p) => p.rule === 'csv-formula');
    // Only content with such a value (a phone number `+45 …`) gives such a cell.
    const content = await siteContent();
    const startsLikeFormula = (value: unknown): boolean =>
      typeof value === 'string'
        ? /^[=+\-@\t\r]/.test(value)
        : typeof value === 'object' && value !== null && Object.values(value).some(startsLikeFormula);
    const expected = [...content.companies, ...content.offerings].some((e) => startsLikeFormula(e.data));
    expect(formulas.length > 0).toBe(expected);
    for (const p of formulas) expect(p.file).toMatch(/^data\/.+\.csv$/);
  });
});
