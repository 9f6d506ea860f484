/**
 * The term list in CONTRIBUTING.md ("Ord og skrivemåde"): the wrong forms marked there must not
 * come back, in the editors' content or in the site's own Danish texts. Scans files, so it holds
 * for whatever content a fork has; it names no entry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inlineLabel, labelList } from '../../src/lib/i18n/lists.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Banned {
  pattern: RegExp;
  fix: string;
}

/** Wrong forms anywhere in Danish text: content, the dictionary, checker messages. */
const BANNED: Banned[] = [
  { pattern: /\ben god personalegode/giu, fix: 'et godt personalegode' },
  { pattern: /\b[Ss]itets?\b/gu, fix: 'webstedet / webstedets' },
  { pattern: /\b(?:dette|et andet|et) site\b/giu, fix: 'websted' },
  { pattern: /elite-smiley/giu, fix: 'elitesmiley' },
  { pattern: /fødevarekontrollens/giu, fix: 'Fødevarestyrelsens' },
  { pattern: /S1 Egne medarbejdere/giu, fix: 'S1 Egen arbejdsstyrke' },
];

/**
 * A hyphen between two numbers is a range and takes an en dash (0–5, kl. 8–16). Dates written
 * 2026-03-14, ids such as SAM-2026-101 and file names (foto-2.jpg) are not ranges: a number with
 * a hyphen, letter or dot on either side is left alone. Only for text a reader sees, not code.
 */
const RANGE: Banned = { pattern: /(?<![\w./-])\d{1,4}-\d{1,4}(?![\w-])/gu, fix: 'tankestreg (–) mellem tallene' };

const TEXT_FILE = /\.(md|mdx|ya?ml|json)$/;
const CODE_FILE = /\.(ts|astro)$/;
const DICTIONARY = 'src/lib/i18n/da.ts';

/**
 * The open-data column descriptions leave the dictionary for src/lib/open-data.ts (issue 11);
 * until then their block is another change's to reword. Once it has moved it is scanned there,
 * as all code in src/ is.
 */

function files(dir: string, keep: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name).split('\\').join('/'))
    .filter((path) => keep.test(path));
}

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Every match of the patterns in `text`, as `path: »match« → fix`. */
function findWording(path: string, text: string, rules: Banned[]): string[] {
  return rules.flatMap(({ pattern, fix }) => [...text.matchAll(pattern)].map((m) => `${path}: »${m[0]}« → ${fix}`));
}

describe('the term list (CONTRIBUTING.md, "Ord og skrivemåde")', () => {
  it('no content file uses a wrong form or a hyphen in a number range', () => {
    const found = files('src/content', TEXT_FILE).flatMap((path) => findWording(path, read(path), [...BANNED, RANGE]));
    expect(found).toEqual([]);
  });

  it("the site's own texts (dictionary, site config, checker messages) use no wrong form", () => {
    const code = files('src', CODE_FILE).filter((path) => !path.startsWith('src/content/'));
    expect(code).toContain(DICTIONARY);
    const found = code.flatMap((path) => {
      const text = read(path);
      return findWording(path, text, BANNED);
    });
    expect(found).toEqual([]);
  });

  it('the dictionary and the site config write number ranges with an en dash', () => {
    const found = [DICTIONARY, 'src/site.config.ts'].flatMap((path) => findWording(path, read(path), [RANGE]));
    expect(found).toEqual([]);
  });

  it('catches each wrong form when it is planted, and leaves dates, ids and compounds alone', () => {
    const planted = [
      'Det er en god personalegode.',
      'Søg på sitet',
      'Sitets skabeloner',
      'billeder på dette site',
      'fødevarekontrollens elite-smiley',
      'S1 Egne medarbejdere',
    ];
    for (const text of planted) expect(findWording('x.md', text, BANNED), text).not.toEqual([]);
    expect(findWording('x.md', 'Juryen giver 0-5 point, kl. 8-16', [RANGE])).toHaveLength(2);
    const fine =
      'published: 2026-03-14\nconsentRef: SAM-2026-101\nimage: ./images/foto-2.jpg\nCSR-prisen, IGU-forløb, 0–5 point, webstedet, site.municipality';
    expect(findWording('x.md', fine, [...BANNED, RANGE])).toEqual([]);
  });
});

describe('labels in a list (the capitalisation rule)', () => {
  it('writes several labels as one phrase: a capital on the first word only, "og" before the last', () => {
    expect(labelList(['Virksomheder', 'Offentlige indkøbere', 'Privatpersoner'])).toBe(
      'Virksomheder, offentlige indkøbere og privatpersoner',
    );
    expect(labelList(['Virksomheder', 'Privatpersoner'])).toBe('Virksomheder og privatpersoner');
    expect(labelList(['Offentlige indkøbere'])).toBe('Offentlige indkøbere');
    expect(labelList([])).toBe('');
  });

  it('keeps an abbreviation in capitals inside the phrase', () => {
    expect(inlineLabel('IGU')).toBe('IGU');
    expect(labelList(['Fleksjob', 'IGU', 'Øvrige'])).toBe('Fleksjob, IGU og øvrige');
  });
});
