/**
 * Mends for the XML the `feed` library writes: pure string functions, so they are unit-tested
 * without a build (test/unit/feed-xml.test.ts).
 */
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Atom 1.0 as the `feed` library writes it, with two mistakes mended: titles and summaries are
 * written as `type="html"` CDATA although they are plain text (so a title "Nyt & <godt>" would
 * read as markup), and `<` in a category label is left unescaped, which is not well-formed XML.
 */
export function mendAtom(xml: string): string {
  return xml
    .replace(
      /<(title|summary) type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/\1>/g,
      (_, tag: string, text: string) => `<${tag} type="text">${escapeXml(text)}</${tag}>`,
    )
    .replace(
      / (label|term)="([^"]*)"/g,
      (_, name: string, value: string) => ` ${name}="${value.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`,
    );
}

/**
 * RSS 2.0 as the `feed` library writes it, with item descriptions (the lede: plain text) escaped
 * as HTML, since feed readers treat an RSS description as HTML.
 */
export function mendRss(xml: string): string {
  return xml.replace(
    /<description><!\[CDATA\[([\s\S]*?)\]\]><\/description>/g,
    (_, text: string) => `<description>${escapeXml(escapeHtml(text))}</description>`,
  );
}
