import { isRealDate } from '../../schemas/shared.ts';

/**
 * Lines where something looks like a Danish CPR number (`ddmmåå-xxxx`, also with a space or
 * no separator), with the date part a real day. Returns masked text, never the number itself,
 * so a CI log does not repeat it.
 */
export function findCprLike(text: string): { line: number; masked: string }[] {
  const hits: { line: number; masked: string }[] = [];
  const re = /(?<![\d-])(\d{2})(\d{2})(\d{2})([- ]?)(\d{4})(?![\d-])/g;
  for (const m of text.matchAll(re)) {
    const [dd, mm, yy] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // Without a separator a ten-digit run is only suspicious when it is a real date.
    if (!isRealDate(2000 + yy, mm, dd) && !isRealDate(1900 + yy, mm, dd)) continue;
    const line = text.slice(0, m.index).split('\n').length;
    hits.push({ line, masked: `${m[1]}${m[2]}**${m[4]}****` });
  }
  return hits;
}
