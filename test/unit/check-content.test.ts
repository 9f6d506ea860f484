/**
 * Every bad input of the content model, written into a copy of a valid fixture site: the
 * checker must name the file and the field, in Danish, and report every problem at once.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/validation/check.ts';
import { fixtureSite, GPS_EXIF } from '../helpers.ts';

const STORY = 'src/content/stories/vaerkstedet-vokser.md';
const OFFERING = 'src/content/offerings/cykelreparation.md';
const PRIZE = 'src/content/prizes/2025.md';

async function problemsAfter(change: (site: Awaited<ReturnType<typeof fixtureSite>>) => Promise<void>) {
  const site = await fixtureSite();
  await change(site);
  return (await checkContent(site.root)).problems;
}

const where = (problems: { file: string; field: string }[]) => problems.map((p) => `${p.file}: ${p.field}`);

describe('the valid fixture', () => {
  it('has no problems, so every failure below is caused by the one change', async () => {
    const { problems, entries } = await checkContent((await fixtureSite()).root);
    expect(problems).toEqual([]);
    expect(entries.get('stories')).toHaveLength(1);
  });
});

describe('rules Astro does not enforce', () => {
  it('a broken reference names the file, the field and the missing slug, and suggests the near one', async () => {
    const problems = await problemsAfter((s) =>
      s.edit(OFFERING, (t) => t.replace('company: groent-vaerksted', 'company: groent-verksted')),
    );
    expect(where(problems)).toEqual([`${OFFERING}: company`]);
    expect(problems[0]!.message).toMatch(/"groent-verksted" findes ikke i companies.*Mente du "groent-vaerksted"/);
  });

  it('x.md beside x.mdx is an error naming both files', async () => {
    const problems = await problemsAfter(async (s) =>
      s.write('src/content/stories/vaerkstedet-vokser.mdx', await s.read(STORY)),
    );
    expect(where(problems)).toEqual([`${STORY}: filnavn`, 'src/content/stories/vaerkstedet-vokser.mdx: filnavn']);
    expect(problems[0]!.message).toContain('vaerkstedet-vokser.md og vaerkstedet-vokser.mdx');
  });

  it('30 February is an error, never 2 March', async () => {
    const problems = await problemsAfter((s) =>
      s.edit(STORY, (t) => t.replace('published: 2026-03-14', 'published: 2026-02-30')),
    );
    expect(where(problems)).toEqual([`${STORY}: published`]);
    expect(problems[0]!.message).toMatch(/findes ikke i kalenderen/);
  });

  it('a Latin-1 file is refused, not published as mojibake', async () => {
    const problems = await problemsAfter(async (s) => {
      const text = await s.read(STORY);
      await s.write(STORY, Buffer.from(text.replace('Værkstedet', 'Værkstedet'), 'latin1'));
    });
    expect(where(problems)).toEqual([`${STORY}: fil`]);
    expect(problems[0]!.message).toMatch(/ikke gemt som UTF-8.*linje 2/);
  });

  it('a BOM and CRLF line endings are accepted', async () => {
    const problems = await problemsAfter(async (s) =>
      s.write(STORY, `\uFEFF${(await s.read(STORY)).replace(/\n/g, '\r\n')}`),
    );
    expect(problems).toEqual([]);
  });

  it.each([
    ['<script>alert(1)</script>', /<script>/],
    ['<iframe src="https://x.dk"></iframe>', /<iframe>/],
    ['<style>body{}</style>', /<style>/],
    // (<img> itself is refused too: test/unit/check-rendered.test.ts.)
    ['<video src="a.mp4" onerror="alert(1)"></video>', /onerror/],
    ['<div onclick="x()">Klik</div>', /onclick/],
    ['[Læs](javascript:alert(1))', /javascript:/],
    ['<a href="jav&#x61;script:alert(1)">Læs</a>', /javascript:/],
    ['[Læs][1]\n\n[1]: JAVASCRIPT:alert(1)', /javascript:/],
  ])('raw HTML %s in Markdown is refused', async (html, message) => {
    const problems = await problemsAfter((s) => s.edit(STORY, (t) => `${t}\n${html}\n`));
    expect(where(problems)).toEqual([`${STORY}: body`]);
    expect(problems[0]!.message).toMatch(message);
    expect(problems[0]!.message).toMatch(/^linje \d+:/);
  });

  it('harmless HTML such as <abbr> is allowed', async () => {
    expect(
      await problemsAfter((s) =>
        s.edit(STORY, (t) => `${t}\n<abbr title="Registreret Socialøkonomisk Virksomhed">RSV</abbr>\n`),
      ),
    ).toEqual([]);
  });
});

describe('cross-file rules of the contract', () => {
  it("an offering's company must be social-economy", async () => {
    const problems = await problemsAfter((s) =>
      s.edit(OFFERING, (t) => t.replace('company: groent-vaerksted', 'company: havnens-smedie')),
    );
    expect(where(problems)).toEqual([`${OFFERING}: company`]);
    expect(problems[0]!.message).toMatch(/ikke en socialøkonomisk virksomhed/);
  });

  it('prize scores must cover exactly the criteria', async () => {
    const problems = await problemsAfter((s) =>
      s.edit(PRIZE, (t) =>
        t.replace('scores: { ansaettelse: 5, samarbejde: 4 }', 'scores: { ansaettelse: 5, samarbejdet: 4 }'),
      ),
    );
    expect(where(problems)).toEqual([`${PRIZE}: nominees[0].scores`, `${PRIZE}: nominees[0].scores.samarbejdet`]);
  });

  it('winners must be among the nominees', async () => {
    const problems = await problemsAfter((s) =>
      s.edit(PRIZE, (t) =>
        t
          .replace('- company: havnens-smedie', '- company: groent-vaerksted')
          .replace('winners: [groent-vaerksted]', 'winners: [havnens-smedie]'),
      ),
    );
    expect(where(problems)).toEqual([`${PRIZE}: nominees[1].company`, `${PRIZE}: winners[0]`]);
  });

  it('criteria weights must sum to 100', async () => {
    const problems = await problemsAfter((s) =>
      s.edit('src/content/prize-criteria.yaml', (t) => t.replace('weight: 40', 'weight: 30')),
    );
    expect(where(problems)).toEqual(['src/content/prize-criteria.yaml: weight']);
    expect(problems[0]!.message).toMatch(/summerer til 90/);
  });

  it('year must equal the file name', async () => {
    const problems = await problemsAfter((s) => s.edit(PRIZE, (t) => t.replace('year: 2025', 'year: 2024')));
    expect(where(problems)).toEqual([`${PRIZE}: year`]);
  });

  it('an old slug in redirectFrom may not claim another story’s URL', async () => {
    const problems = await problemsAfter(async (s) => {
      await s.write(
        'src/content/stories/anden-historie.md',
        (await s.read(STORY)).replace('title: Værkstedet vokser', 'title: Anden'),
      );
      await s.edit(STORY, (t) => t.replace('pillars: [1, 4]', 'pillars: [1, 4]\nredirectFrom: [anden-historie]'));
    });
    expect(where(problems)).toEqual([`${STORY}: redirectFrom[0]`]);
    expect(problems[0]!.message).toContain('/historier/anden-historie/');
  });

  it('a free page may not take the URL of a fixed route', async () => {
    const problems = await problemsAfter(async (s) =>
      s.write('src/content/pages/katalog.md', await s.read('src/content/pages/strategien.md')),
    );
    expect(where(problems)).toEqual(['src/content/pages/katalog.md: filnavn']);
  });

  it('a missing image is named with its field', async () => {
    const problems = await problemsAfter((s) => s.remove('src/content/stories/images/vaerkstedet.jpg'));
    expect(where(problems)).toEqual([`${STORY}: image`]);
  });

  it('an SVG is refused as a story image', async () => {
    const problems = await problemsAfter(async (s) => {
      await s.write('src/content/stories/images/tegning.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
      await s.edit(STORY, (t) => t.replace('./images/vaerkstedet.jpg', './images/tegning.svg'));
    });
    expect(where(problems)).toEqual([`${STORY}: image`]);
    expect(problems[0]!.message).toMatch(/SVG/);
  });

  it('an image over 10 MB is refused', async () => {
    const problems = await problemsAfter(async (s) => {
      const big = Buffer.alloc(10 * 1024 * 1024 + 1);
      big.set([0xff, 0xd8, 0xff]);
      await s.write('src/content/stories/images/vaerkstedet.jpg', big);
    });
    expect(where(problems)).toEqual([`${STORY}: image`]);
    expect(problems[0]!.message).toMatch(/højst 10 MB/);
  });

  it('an image with a GPS position is refused with how to strip it', async () => {
    const problems = await problemsAfter(async (s) => {
      const withGps = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#888' } })
        .withExif(GPS_EXIF)
        .jpeg()
        .toBuffer();
      await s.write('src/content/stories/images/vaerkstedet.jpg', withGps);
    });
    expect(where(problems)).toEqual([`${STORY}: image`]);
    expect(problems[0]!.message).toMatch(/GPS.*exiftool/);
  });

  it('a CPR-like number anywhere in a file is refused without repeating it', async () => {
    const problems = await problemsAfter((s) => s.edit(STORY, (t) => `${t}\nHun har CPR 010190-1234.\n`));
    expect(where(problems)).toEqual([`${STORY}: fil`]);
    expect(problems[0]!.message).not.toContain('1234');
  });

  it('a file name that is not a slug suggests the valid one', async () => {
    const problems = await problemsAfter(async (s) =>
      s.write('src/content/pages/Ærø Øl.md', await s.read('src/content/pages/strategien.md')),
    );
    expect(where(problems)).toEqual(['src/content/pages/Ærø Øl.md: filnavn']);
    expect(problems[0]!.message).toContain('aeroe-oel.md');
  });

  it('a file the build would silently skip (.markdown) is reported', async () => {
    const problems = await problemsAfter(async (s) =>
      s.write('src/content/pages/om.markdown', await s.read('src/content/pages/strategien.md')),
    );
    expect(where(problems)).toEqual(['src/content/pages/om.markdown: filnavn']);
  });
});

describe('MDX', () => {
  const MDX = 'src/content/stories/vaerkstedet-vokser.mdx';
  const asMdx = (body: string) => async (s: Awaited<ReturnType<typeof fixtureSite>>) => {
    const text = await s.read(STORY);
    await s.remove(STORY);
    await s.write(MDX, text.replace(/\n---\n[\s\S]*$/, `\n---\n\n${body}\n`));
  };

  it('may import a component from the allow-list and use it', async () => {
    expect(
      await problemsAfter(
        asMdx('import Quote from \'../../components/mdx/Quote.astro\'\n\n<Quote by="Anna">Godt.</Quote>'),
      ),
    ).toEqual([]);
  });
  it('may not import from anywhere else', async () => {
    const problems = await problemsAfter(asMdx("import Evil from '../../lib/evil.ts'\n\nTekst."));
    expect(where(problems)).toEqual([`${MDX}: body`]);
  });
  it('may not use expressions', async () => {
    const problems = await problemsAfter(asMdx('Svaret er {40 + 2}.'));
    expect(where(problems)).toEqual([`${MDX}: body`]);
    expect(problems[0]!.message).toMatch(/udtryk/);
  });
  it('may not export code', async () => {
    const problems = await problemsAfter(asMdx('export const x = 1\n\nTekst.'));
    expect(where(problems)).toEqual([`${MDX}: body`]);
  });
  it('may not use a <script> element', async () => {
    const problems = await problemsAfter(asMdx('<script>alert(1)</script>'));
    expect(problems.map((p) => p.message).join(' ')).toMatch(/<script>/);
  });
});

describe('reporting', () => {
  it('three bad files at once give three reports', async () => {
    const problems = await problemsAfter(async (s) => {
      await s.edit(STORY, (t) => t.replace('published: 2026-03-14', 'published: 2026-02-30'));
      await s.edit(OFFERING, (t) => t.replace('company: groent-vaerksted', 'company: ingen'));
      await s.edit('src/content/companies/havnens-smedie.md', (t) => t.replace('cvr: "10000009"', 'cvr: "10000008"'));
    });
    expect(where(problems)).toEqual([
      'src/content/companies/havnens-smedie.md: cvr',
      `${OFFERING}: company`,
      `${STORY}: published`,
    ]);
  });
});
