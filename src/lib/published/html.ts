/**
 * Pages as a browser sees them: parse5 implements the HTML standard's parsing algorithm, so
 * foreign content (SVG, MathML), attributes split across lines, unquoted values and entities
 * end up exactly where a browser puts them. Every element, also inside `<template>`, goes
 * through the page rules.
 */
import { createHash } from 'node:crypto';
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';

export type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

export const NS = {
  html: 'http://www.w3.org/1999/xhtml',
  svg: 'http://www.w3.org/2000/svg',
  math: 'http://www.w3.org/1998/Math/MathML',
} as const;

/** What a page rule knows about the page it judges. */
export interface PageContext {
  /** The page's absolute URL; relative URLs resolve against it. */
  url: URL;
  /** The site's origin (`https://…`). */
  origin: string;
  /** `page`: a built page; `fragment`: HTML embedded in a feed (no CSP, never a redirect). */
  kind: 'page' | 'fragment';
  /** `'sha256-…'` sources of the page's CSP `script-src`, without quotes. */
  scriptHashes: Set<string>;
  /** Where the page must send the reader, if it is one of the site's own redirect pages. */
  redirectTo: string | undefined;
}

/** One page rule: what is wrong with one element (empty when nothing is). */
export interface PageRule {
  name: string;
  check(element: Element, page: PageContext): string[];
}

/** An attribute's name as written: `xlink:href`, `href`, `onclick`. */
export const attrName = (a: { name: string; prefix?: string | undefined }): string =>
  a.prefix ? `${a.prefix}:${a.name}` : a.name;

export const attr = (element: Element, name: string): string | undefined =>
  element.attrs.find((a) => attrName(a) === name)?.value;

/** The element's text (a script's or style's source). */
export const textOf = (element: Element): string =>
  element.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : '')).join('');

/** `<img src="…">` with the line it starts on, for messages. */
export function describe(element: Element): string {
  const attrs = element.attrs.map((a) => ` ${attrName(a)}="${shorten(a.value, 60)}"`).join('');
  const line = element.sourceCodeLocation?.startLine;
  return `${line ? `linje ${line}: ` : ''}<${element.tagName}${shorten(attrs, 160)}>`;
}

/** Text for a one-line message: control characters shown as `\n`, `\t`, …, and cut at `max`. */
export function shorten(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- exactly the characters that would break the line
  const shown = text.replace(/[\u0000-\u001f]/g, (c) => JSON.stringify(c).slice(1, -1));
  return shown.length > max ? `${shown.slice(0, max - 1)}…` : shown;
}

/** sha256 of a script's source, as CSP writes it: `sha256-<base64>`. */
export const cspHash = (source: string): string => `sha256-${createHash('sha256').update(source).digest('base64')}`;

/** The `'sha256-…'` sources of `script-src` in every CSP meta element of the document. */
function scriptHashesOf(elements: Element[]): Set<string> {
  const hashes = new Set<string>();
  for (const el of elements) {
    if (el.tagName !== 'meta' || attr(el, 'http-equiv')?.trim().toLowerCase() !== 'content-security-policy') continue;
    for (const directive of (attr(el, 'content') ?? '').split(';')) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name?.toLowerCase() !== 'script-src') continue;
      for (const s of sources) {
        const m = /^'(sha256-[A-Za-z0-9+/=]+)'$/.exec(s);
        if (m?.[1]) hashes.add(m[1]);
      }
    }
  }
  return hashes;
}

function elementsOf(root: Node): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    if ('tagName' in node) {
      out.push(node);
      if (node.tagName === 'template' && 'content' in node && node.content) walk(node.content);
    }
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return out;
}

export interface JudgedElement {
  rule: string;
  message: string;
}

/** Runs every page rule over a whole page. */
export function judgePage(
  html: string,
  page: Omit<PageContext, 'scriptHashes' | 'kind'>,
  rules: readonly PageRule[],
): JudgedElement[] {
  const elements = elementsOf(parse(html, { sourceCodeLocationInfo: true }));
  const context: PageContext = { ...page, kind: 'page', scriptHashes: scriptHashesOf(elements) };
  return run(elements, context, rules);
}

/** Runs every page rule over HTML embedded in a feed, as a reader's app would render it. */
export function judgeFragment(
  html: string,
  page: Pick<PageContext, 'url' | 'origin'>,
  rules: readonly PageRule[],
): JudgedElement[] {
  const elements = elementsOf(parseFragment(html, { sourceCodeLocationInfo: true }));
  return run(elements, { ...page, kind: 'fragment', scriptHashes: new Set(), redirectTo: undefined }, rules);
}

function run(elements: Element[], context: PageContext, rules: readonly PageRule[]): JudgedElement[] {
  const found: JudgedElement[] = [];
  for (const element of elements)
    for (const rule of rules)
      for (const message of rule.check(element, context)) found.push({ rule: rule.name, message });
  return found;
}
