/** Every `.json` file (open data, JSON Feed, Pagefind's entry) must parse; a JSON Feed's `content_html` goes through the page rules. */
import type { PageRule } from '../html.ts';
import type { FileRule, Finding } from '../types.ts';
import { judgeEmbedded } from './xml.ts';

export function jsonFiles(rules: readonly PageRule[]): FileRule {
  return {
    name: 'json',
    files: /\.json$/,
    async check(file, context) {
      let data: unknown;
      try {
        data = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
      } catch (e) {
        return [{ message: `filen er ikke gyldig JSON (${(e as Error).message}). Ret det, der skriver filen` }];
      }
      const items = (data as { version?: unknown; items?: unknown }).items;
      const isFeed = String((data as { version?: unknown }).version ?? '').startsWith('https://jsonfeed.org/');
      if (!isFeed || !Array.isArray(items)) return [];
      const found: Finding[] = [];
      items.forEach((item: { content_html?: unknown; url?: unknown; summary?: unknown }, i) => {
        for (const key of ['content_html'] as const) {
          if (typeof item[key] !== 'string') continue;
          const link = typeof item.url === 'string' ? item.url : undefined;
          found.push(...judgeEmbedded(item[key], link, `items[${i}].${key}`, context, rules));
        }
      });
      return found;
    },
  };
}
