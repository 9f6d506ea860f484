/** URLs as a browser reads them, for the rules that judge where a URL leads. */

/** The scheme a browser sees: leading/trailing controls and spaces trimmed, tabs and newlines removed. */
export function schemeOf(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- the URL standard strips exactly these
  const cleaned = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned)?.[1]?.toLowerCase();
}

/** Schemes that run code or smuggle a document: never in a published URL. */
export const UNSAFE_SCHEMES = new Set(['javascript', 'vbscript', 'data']);

/** The URLs in a `srcset` (each candidate's first token). */
export const srcsetUrls = (value: string): string[] =>
  value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);

/** The URLs in CSS: `url(…)` and `@import "…"`. */
export function cssUrls(css: string): string[] {
  const urls: string[] = [];
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*?))\s*\)/gi))
    urls.push(m[1] ?? m[2] ?? m[3] ?? '');
  for (const m of css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) urls.push(m[1] ?? m[2] ?? '');
  return urls.map((u) => u.replace(/\\/g, ''));
}

/** Does the URL, read relative to `base`, load from another host than `origin`? */
export function isRemote(value: string, base: URL, origin: string): boolean {
  const scheme = schemeOf(value);
  if (scheme && !['http', 'https', 'ftp', 'ws', 'wss'].includes(scheme)) return false;
  try {
    const url = new URL(value.trim(), base);
    return url.origin !== origin;
  } catch {
    return false;
  }
}
