/**
 * Nothing is loaded from another host: no tracking pixel, stylesheet, font or image from
 * elsewhere (src, srcset, poster, background, `<link rel=stylesheet|icon|…>`,
 * SVG `<image>`/`<use>`/`<feImage>` href, CSS `url()` in style attributes and `<style>`).
 * Links a reader follows (`<a href>`, `<link rel=alternate|canonical>`) may lead anywhere.
 */
import { NS, attr, attrName, describe, textOf, type Element, type PageRule } from '../html.ts';
import { cssUrls, isRemote, srcsetUrls } from '../urls.ts';

/** `<link rel>` values that only name another document; every other rel loads something. */
const NAVIGATIONAL_RELS = new Set([
  'alternate',
  'canonical',
  'author',
  'license',
  'help',
  'next',
  'prev',
  'me',
  'bookmark',
  'search',
  'external',
  'nofollow',
  'noopener',
  'noreferrer',
  'tag',
  'privacy-policy',
  'terms-of-service',
]);

/** Elements other rules refuse outright or judge by their own measure (`scripts.ts`, `embeds.ts`). */
const JUDGED_ELSEWHERE = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'applet', 'portal', 'fencedframe']);

function resourceUrls(element: Element): { name: string; url: string }[] {
  const urls: { name: string; url: string }[] = [];
  const tag = element.tagName.toLowerCase();
  if (JUDGED_ELSEWHERE.has(tag)) return urls;
  for (const a of element.attrs) {
    const name = attrName(a).toLowerCase();
    if (['src', 'poster', 'background', 'lowsrc', 'dynsrc'].includes(name)) urls.push({ name, url: a.value });
    else if (name === 'srcset' || name === 'imagesrcset')
      for (const url of srcsetUrls(a.value)) urls.push({ name, url });
    else if (name === 'style') for (const url of cssUrls(a.value)) urls.push({ name, url });
    else if ((name === 'href' || name === 'xlink:href') && element.namespaceURI === NS.svg && tag !== 'a')
      urls.push({ name, url: a.value });
  }
  if (tag === 'link' && element.namespaceURI === NS.html) {
    const rels = (attr(element, 'rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const href = attr(element, 'href');
    if (href !== undefined && rels.some((r) => !NAVIGATIONAL_RELS.has(r))) urls.push({ name: 'href', url: href });
  }
  if (tag === 'style') for (const url of cssUrls(textOf(element))) urls.push({ name: 'CSS', url });
  return urls;
}

export const remoteResources: PageRule = {
  name: 'remote',
  check(element, page) {
    const found: string[] = [];
    for (const { name, url } of resourceUrls(element)) {
      if (!isRemote(url, page.url, page.origin)) continue;
      found.push(
        `${describe(element)}: ${name} henter ${url} fra en anden vært, så læserens besøg afsløres for den. Læg filen på webstedet eller fjern den`,
      );
    }
    return found;
  },
};
