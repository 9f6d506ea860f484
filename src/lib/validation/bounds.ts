/**
 * Cheap scans that keep the checker (and the build after it) bounded on hostile input: no
 * parser sees a body nested deeper than a person would write, and no text carries a character
 * that XML 1.0 forbids (it would make the RSS and Atom feeds malformed).
 */
import { formatPath } from './problem.ts';

/** Deepest nesting of block quotes and lists a body may have. */
export const MAX_BLOCK_DEPTH = 50;
/** Deepest nesting of inline emphasis, links and HTML elements a body may have. */
export const MAX_INLINE_DEPTH = 200;

export interface BoundIssue {
  line: number;
  message: string;
}

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])$/;

/**
 * The first place a Markdown/MDX body nests absurdly deep, or undefined. Linear in the length
 * of the body and without recursion, so it is safe to run before any parser.
 */
export function findExcessiveNesting(body: string): BoundIssue | undefined {
  const lines = body.split('\n');
  let inlineDepth = 0;
  let htmlDepth = 0;
  const tooDeep = (line: number, what: string, max: number): BoundIssue => ({
    line,
    message: `${what} er indlejret mere end ${max} niveauer, og det kan siden ikke vise. Skriv teksten fladere`,
  });
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      inlineDepth = 0; // emphasis and links end with the paragraph
      continue;
    }
    // Block containers at the start of the line: `>` and list markers, in any mix.
    let depth = 0;
    let indent = 0;
    let at = 0;
    while (at < line.length) {
      const ch = line[at]!;
      if (ch === ' ') indent += 1;
      else if (ch === '\t') indent += 4;
      else if (ch === '>') depth += 1;
      else {
        const marker = /^\S+/.exec(line.slice(at, at + 12))?.[0] ?? '';
        const after = line[at + marker.length];
        if (!LIST_MARKER.test(marker) || (after !== undefined && after !== ' ' && after !== '\t')) break;
        depth += 1;
        at += marker.length - 1;
      }
      at += 1;
    }
    // A list nested by indentation: every level indents at least two columns more.
    if (depth > MAX_BLOCK_DEPTH || (depth > 0 && indent / 2 > MAX_BLOCK_DEPTH)) {
      return tooDeep(i + 1, 'citater eller lister', MAX_BLOCK_DEPTH);
    }
    // Inline: emphasis delimiters that open, `[` of links, and HTML elements.
    for (let j = at; j < line.length; j++) {
      const ch = line[j]!;
      if (ch === '*' || ch === '_') {
        const before = j === 0 ? ' ' : line[j - 1]!;
        const next = line[j + 1] ?? ' ';
        const opens = /\s/.test(before) || before === ch || /[^\p{L}\p{N}]/u.test(before);
        if (opens && !/\s/.test(next)) inlineDepth += 1;
        else if (!/\s/.test(before) && inlineDepth > 0) inlineDepth -= 1;
      } else if (ch === '[') inlineDepth += 1;
      else if (ch === ']' && inlineDepth > 0) inlineDepth -= 1;
      else if (ch === '<') {
        const tag = /^<(\/?)([A-Za-z][\w.:-]*)[^<>]*?(\/?)>/.exec(line.slice(j, j + 2000));
        if (tag) {
          if (tag[1]) htmlDepth = Math.max(0, htmlDepth - 1);
          else if (!tag[3] && !VOID_ELEMENTS.has(tag[2]!.toLowerCase())) htmlDepth += 1;
          j += tag[0].length - 1;
        }
      }
      if (inlineDepth > MAX_INLINE_DEPTH) return tooDeep(i + 1, 'fremhævninger eller links', MAX_INLINE_DEPTH);
      if (htmlDepth > MAX_INLINE_DEPTH) return tooDeep(i + 1, 'HTML-elementer', MAX_INLINE_DEPTH);
    }
  }
  return undefined;
}

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Characters XML 1.0 forbids (tab, LF and CR are allowed), including lone surrogates. */
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `U+0001` for the first forbidden character in `text`, or undefined. */
export function forbiddenCharacter(text: string): string | undefined {
  const hit = XML_FORBIDDEN.exec(text);
  return hit ? `U+${hit[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

export const forbiddenCharacterMessage = (code: string) =>
  `teksten indeholder et usynligt kontroltegn (${code}), som ville ødelægge RSS- og Atom-feeds. Skriv teksten igen uden at kopiere den fra fx et regneark eller en pdf, eller slet tegnet`;

/** Every string in parsed YAML (values and keys) that holds a forbidden character, by field. */
export function findForbiddenCharacters(
  data: unknown,
  prefix: readonly PropertyKey[] = [],
): { field: string; message: string }[] {
  const found: { field: string; message: string }[] = [];
  const walk = (node: unknown, at: PropertyKey[]) => {
    if (typeof node === 'string') {
      const code = forbiddenCharacter(node);
      if (code) found.push({ field: formatPath(at), message: forbiddenCharacterMessage(code) });
    } else if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...at, i]));
    else if (node && typeof node === 'object' && !(node instanceof Date)) {
      for (const [key, value] of Object.entries(node)) {
        const code = forbiddenCharacter(key);
        if (code) found.push({ field: formatPath([...at, key]), message: forbiddenCharacterMessage(code) });
        else walk(value, [...at, key]);
      }
    }
  };
  walk(data, [...prefix]);
  return found;
}

/** The value at a zod-style path in parsed data. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}
