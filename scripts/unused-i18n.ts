/**
 * `node scripts/unused-i18n.ts`: lists the keys of the UI dictionary (src/lib/i18n/da.ts) that
 * no code in src/ or scripts/ uses, one key path a line; exit 1 when there are any.
 * test/unit/i18n-keys.test.ts runs `unusedKeys()` so a dead key fails the tests.
 *
 * How a use is found: in each file that imports the dictionary (`import { t } from '…/i18n/da.ts'`,
 * also `da`, also renamed with `as`), every access through the imported name is followed into
 * the dictionary, e.g. `t.catalogue.title`, `t.companyKind['social-economy']`.
 * - A leaf is a string, a function or an array (arrays are used whole: mapped or indexed).
 * - Dynamic access, `t.companyKind[data.kind]`, counts every key of that object as used: the key
 *   comes from content at build time and cannot be known here.
 * - An object used as a value, `Object.keys(t.openData.companyFields)` or `fields={t.openData.companyFields}`
 *   (also a type like `keyof typeof t.facetValues.types`), counts every key under it as used.
 * - Destructuring, `const { title, intro } = t.catalogue`, counts the named keys.
 * Comments are left out, so a key mentioned only in a comment is still unused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { da } from '../src/lib/i18n/da.ts';

export interface SourceFile {
  path: string;
  text: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DICTIONARY_FILE = 'src/lib/i18n/da.ts';
/** This checker imports the dictionary too, but does not use it. */
const SELF = 'scripts/unused-i18n.ts';
const CODE = /\.(ts|tsx|mts|js|mjs|astro)$/;

/** The code in src/ (without editors' content and the dictionary itself) and in scripts/. */
export function readSources(root: string = ROOT): SourceFile[] {
  const files: SourceFile[] = [];
  for (const dir of ['src', 'scripts']) {
    for (const name of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })) {
      const path = join(dir, name).split('\\').join('/');
      if (!CODE.test(path) || path.startsWith('src/content/') || path === DICTIONARY_FILE || path === SELF) continue;
      files.push({ path, text: readFileSync(join(root, path), 'utf8') });
    }
  }
  return files;
}

const isBranch = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every leaf key path of the dictionary, in the order it is written. */
export function leafPaths(node: unknown, prefix = ''): string[] {
  if (!isBranch(node)) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => leafPaths(value, prefix ? `${prefix}.${key}` : key));
}

/**
 * Removes comments as this code base writes them: block and doc comments, `<!-- … -->`
 * in templates, and `// …` with a space on both sides of the slashes. That leaves alone `//`
 * inside strings such as URLs (`https://…`) or an iCalendar product id (`-//…//DA`).
 */
function stripComments(text: string): string {
  return text
    .replace(/\/\*[\s*][\s\S]*?\*\//g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/(^|\s)\/\/(?:\s.*)?$/gm, '$1');
}

/** The local names a file gives the dictionary in its import of i18n/da(.ts). */
function importedNames(text: string): string[] {
  const names: string[] = [];
  const imports = /import\s*\{([^}]*)\}\s*from\s*['"][^'"]*\/i18n\/da(?:\.ts)?['"]/g;
  for (const [, list = ''] of text.matchAll(imports)) {
    for (const specifier of list.split(',')) {
      const [imported, local = imported] = specifier.trim().split(/\s+as\s+/);
      if (imported === 't' || imported === 'da') names.push(local!.trim());
    }
  }
  return names;
}

/** The segments of an access path such as `.a.b['c'][kind]`; `null` marks a dynamic index. */
function segments(path: string): (string | null)[] {
  const parts: (string | null)[] = [];
  for (const [, dot, bracket] of path.matchAll(/\??\.\s*([A-Za-z_$][\w$]*)|\[([^\]]*)\]/g)) {
    if (dot !== undefined) parts.push(dot);
    else {
      const literal = /^\s*(['"`])([^'"`]*)\1\s*$/.exec(bracket ?? '') ?? /^\s*(\d+)\s*$/.exec(bracket ?? '');
      parts.push(literal ? (literal[2] ?? literal[1]!) : null);
    }
  }
  return parts;
}

/** Marks what one access uses: follows it into the dictionary as far as it goes. */
function markAccess(dictionary: unknown, parts: (string | null)[], used: Set<string>): void {
  let node = dictionary;
  let prefix = '';
  for (const part of parts) {
    if (!isBranch(node)) break; // a leaf: what follows is a method or an index into an array
    if (part === null) break; // dynamic key: the whole object
    if (!(part in node)) return; // not a dictionary key (the type checker reports real typos)
    node = node[part];
    prefix = prefix ? `${prefix}.${part}` : part;
  }
  for (const path of leafPaths(node, prefix)) used.add(path);
}

const escape = (s: string): string => s.replace(/[$]/g, '\\$&');

/**
 * The leaf key paths of `dictionary` that no source file uses. Both arguments default to the
 * real dictionary and the real code, so `unusedKeys()` checks the site.
 */
export function unusedKeys(dictionary: object = da, sources: readonly SourceFile[] = readSources()): string[] {
  const used = new Set<string>();
  const access = String.raw`((?:\s*\??\.\s*[A-Za-z_$][\w$]*|\[[^\]\n]*\])*)`;
  for (const { text: raw } of sources) {
    const code = stripComments(raw);
    const names = importedNames(code);
    if (names.length === 0) continue;
    const text = code.replace(/^\s*import\s[^;]*?from\s*['"][^'"]*['"];?/gm, '');
    for (const name of names) {
      const ref = String.raw`(?<![\w$.])${escape(name)}(?![\w$])`;
      const destructured = new RegExp(String.raw`\{([^{}]*)\}\s*=\s*${ref}${access}`, 'g');
      for (const [, pattern = '', path = ''] of text.matchAll(destructured)) {
        for (const property of pattern.split(',')) {
          const key = property.split(/[:=]/)[0]!.trim();
          // `...rest` keeps the rest of the object: count all of it.
          if (key.startsWith('...')) markAccess(dictionary, segments(path), used);
          else if (key) markAccess(dictionary, [...segments(path), key], used);
        }
      }
      const plain = new RegExp(String.raw`(?<!\}\s*=\s*)${ref}${access}`, 'g');
      for (const [, path = ''] of text.matchAll(plain)) {
        // A bare name is not followed: the code never passes the whole dictionary around, and
        // a lone `t` is as likely to be the `\t` or `%t` in a string.
        if (path.trim()) markAccess(dictionary, segments(path), used);
      }
    }
  }
  return leafPaths(dictionary).filter((path) => !used.has(path));
}

if (import.meta.main) {
  const unused = unusedKeys();
  for (const path of unused) console.log(path);
  if (unused.length > 0) {
    console.log(
      `\n${unused.length} unused ${unused.length === 1 ? 'key' : 'keys'} in ${relative(process.cwd(), join(ROOT, DICTIONARY_FILE))}.`,
    );
    process.exitCode = 1;
  } else {
    console.log('Every key in the dictionary is used.');
  }
}
