/**
 * Hostile input to the editors' checker, written into a copy of the valid fixture: every case
 * gives a Danish `file: field: message` line, never a stack trace, in bounded time and memory.
 */
import { mkdir, open, rm, symlink, truncate } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/validation/check.ts';
import { fixtureSite } from '../helpers.ts';

const STORY = 'src/content/stories/vaerkstedet-vokser.md';
const EVENT = 'src/content/events/dialogmoede.md';
const PARTNERSHIP = 'src/content/partnerships/reparationsnetvaerket.md';
const CATEGORIES = 'src/content/categories.yaml';
const IMAGE = 'src/content/stories/images/vaerkstedet.jpg';

type Site = Awaited<ReturnType<typeof fixtureSite>>;

async function problemsAfter(change: (site: Site) => Promise<void>) {
  const site = await fixtureSite();
  await change(site);
  return (await checkContent(site.root)).problems;
}

const where = (problems: { file: string; field: string }[]) => problems.map((p) => `${p.file}: ${p.field}`);

/** Danish, and no trace of a stack or an English exception. */
function expectDanish(problems: { message: string }[]) {
  for (const { message } of problems) {
    expect(message).not.toMatch(/\n\s+at |Error:|undefined|\[object/);
    expect(message).toMatch(/[æøå]|Skriv|Gem|Fjern|Læg|Ret|Erstat|Del/);
  }
}

describe('class 4: only regular files count', () => {
  it('a symlinked entry file is refused, not published unchecked', async () => {
    const problems = await problemsAfter(async (s) => {
      await symlink(path.join(s.root, STORY), path.join(s.root, 'src/content/stories/kopi.md'));
    });
    expect(where(problems)).toEqual(['src/content/stories/kopi.md: fil']);
    expect(problems[0]!.message).toMatch(/genvej.*ikke en almindelig fil/);
    expectDanish(problems);
  });

  it('a FIFO or a folder where an entry is expected is refused', async () => {
    const problems = await problemsAfter(async (s) => {
      await mkdir(path.join(s.root, 'src/content/pages/mappe.md'));
      await symlink('/dev/null', path.join(s.root, 'src/content/pages/enhed.md'));
    });
    expect(where(problems)).toEqual(['src/content/pages/enhed.md: fil', 'src/content/pages/mappe.md: fil']);
    expect(problems[1]!.message).toMatch(/en mappe/);
    expectDanish(problems);
  });

  it('a symlinked categories.yaml is refused', async () => {
    const problems = await problemsAfter(async (s) => {
      await rm(path.join(s.root, CATEGORIES));
      await symlink('/etc/passwd', path.join(s.root, CATEGORIES));
    });
    expect(where(problems)).toContain(`${CATEGORIES}: fil`);
    expectDanish(problems.filter((p) => p.file === CATEGORIES));
  });

  it.each([
    ['../../../../../../../../etc/passwd', /uden for src\/content/],
    ['./images/../../../../../etc/hostname', /uden for src\/content/],
  ])('an image path %s out of src/content is refused', async (src, message) => {
    const problems = await problemsAfter((s) => s.edit(STORY, (t) => t.replace('./images/vaerkstedet.jpg', src)));
    expect(where(problems)).toEqual([`${STORY}: image`]);
    expect(problems[0]!.message).toMatch(message);
  });

  it('an image that is a symlink to a file outside is refused', async () => {
    const problems = await problemsAfter(async (s) => {
      await rm(path.join(s.root, IMAGE));
      await symlink('/etc/hostname', path.join(s.root, IMAGE));
    });
    expect(where(problems)).toEqual([`${STORY}: image`]);
    expect(problems[0]!.message).toMatch(/genvej/);
  });

  it('an entry over 1 MB is refused before it is read', async () => {
    const problems = await problemsAfter((s) => s.edit(STORY, (t) => `${t}\n${'Tekst. '.repeat(200_000)}\n`));
    expect(where(problems)).toEqual([`${STORY}: fil`]);
    expect(problems[0]!.message).toMatch(/højst fylde 1 MB/);
  });
});

describe('class 8: bounded parsing', () => {
  it.each([
    [
      'an anchor and alias in an entry',
      (t: string) => t.replace('title: Værkstedet vokser', 'title: &t Værkstedet vokser\nimageAlt: *t'),
    ],
    ['a merge key', (t: string) => t.replace('pillars: [1, 4]', 'x: &a { b: 1 }\ny: { <<: *a }\npillars: [1, 4]')],
    [
      'YAML nested 30 deep',
      (t: string) => t.replace('pillars: [1, 4]', `pillars: ${'['.repeat(30)}1${']'.repeat(30)}`),
    ],
  ])('%s is refused in Danish', async (_, change) => {
    const problems = await problemsAfter((s) => s.edit(STORY, change));
    expect(where(problems)).toEqual([`${STORY}: frontmatter`]);
    expect(problems[0]!.message).toMatch(/henvisninger|indlejret mere end 20/);
    expectDanish(problems);
  });

  it.each([
    ['blockquotes', `${'> '.repeat(60)}Dybt`],
    ['nested list items on one line', `${'- '.repeat(60)}Dybt`],
    ['nested emphasis', `${'*'.repeat(300)}Dybt${'*'.repeat(300)}`],
    ['nested links', `${'['.repeat(300)}Dybt${']'.repeat(300)}`],
    ['nested <span>', `${'<span>'.repeat(300)}Dybt${'</span>'.repeat(300)}`],
  ])('absurdly deep %s are refused before any parser sees them', async (_, body) => {
    const problems = await problemsAfter((s) => s.edit(STORY, (t) => `${t}\n${body}\n`));
    expect(where(problems)).toEqual([`${STORY}: body`]);
    expect(problems[0]!.message).toMatch(/^linje \d+: .*indlejret mere end/);
  });

  it('ordinary nesting, emphasis and snake_case words pass', async () => {
    const body = '> citat\n> > svar\n\n- punkt\n  - underpunkt\n    - **fed** og _kursiv_ og snake_case_ord\n\n***\n';
    expect(await problemsAfter((s) => s.edit(STORY, (t) => `${t}\n${body}`))).toEqual([]);
  });
});

describe('class 9: what the checker accepts, the build accepts', () => {
  it.each([
    ['an unquoted date in a text field', 'consentRef: SAM-2026-014', 'consentRef: 2026-03-01', /"2026-03-01"/],
    ['a number in a text field', 'consentRef: SAM-2026-014', 'consentRef: 12345', /consentRef: "12345"/],
    ['true in a text field', 'imageCredit: "Foto: Test"', 'imageCredit: true', /imageCredit: "true"/],
  ])('%s is refused with how to quote it', async (_, from, to, quoted) => {
    const problems = await problemsAfter((s) => s.edit(STORY, (t) => t.replace(from, to)));
    const mine = problems.filter((p) => p.message.includes('anførselstegn'));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.message).toMatch(quoted);
    expect(mine[0]!.field).toMatch(/consentRef|imageCredit/);
  });

  it('CR-only line endings are refused with how to save the file', async () => {
    const problems = await problemsAfter(async (s) => s.write(STORY, (await s.read(STORY)).replace(/\n/g, '\r')));
    expect(where(problems)).toEqual([`${STORY}: fil`]);
    expect(problems[0]!.message).toMatch(/kun CR.*LF eller CRLF/);
  });

  it.each([
    ['U+0001 in a title', 'title: "Værkstedet\\x01 vokser"', 'title', /U\+0001/],
    ['U+FFFE in a lede', 'title: "Værkstedet \\uFFFE vokser"', 'title', /U\+FFFE/],
    ['a lone surrogate', 'title: "Værkstedet \\uD800 vokser"', 'title', /U\+D800/],
  ])('%s is refused with the field named', async (_, title, field, code) => {
    const problems = await problemsAfter((s) => s.edit(STORY, (t) => t.replace('title: Værkstedet vokser', title)));
    expect(where(problems)).toEqual([`${STORY}: ${field}`]);
    expect(problems[0]!.message).toMatch(code);
    expect(problems[0]!.message).toMatch(/kontroltegn.*feeds/);
  });

  it('a control character in the body is refused with its line', async () => {
    const problems = await problemsAfter((s) => s.edit(STORY, (t) => `${t}\nTekst med \u000B i.\n`));
    expect(where(problems)).toEqual([`${STORY}: body`]);
    expect(problems[0]!.message).toMatch(/^linje \d+: .*U\+000B/);
  });
});

