/**
 * The prose a municipality rewrites lives in src/content/texts/, not in the dictionary (issue 11,
 * item 9): when /for-virksomheder/ or /presse/ has its text file, the page shows its title,
 * summary and every heading of its body; without the file the page still builds (the minimal
 * fixture has none). Derived from the files, so it holds for a fork's own wording.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/lib/validation/read.ts';
import { site } from '../../src/site.config.ts';
import { page, siteRoot } from '../dist.ts';

const PAGES = { 'for-virksomheder': '/for-virksomheder/', presse: '/presse/' } as const;

async function text(key: string): Promise<{ title: string; summary: string; body: string } | undefined> {
  const file = path.join(siteRoot, 'src', 'content', 'texts', `${key}.md`);
  const source = await readFile(file, 'utf8').catch(() => undefined);
  if (source === undefined) return undefined;
  const parsed = parseMarkdown(source);
  if (!parsed.ok) throw new Error(`texts/${key}.md: ${parsed.message}`);
  const { data, body } = parsed.value;
  const fields = data as Record<string, unknown>;
  return { title: String(fields['title']), summary: String(fields['summary']), body };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe("the fixed pages' prose comes from src/content/texts/", () => {
  for (const [key, route] of Object.entries(PAGES)) {
    it(`${route} shows the title, summary and every heading of texts/${key}.md when it exists`, async () => {
      const prose = await text(key);
      const $ = await page(route);
      if (!prose) {
        expect($('h1').length).toBe(1);
        return;
      }
      expect(squash($('h1').text())).toBe(squash(prose.title));
      expect(squash($('.lead').first().text())).toBe(squash(prose.summary));
      const headings = [...prose.body.matchAll(/^## +(.+)$/gmu)].map((m) => squash(m[1] ?? ''));
      const shown = $('main h2')
        .map((_, el) => squash($(el).text()))
        .get();
      for (const heading of headings) expect(shown).toContain(heading);
    });
  }

  it('/presse/ gives the press contact from the site config, with the hours the phone is answered', async () => {
    const $ = await page(PAGES.presse);
    const contact = squash($('#press-contact').parent().text());
    expect(contact).toContain(site.contacts.press.name);
    expect(contact).toContain(site.contacts.press.email);
    if (site.contacts.press.hours) expect(contact).toContain(site.contacts.press.hours);
  });
});
