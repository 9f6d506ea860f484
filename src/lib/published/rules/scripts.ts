/**
 * `<script>`: only the templates' own. An inline script runs only if the page's CSP lists its
 * sha256 (Astro writes one for every script it bundles); a `src` script only from the site's
 * own `/_astro/` or `/pagefind/`; JSON-LD only if it is JSON. A script in SVG is never ours.
 */
import { NS, attr, cspHash, describe, shorten, textOf, type PageRule } from '../html.ts';

const OWN_SCRIPT_FOLDERS = ['/_astro/', '/pagefind/'];

export const scripts: PageRule = {
  name: 'script',
  check(element, page) {
    if (element.tagName !== 'script') return [];
    if (element.namespaceURI !== NS.html)
      return [`${describe(element)}: et script i SVG/MathML kører i browseren. Fjern det`];
    const type = attr(element, 'type')?.trim().toLowerCase();
    const src = attr(element, 'src');
    if (type === 'application/ld+json' && src === undefined) {
      try {
        JSON.parse(textOf(element));
        return [];
      } catch {
        return [`${describe(element)}: JSON-LD-blokken er ikke gyldig JSON. Ret de strukturerede data`];
      }
    }
    if (page.kind === 'fragment') return [`${describe(element)}: et script i et feed. Fjern det fra historien`];
    if (src !== undefined) {
      let url: URL | undefined;
      try {
        url = new URL(src.trim(), page.url);
      } catch {
        url = undefined;
      }
      if (url && url.origin === page.origin && OWN_SCRIPT_FOLDERS.some((f) => url.pathname.startsWith(f))) return [];
      return [
        `${describe(element)}: et script udefra (ikke fra webstedets egne /_astro/ eller /pagefind/). Fjern det; webstedet må kun køre sine egne scripts`,
      ];
    }
    const hash = cspHash(textOf(element));
    if (page.scriptHashes.has(hash)) return [];
    return [
      `${describe(element)}: et inline-script, hvis sha256 (${hash}) ikke står i sidens CSP, så det er ikke skabelonernes eget ("${shorten(textOf(element).trim(), 60)}"). Fjern det`,
    ];
  },
};