describe('class 10: times and duplicates', () => {
  it.each([
    ['2027-03-28T02:30', /findes ikke i dansk tid/],
    ['2026-10-25T02:30', /to gange.*\+02:00.*\+01:00/],
    ['"2027-03-10T16:00+02:00"', /ikke dansk tid/],
  ])('the event time %s is refused', async (start, message) => {
    const problems = await problemsAfter((s) =>
      s.edit(EVENT, (t) => t.replace('start: 2027-03-11T16:00', `start: ${start}`).replace(/end: .*\n/, '')),
    );
    expect(where(problems)).toEqual([`${EVENT}: start`]);
    expect(problems[0]!.message).toMatch(message);
  });

  it('a Copenhagen offset written by a CMS is accepted', async () => {
    expect(
      await problemsAfter((s) =>
        s.edit(EVENT, (t) => t.replace('start: 2027-03-11T16:00', 'start: 2027-03-11T16:00+01:00')),
      ),
    ).toEqual([]);
  });

  it('a partnership with the same member twice is refused', async () => {
    const problems = await problemsAfter((s) =>
      s.edit(PARTNERSHIP, (t) =>
        t.replace(
          'members: [groent-vaerksted, havnens-smedie]',
          'members: [groent-vaerksted, havnens-smedie, groent-vaerksted]',
        ),
      ),
    );
    expect(where(problems)).toEqual([`${PARTNERSHIP}: members[2]`]);
    expect(problems[0]!.message).toMatch(/to gange/);
  });

  it('a story naming the same company twice is refused', async () => {
    const problems = await problemsAfter(async (s) => {
      const text = await s.read(STORY);
      const line = /companies: .*/.exec(text)![0];
      await s.write(STORY, text.replace(line, line.replace(']', ', groent-vaerksted]')));
    });
    expect(where(problems)).toEqual([`${STORY}: companies[2]`]);
  });
});

