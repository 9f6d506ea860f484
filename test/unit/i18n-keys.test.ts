/** Every key in the UI dictionary is used somewhere in src/ or scripts/ (scripts/unused-i18n.ts). */
import { describe, expect, it } from 'vitest';
import { unusedKeys } from '../../scripts/unused-i18n.ts';
import { da } from '../../src/lib/i18n/da.ts';

const file = (text: string) => ({
  path: 'src/x.astro',
  text: `---\nimport { t } from '../lib/i18n/da.ts';\n---\n${text}`,
});

describe('unusedKeys', () => {
  it('finds no unused key in the real dictionary', () => {
    expect(unusedKeys()).toEqual([]);
  });

  it('finds a key planted in the dictionary that no code uses', () => {
    expect(unusedKeys({ ...da, nav: { ...da.nav, bogus: 'Ubrugt' } })).toEqual(['nav.bogus']);
  });

  it('follows dotted, literal, dynamic, whole-object and destructured access, and skips comments', () => {
    const dictionary = {
      a: { used: 'x', unused: 'x' },
      kinds: { one: 'x', two: 'x' },
      quoted: { 'with-dash': 'x', other: 'x' },
      whole: { one: 'x', two: 'x' },
      parts: { title: 'x', intro: 'x', left: 'x' },
      list: ['x', 'y'],
      commented: 'x',
      fn: (n: number) => `${n}`,
    };
    const sources = [
      file(
        [
          '<h1>{t.a.used}</h1>',
          "<p>{t.kinds[entry.kind]} {t.quoted['with-dash']} {t.fn(2).trim()}</p>",
          '{Object.keys(t.whole).map((k) => k)}',
          '{t.list.map((s) => <li>{s}</li>)}',
          '{/* t.commented is only named in a comment */}',
          '<!-- t.commented -->',
        ].join('\n'),
      ),
      {
        path: 'src/y.ts',
        text: "import { t as dict } from './i18n/da.ts';\nconst { title, intro: i } = dict.parts; // t.commented\n",
      },
      { path: 'src/z.ts', text: 'const t = { commented: 1 };\nt.commented;\n' },
    ];
    expect(unusedKeys(dictionary, sources)).toEqual(['a.unused', 'quoted.other', 'parts.left', 'commented']);
  });
});
