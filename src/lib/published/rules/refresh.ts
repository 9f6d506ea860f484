/**
 * `<meta http-equiv="refresh">` sends the reader elsewhere. Only the site's own redirect pages
 * (`redirectFrom`, `/was/`) have one, and only to the target the content gives; only `/was/`
 * leads to another host (the WAS-Tool).
 */
import { attr, describe, type PageRule } from '../html.ts';

export const refresh: PageRule = {
  name: 'refresh',
  check(element, page) {
    if (element.tagName !== 'meta' || attr(element, 'http-equiv')?.trim().toLowerCase() !== 'refresh') return [];
    if (page.redirectTo === undefined)
      return [
        `${describe(element)}: en automatisk videresendelse på en side, der ikke er en af webstedets omdirigeringer. Fjern den`,
      ];
    const target = /^\s*\d*\s*[;,]?\s*(?:url\s*=\s*)?['"]?([^'"]*)['"]?\s*$/i.exec(attr(element, 'content') ?? '')?.[1];
    let actual: string | undefined;
    try {
      actual = target ? new URL(target, page.url).href : undefined;
    } catch {
      actual = undefined;
    }
    const expected = new URL(page.redirectTo, page.url).href;
    if (actual === expected) return [];
    return [
      `${describe(element)}: omdirigeringen skulle føre til ${expected}, men fører til ${actual ?? '(ingen gyldig adresse)'}. Ret omdirigeringen`,
    ];
  },
};