describe('bounded time and memory', () => {
  async function measured(label: string, change: (site: Site) => Promise<void>) {
    const site = await fixtureSite();
    await change(site);
    globalThis.gc?.();
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const { problems } = await checkContent(site.root);
    const ms = performance.now() - started;
    const grown = (process.memoryUsage().rss - rss) / 1024 / 1024;
    console.log(`${label}: ${ms.toFixed(0)} ms, RSS +${grown.toFixed(1)} MB, ${problems.length} problem(s)`);
    // A hang detector, not a speed goal (the figures above are printed for the report): a
    // busy CI machine may be many times slower than a quiet one.
    expect(ms).toBeLessThan(20_000);
    expect(grown).toBeLessThan(200);
    expectDanish(problems);
    return problems;
  }

  const sparse = async (file: string) => {
    await (await open(file, 'w')).close();
    await truncate(file, 1024 * 1024 * 1024);
  };

  it('(a) a 1 GB sparse file as an entry', async () => {
    const problems = await measured('1 GB entry', (s) => sparse(path.join(s.root, 'src/content/pages/stor.md')));
    expect(where(problems)).toEqual(['src/content/pages/stor.md: fil']);
  });

  it('(a) a 1 GB sparse file as an image', async () => {
    const problems = await measured('1 GB image', (s) => sparse(path.join(s.root, IMAGE)));
    expect(where(problems)).toEqual([`${STORY}: image`]);
    expect(problems[0]!.message).toMatch(/højst 10 MB/);
  });

  it('(b) a symlink to /dev/zero as an image', async () => {
    const problems = await measured('/dev/zero image', async (s) => {
      await rm(path.join(s.root, IMAGE));
      await symlink('/dev/zero', path.join(s.root, IMAGE));
    });
    expect(where(problems)).toEqual([`${STORY}: image`]);
  });

  it('(b) /dev/zero as an image path', async () => {
    const problems = await measured('/dev/zero path', (s) =>
      s.edit(STORY, (t) => t.replace('./images/vaerkstedet.jpg', '../../../../../../../../../dev/zero')),
    );
    expect(where(problems)).toEqual([`${STORY}: image`]);
  });

  it('(c) a folder where an image should be', async () => {
    const problems = await measured('folder image', async (s) => {
      await rm(path.join(s.root, IMAGE));
      await mkdir(path.join(s.root, IMAGE));
    });
    expect(where(problems)).toEqual([`${STORY}: image`]);
    expect(problems[0]!.message).toMatch(/en mappe/);
  });

  const bomb = (indent: string) =>
    [
      `${indent}a: &a ["x","x","x","x","x","x","x","x","x","x"]`,
      ...'bcdefghi'.split('').map((k, i) => `${indent}${k}: &${k} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
    ].join('\n');

  it('(d) an alias bomb in an entry', async () => {
    const problems = await measured('alias bomb entry', (s) =>
      s.edit(STORY, (t) => t.replace('pillars: [1, 4]', `pillars: [1, 4]\n${bomb('')}`)),
    );
    expect(where(problems)).toEqual([`${STORY}: frontmatter`]);
  });

  it('(d) an alias bomb in categories.yaml', async () => {
    const problems = await measured('alias bomb categories.yaml', (s) =>
      s.edit(CATEGORIES, (t) => `${t}\n- id: bombe\n  name: Bombe\n${bomb('  ')}\n`),
    );
    expect(where(problems)).toEqual([`${CATEGORIES}: (filen)`]);
  });

  it('(e) 10,000-deep blockquotes', async () => {
    const problems = await measured('10k blockquotes', (s) =>
      s.edit(STORY, (t) => `${t}\n${'>'.repeat(10_000)} Dybt\n`),
    );
    expect(where(problems)).toEqual([`${STORY}: body`]);
  });

  it('(e) a 10,000-deep list', async () => {
    const problems = await measured('10k nested list', (s) =>
      s.edit(STORY, (t) => `${t}\n${'- '.repeat(10_000)}punkt\n`),
    );
    expect(where(problems)).toEqual([`${STORY}: body`]);
  });
});
