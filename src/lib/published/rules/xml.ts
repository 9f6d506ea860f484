/**
 * Every `.xml` file (feeds, sitemaps) must be well-formed XML with namespaces, read by saxes,
 * a strict XML parser. The HTML a feed carries (RSS `content:encoded`/`description`, Atom
 * `content`/`summary`) goes through the page rules as a fragment, as a feed reader shows it;
 * links in the feed may not use `javascript:` and the like.
 */
import { SaxesParser } from 'saxes';
import { judgeFragment, shorten, type PageRule } from '../html.ts';
import type { FileRule, Finding, GateContext } from '../types.ts';
import { UNSAFE_SCHEMES, schemeOf } from '../urls.ts';

const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** Elements whose text is HTML: `[namespace, local name]`. */
const HTML_ELEMENTS: [string, string][] = [
  [CONTENT_NS, 'encoded'],
  ['', 'description'],
  [ATOM_NS, 'content'],
  [ATOM_NS, 'summary'],
];

/** Elements whose text is a URL. */
const URL_ELEMENTS = new Set(['link', 'guid', 'url', 'loc', 'id', 'comments', 'docs']);

export interface FeedHtml {
  html: string;
  /** The entry's link, to name its content file. */
  link: string | undefined;
  line: number;
}

/** Parses strictly; returns the HTML the feed carries and every problem with its URLs. */
export function readXml(text: string): { error?: string; html: FeedHtml[]; badUrls: string[] } {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const html: FeedHtml[] = [];
  const badUrls: string[] = [];
  const stack: { ns: string; local: string; text: string; line: number; link?: string }[] = [];
  let error: string | undefined;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.on('opentag', (tag) => {
    const entry = { ns: tag.uri ?? '', local: tag.local ?? tag.name, text: '', line: parser.line };
    stack.push(entry);
    for (const a of Object.values(tag.attributes)) {
      const scheme = schemeOf(a.value);
      if ((a.local === 'href' || a.local === 'src' || a.local === 'url') && scheme && UNSAFE_SCHEMES.has(scheme))
        badUrls.push(`linje ${parser.line}: <${tag.name} ${a.name}="${shorten(a.value, 60)}">`);
    }
    if (entry.local === 'link' && entry.ns === ATOM_NS) {
      const href = tag.attributes['href'];
      const item = stack.findLast((s) => s.local === 'entry');
      if (item && href && typeof href === 'object') item.link ??= href.value;
    }
  });
  const onText = (text: string) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const node = stack.pop();
    if (!node) return;
    const item = stack.findLast((s) => s.local === 'item' || s.local === 'entry');
    if (node.local === 'link' && node.text.trim() && item) item.link ??= node.text.trim();
    if (URL_ELEMENTS.has(node.local)) {
      const scheme = schemeOf(node.text);
      if (scheme && UNSAFE_SCHEMES.has(scheme))
        badUrls.push(`linje ${node.line}: <${node.local}>${shorten(node.text.trim(), 60)}</${node.local}>`);
    }
    if (HTML_ELEMENTS.some(([ns, local]) => ns === node.ns && local === node.local) && node.text.trim())
      html.push({ html: node.text, link: item?.link, line: node.line });
    if ((node.local === 'item' || node.local === 'entry') && node.link) {
      for (const h of html) if (h.link === undefined && h.line >= node.line) h.link = node.link;
    }
  });
  try {
    parser.write(text).close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  return error === undefined ? { html, badUrls } : { error, html: [], badUrls: [] };
}

/** The content file behind a link to a page of the site. */
export function sourceOfLink(link: string | undefined, context: GateContext): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link, context.origin);
    return url.origin === context.origin ? context.sourceFor(url.pathname) : undefined;
  } catch {
    return undefined;
  }
}

/** Judges HTML embedded in a feed (XML or JSON Feed). */
export function judgeEmbedded(
  html: string,
  link: string | undefined,
  where: string,
  context: GateContext,
  rules: readonly PageRule[],
): Finding[] {
  const url = new URL(link ?? '/', context.origin);
  const source = sourceOfLink(link, context);
  return judgeFragment(html, { url, origin: context.origin }, rules).map((f) => ({
    rule: f.rule,
    message: `${where}, i HTML'en: ${f.message}`,
    source,
  }));
}

export function xmlFiles(rules: readonly PageRule[]): FileRule {
  return {
    name: 'xml',
    files: /\.xml$/,
    async check(file, context) {
      const { error, html, badUrls } = readXml(await file.text());
      if (error !== undefined)
        return [{ message: `filen er ikke gyldig XML (${shorten(error, 200)}). Ret det, der skriver filen` }];
      return [
        ...badUrls.map((where) => ({
          message: `${where}: adressen bruger et skema, der kan køre kode. Brug en https-adresse`,
        })),
        ...html.flatMap((h) => judgeEmbedded(h.html, h.link, `linje ${h.line}`, context, rules)),
      ];
    },
  };
}
