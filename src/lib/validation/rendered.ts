/**
 * The body as a reader gets it: rendered by Sätteri with the options Astro uses, then parsed as
 * one HTML document with parse5, the browser's own parsing algorithm. Markup that looks harmless
 * one Markdown block at a time — content inside SVG/MathML that becomes live HTML, an attribute
 * opened in one block and closed in another, attributes on `<html>`/`<body>`, URLs in SVG
 * animation attributes — is judged here as the browser will build it. So are CPR numbers that
 * only take shape in the rendered text (Markdown escapes, HTML entities, a comment in the middle,
 * an en dash or a no-break space as separator), and images from other hosts.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { markdownToHtml } from 'satteri';
import { FORBIDDEN_ELEMENTS } from './body.ts';
import { findCprLike } from './cpr.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * Elements an editor may never use, wherever they end up (also inside SVG or MathML): the
 * source rules' list, and SVG's own ways to embed HTML or listen for events.
 */
const FORBIDDEN = new Set([...FORBIDDEN_ELEMENTS, 'foreignobject', 'handler', 'listener']);

/** Attributes that hold a URL, in HTML, SVG and MathML. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'poster',
  'background',
  'cite',
  'data',
  'ping',
  'xlink:href',
  'codebase',
  'longdesc',
  'usemap',
]);

/** parse5's errors for a tag or attribute that runs past where it was meant to end. */
const BROKEN_TAG = new Set([
  'eof-in-tag',
  'eof-in-comment',
  'eof-in-script-html-comment-like-text',
  'unexpected-character-in-attribute-name',
  'unexpected-character-in-unquoted-attribute-value',
  'missing-whitespace-between-attributes',
  'unexpected-equals-sign-before-attribute-name',
  'duplicate-attribute',
]);

/** SVG animation elements set another attribute (such as `href`) from `to`, `values`, `from` or `by`. */
const ANIMATION = new Set(['animate', 'set', 'animatemotion', 'animatetransform']);

// eslint-disable-next-line no-control-regex -- browsers drop control characters and spaces in a scheme
const unsafeUrl = (value: string) => /^(?:javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, ''));
const remote = (value: string) => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(value.trim()) && !/^mailto:/i.test(value);

const isElement = (node: Node): node is Element => 'tagName' in node;
const attributeName = (a: { name: string; prefix?: string }) =>
  (a.prefix ? `${a.prefix}:${a.name}` : a.name).toLowerCase();

let lastRender: { body: string; html: string } | undefined;
/**
 * A body rendered by Sätteri with the options Astro uses. The body rules and the body-image rule
 * both need it; the last one is kept, so each body is rendered once.
 */
function render(body: string): string {
  if (lastRender?.body !== body) {
    lastRender = { body, html: markdownToHtml(body, { features: { gfm: true, smartPunctuation: true } }).html };
  }
  return lastRender.html;
}

/** Problems in the rendered body, each a Danish sentence (the rendered HTML has no line numbers). */
export function checkRenderedMarkdown(body: string): string[] {
  const html = render(body);
  // A number the file itself shows is reported for the whole file already (check.ts).
  return checkRenderedHtml(html, { cpr: findCprLike(body).length === 0 });
}

export function checkRenderedHtml(html: string, options: { cpr: boolean } = { cpr: true }): string[] {
  const problems = new Set<string>();
  const document = parse(html, {
    onParseError: (error) => {
      // A tag or attribute left open swallows what follows it on the page (the template's own
      // markup included), so its meaning depends on the page around it.
      if (BROKEN_TAG.has(error.code)) {
        problems.add(
          `HTML i teksten er ikke lukket rigtigt (${error.code}): et tag eller en attribut står åben til et senere sted. Luk tagget og anførselstegnene i samme afsnit`,
        );
      }
    },
  });
  const text: string[] = [];

  const walk = (node: Node) => {
    if (isElement(node)) {
      const tag = node.tagName.toLowerCase();
      if (FORBIDDEN.has(tag))
        problems.add(`<${tag}> er ikke tilladt i indhold (heller ikke inde i <svg> eller <math>). Fjern elementet`);
      if ((tag === 'html' || tag === 'body') && node.attrs.length > 0) {
        problems.add(
          `<${tag}> må ikke have attributter i indhold (${node.attrs.map(attributeName).join(', ')}). Fjern dem`,
        );
      }
      for (const attribute of node.attrs) {
        const name = attributeName(attribute);
        const values =
          name === 'srcset'
            ? attribute.value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')
            : name === 'values'
              ? attribute.value.split(';')
              : [attribute.value];
        if (name.startsWith('on'))
          problems.add(`attributten ${name} på <${tag}> er ikke tilladt (den kan køre kode). Fjern den`);
        if (name === 'style')
          problems.add(`attributten style på <${tag}> er ikke tilladt. Lad webstedets design styre udseendet`);
        if ((URL_ATTRIBUTES.has(name) || ANIMATION.has(tag)) && values.some(unsafeUrl)) {
          problems.add(
            `<${tag} ${name}="…"> bruger en adresse, der kan køre kode (javascript:, vbscript: eller data:). Brug en almindelig https://-adresse`,
          );
        }
        if (ANIMATION.has(tag) && name === 'attributename' && /href$/i.test(attribute.value)) {
          problems.add(`<${tag}> må ikke ændre et link (attributeName="${attribute.value}"). Fjern animationen`);
        }
        if (
          ['src', 'srcset', 'poster', 'xlink:href', 'href'].includes(name) &&
          ['img', 'source', 'video', 'audio', 'track', 'image', 'input'].includes(tag) &&
          values.some(remote)
        ) {
          problems.add(
            `<${tag}> henter et billede eller en fil fra en anden side (${attribute.value.slice(0, 80).replace(/\s+/g, ' ')}). Læg billedet ved siden af filen og skriv ![alt-tekst](./images/fil.jpg)`,
          );
        }
      }
    }
    if (node.nodeName === '#text' && 'value' in node) text.push(node.value);
    const children = 'childNodes' in node ? node.childNodes : [];
    for (const child of children) walk(child);
    if (isElement(node) && node.tagName === 'template' && 'content' in node) walk(node.content as Node);
  };
  walk(document);

  // The text a reader sees, with the separators a CPR number may be written with made plain.
  const visible = text
    .join('')
    .replace(/[\u00a0\u2007\u202f\u2009\u200a\u2002-\u2006]/g, ' ')
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-');
  for (const hit of options.cpr ? findCprLike(visible) : []) {
    problems.add(
      `den viste tekst indeholder "${hit.masked}", der ligner et CPR-nummer (skrevet med tegn, der skjuler det i filen). Fjern det; CPR-numre må aldrig stå i indholdet`,
    );
  }
  return [...problems];
}

/** Local images a rendered body shows (`![alt](./images/x.jpg)`), as written. */
export function bodyImages(body: string): string[] {
  const html = render(body);
  const found: string[] = [];
  const walk = (node: Node) => {
    if (isElement(node) && node.tagName === 'img') {
      const src = node.attrs.find((a) => a.name === 'src')?.value;
      if (src && !remote(src) && !unsafeUrl(src)) found.push(decodeURI(src));
    }
    for (const child of 'childNodes' in node ? node.childNodes : []) walk(child);
  };
  walk(parse(html));
  return found;
}
