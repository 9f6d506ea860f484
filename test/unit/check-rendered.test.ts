/**
 * Hostile bodies that look harmless to a checker reading Markdown block by block, but that a
 * browser or Astro's compilers read otherwise (issue 10, classes 1, 2, 3, 6 and 9). Each is
 * written into a copy of the valid fixture; the checker must refuse it, naming file and field.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/validation/check.ts';
import { fixtureSite } from '../helpers.ts';

const STORY = 'src/content/stories/vaerkstedet-vokser.md';
const MDX = 'src/content/stories/vaerkstedet-vokser.mdx';

type Site = Awaited<ReturnType<typeof fixtureSite>>;
async function problemsAfter(change: (site: Site) => Promise<void>) {
  const site = await fixtureSite();
  await change(site);
  return (await checkContent(site.root)).problems;
}
const withBody = (body: string) => (site: Site) => site.edit(STORY, (t) => `${t.trimEnd()}\n\n${body}\n`);
const lines = (problems: { file: string; field: string; message: string }[]) =>
  problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('\n');

describe('class 1: front matter ends where Astro ends it', () => {
  it.each([
    [
      'a closing line with more on it',
      (t: string) => t.replace('\n---\n\nAnna', "\n---import fs from 'node:fs'\ntitle2: x\n---\n\nAnna"),
    ],
    [
      'a line inside that starts with ---',
      (t: string) => t.replace('pillars: [1, 4]', 'pillars: [1, 4]\n--- {process.env.HOME}\nesrs2: []'),
    ],
    [
      'a closing --- followed by an expression',
      (t: string) => t.replace('\n---\n\nAnna', '\n--- {1 + 1}\nx: y\n---\n\nAnna'),
    ],
  ])('%s is refused', async (_, change) => {
    const problems = await problemsAfter(async (s) => {
      await s.write(MDX, change(await s.read(STORY)));
      await s.remove(STORY);
    });
    expect(lines(problems)).toMatch(
      new RegExp(`${MDX}: frontmatter: frontmatter skal slutte med en linje, der kun indeholder ---`),
    );
  });
});

describe('class 2: HTML judged as the browser parses it', () => {
  it.each([
    ['live HTML inside SVG <title>', '<svg><title><img src=x onerror=alert(1)></title></svg>'],
    ['MathML <mtext> with a handler', '<math><mtext><b onmouseover="alert(1)">x</b></mtext></math>'],
    [
      'an SVG animation that sets a link to javascript:',
      '<svg><a><animate attributeName="href" to="javascript:alert(1)"/><text y="20">klik</text></a></svg>',
    ],
    [
      'an SVG animation with javascript: in values',
      '<svg><a><set attributeName="href" values="https://x;javascript:alert(1)"/></a></svg>',
    ],
    ['attributes on <body>', '<body onload="alert(1)">'],
    ['an attribute opened in one block and closed in another', '<p title="a\n\n" onclick="alert(1)">x</p>'],
  ])('%s is refused', async (_, html) => {
    const problems = await problemsAfter(withBody(html));
    expect(problems.length, lines(problems)).toBeGreaterThan(0);
    expect(
      problems.every((p) => p.file === STORY && p.field === 'body'),
      lines(problems),
    ).toBe(true);
  });

  it('harmless inline HTML still passes', async () => {
    expect(
      await problemsAfter(
        withBody('H<sub>2</sub>O og <abbr title="Registreret Socialøkonomisk Virksomhed">RSV</abbr>.'),
      ),
    ).toEqual([]);
  });
});

describe('class 3: images in the body follow the rules of front-matter images', () => {
  it('a remote image is refused', async () => {
    expect(lines(await problemsAfter(withBody('![Et foto](https://billeder.example/foto.jpg)')))).toMatch(
      /body: .*fra en anden side/,
    );
  });
  it('a missing image is refused (the build would stop)', async () => {
    expect(lines(await problemsAfter(withBody('![Et foto](./images/findes-ikke.jpg)')))).toMatch(
      /body: billedet \.\/images\/findes-ikke\.jpg: /,
    );
  });
  it('an SVG image is refused', async () => {
    const problems = await problemsAfter(async (s) => {
      await s.write(
        'src/content/stories/images/tegning.svg',
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      );
      await withBody('![En tegning](./images/tegning.svg)')(s);
    });
    expect(lines(problems)).toMatch(/body: billedet \.\/images\/tegning\.svg: .*SVG/i);
  });
  it('a raw <img> is refused with the Markdown way to write it', async () => {
    expect(lines(await problemsAfter(withBody('<img src="./images/vaerkstedet.jpg" alt="x">')))).toMatch(
      /!\[alt-tekst\]/,
    );
  });
  it('a local raster image that exists passes', async () => {
    expect(await problemsAfter(withBody('![Værkstedet](./images/vaerkstedet.jpg)'))).toEqual([]);
  });
  it('a body image with GPS in its EXIF is refused', async () => {
    const problems = await problemsAfter(async (s) => {
      const withGps = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
        .jpeg()
        .withExif({
          IFD3: {
            GPSLatitudeRef: 'N',
            GPSLatitude: '55/1 40/1 0/1',
            GPSLongitudeRef: 'E',
            GPSLongitude: '11/1 5/1 0/1',
          },
        })
        .toBuffer();
      await s.write('src/content/stories/images/gps.jpg', withGps);
      await withBody('![Et sted](./images/gps.jpg)')(s);
    });
    expect(lines(problems)).toMatch(/body: billedet \.\/images\/gps\.jpg: .*GPS/);
  });
});

describe('class 6: CPR numbers written around the pattern', () => {
  it.each([
    ['a Markdown escape', '010190\\-1234'],
    ['an HTML entity as separator', '010190&#45;1234'],
    ['a comment inside', '0101<!-- x -->90-1234'],
    ['an en dash', '010190–1234'],
    ['a no-break space', '010190\u00a01234'],
  ])('%s is found, and never shown in full', async (_, written) => {
    const problems = await problemsAfter(withBody(`Hun har nummer ${written}.`));
    expect(lines(problems)).toMatch(/CPR-nummer/);
    expect(lines(problems)).not.toMatch(/1234/);
  });
});

describe('class 9: what the checker passes, the build compiles', () => {
  it.each([
    [
      'an MDX import of a file that does not exist',
      "import Kasse from '../../components/mdx/FindesIkke.astro';\n\n<Kasse />",
      /filen findes ikke/,
    ],
    [
      'a client: directive',
      "import Quote from '../../components/mdx/Quote.astro';\n\n<Quote client:load>Hej</Quote>",
      /client:load/,
    ],
    [
      'a set:html directive',
      'import Quote from \'../../components/mdx/Quote.astro\';\n\n<Quote set:html="<b>x</b>" />',
      /set:html/,
    ],
  ])('%s is refused', async (_, body, message) => {
    const problems = await problemsAfter(async (s) => {
      const text = await s.read(STORY);
      await s.write('src/components/mdx/Quote.astro', '<blockquote><slot /></blockquote>\n');
      await s.write(MDX, text.replace('Anna fortæller om værkstedet.', body));
      await s.remove(STORY);
    });
    expect(lines(problems)).toMatch(message);
  });
});
