/**
 * `javascript:`, `vbscript:` and `data:` URLs in any attribute that holds a URL, read as a
 * browser reads them (`java&#x09;script:` and line breaks inside the value included). SVG
 * animations can set an `href` from `to`/`values`/`from`/`by`, so every attribute of an
 * animation element is judged. The site itself writes no `data:` URL (no image is inlined).
 */
import { attrName, describe, type PageRule } from '../html.ts';
import { UNSAFE_SCHEMES, cssUrls, schemeOf, srcsetUrls } from '../urls.ts';

const URL_ATTRIBUTES = new Set([
  'href',
  'xlink:href',
  'src',
  'srcset',
  'imagesrcset',
  'action',
  'formaction',
  'poster',
  'cite',
  'background',
  'longdesc',
  'usemap',
  'manifest',
  'ping',
  'data',
  'codebase',
  'dynsrc',
  'lowsrc',
  'icon',
]);

const ANIMATIONS = new Set(['animate', 'set', 'animatemotion', 'animatetransform', 'animatecolor', 'discard']);

function urlsOf(name: string, value: string): string[] {
  if (name === 'srcset' || name === 'imagesrcset') return srcsetUrls(value);
  if (name === 'style') return cssUrls(value);
  if (name === 'values') return value.split(';');
  return [value];
}

export const urlSchemes: PageRule = {
  name: 'url-scheme',
  check(element) {
    const animation = ANIMATIONS.has(element.tagName.toLowerCase());
    const found: string[] = [];
    for (const a of element.attrs) {
      const name = attrName(a).toLowerCase();
      if (!animation && !URL_ATTRIBUTES.has(name) && name !== 'style') continue;
      for (const url of urlsOf(name, a.value)) {
        const scheme = schemeOf(url);
        if (scheme && UNSAFE_SCHEMES.has(scheme)) {
          found.push(
            `${describe(element)}: ${name} bruger en ${scheme}:-adresse, som kan køre kode. Brug en almindelig https-adresse eller en sti på webstedet`,
          );
          break;
        }
      }
    }
    return found;
  },
};
