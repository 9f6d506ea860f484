/** The mends for the `feed` library's XML: a title with `&` and `<` stays text and well-formed. */
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { mendAtom, mendRss } from '../../src/lib/feed-xml.ts';

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
    <title>Historier</title>
    <entry>
        <title type="html"><![CDATA[Nyt & <godt>: æøå]]></title>
        <summary type="html"><![CDATA[Kaffe & <kage>]]></summary>
        <content type="html"><![CDATA[<p>Kaffe &amp; kage</p>]]></content>
        <category label="Værkstedet &amp; Søn <test>"/>
    </entry>
</feed>`;

const rss = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Historier</title><item>
<title><![CDATA[Nyt & <godt>]]></title>
<description><![CDATA[Kaffe & <kage>]]></description>
</item></channel></rss>`;

/** A strict XML 1.0 parser's verdict: '' when well-formed, else its first error. */
function wellFormed(xml: string): string {
  const sax = new SaxesParser();
  let error = '';
  sax.on('error', (e) => {
    error ||= e.message;
  });
  sax.write(xml).close();
  return error;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

describe('mendAtom', () => {
  it('makes a feed with "<" in a category label well-formed, and the label reads as written', () => {
    expect(wellFormed(atom)).toMatch(/disallowed character/);
    const mended = mendAtom(atom);
    expect(wellFormed(mended)).toBe('');
    const entry = parser.parse(mended).feed.entry;
    expect(entry.category['@label']).toBe('Værkstedet & Søn <test>');
  });

  it('writes titles and summaries as text, so "&" and "<" are characters, not markup', () => {
    const entry = parser.parse(mendAtom(atom)).feed.entry;
    expect(entry.title).toEqual({ '#text': 'Nyt & <godt>: æøå', '@type': 'text' });
    expect(entry.summary).toEqual({ '#text': 'Kaffe & <kage>', '@type': 'text' });
    // The content is HTML and stays so.
    expect(mendAtom(atom)).toContain('<content type="html"><![CDATA[<p>Kaffe &amp; kage</p>]]></content>');
  });
});

describe('mendRss', () => {
  it('escapes the description as HTML, since feed readers render it as HTML', () => {
    const item = parser.parse(mendRss(rss)).rss.channel.item;
    expect(item.description).toBe('Kaffe &amp; &lt;kage&gt;');
    expect(item.title).toBe('Nyt & <godt>');
  });
});
