/**
 * Reads an editor's file the way the build will, but strictly: bytes must be UTF-8, and YAML
 * dates stay text so that 2026-02-30 can be caught instead of rolling over to March.
 *
 * Bounded on any input: YAML anchors and aliases (`&x`, `*x`) are refused, so an alias bomb
 * never expands, and nesting deeper than {@link MAX_YAML_DEPTH} stops the parser early.
 */
import { extractFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import yaml from 'js-yaml';

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

/** UTF-8 only. A BOM and CRLF line endings are accepted and normalised; CR alone is refused. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      message: 'filen er gemt som UTF-16. Gem den som UTF-8 (i VS Code: "Save with Encoding" → UTF-8)',
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Point at the first bad byte so the editor can find it.
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const line = lossy.slice(0, Math.max(0, lossy.indexOf('\uFFFD'))).split('\n').length;
    return {
      ok: false,
      message: `filen er ikke gemt som UTF-8 (men fx Latin-1/Windows-1252; første forkerte tegn i linje ${line}), så æ, ø og å ville blive til tegnrod. Gem den som UTF-8 (i VS Code: "Save with Encoding" → UTF-8)`,
    };
  }
  const loneCr = /\r(?!\n)/.exec(text);
  if (loneCr) {
    // Astro reads CR alone as no line break at all and stops with an English YAML error.
    const line = text.slice(0, loneCr.index).split(/\r\n|\r|\n/).length;
    return {
      ok: false,
      message: `filen har linjeskift af den gamle Mac-type (kun CR, første i linje ${line}), som bygget ikke kan læse. Gem den med almindelige linjeskift (LF eller CRLF), fx i VS Code: klik på linjeskift-angivelsen nederst til højre og vælg LF`,
    };
  }
  return { ok: true, text: text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n') };
}

/** Deepest nesting of lists and fields in YAML; the content model needs four. */
export const MAX_YAML_DEPTH = 20;

/** Thrown from the parser's listener when a node carries an anchor (`&navn`). */
class AnchorRefused extends Error {
  readonly line: number;
  constructor(line: number) {
    super('anchor');
    this.line = line;
  }
}

const loadOptions = (schema: yaml.Schema): yaml.LoadOptions =>
  ({
    schema,
    // js-yaml 4.3 stops nesting at maxDepth (the typings predate the option).
    maxDepth: MAX_YAML_DEPTH,
    listener(event: yaml.EventType, state: yaml.State) {
      // An alias needs an anchor first, so refusing anchors refuses every alias and alias bomb.
      if (event === 'close' && Object.keys((state as unknown as { anchorMap: object }).anchorMap).length > 0)
        throw new AnchorRefused(state.line + 1);
    },
  }) as yaml.LoadOptions;

/** Parses YAML as the checker reads it: dates and times stay text. */
export const loadStrict = (source: string): unknown => yaml.load(source, loadOptions(yaml.CORE_SCHEMA));

/**
 * Parses YAML as Astro's content layer does (js-yaml's default schema, which turns an unquoted
 * `2026-03-01` into a Date), with the same bounds.
 */
export const loadAsBuild = (source: string): unknown => yaml.load(source, loadOptions(yaml.DEFAULT_SCHEMA));

const FRONTMATTER = /^---\n([\s\S]*?\n)?---(?:\n|$)/;

export interface ParsedFile {
  data: unknown;
  body: string;
  /** Line in the file where the body starts (1-based). */
  bodyLine: number;
  /** The frontmatter as the build's YAML reader sees it (see {@link loadAsBuild}). */
  buildData?: unknown;
}

export type Parsed = { ok: true; value: ParsedFile } | { ok: false; field: string; message: string };

function yamlError(error: unknown, lineOffset: number): string {
  if (error instanceof AnchorRefused) {
    return `YAML-henvisninger (&navn og *navn) kan ikke bruges (linje ${error.line + lineOffset}). Skriv værdien ud hvert sted, den skal stå`;
  }
  if (error instanceof yaml.YAMLException && /maxDepth/.test(error.reason)) {
    const line = error.mark ? error.mark.line + 1 + lineOffset : undefined;
    return `YAML er indlejret mere end ${MAX_YAML_DEPTH} niveauer${line ? ` (linje ${line})` : ''}. Skriv felterne fladere, som i eksemplerne i CONTRIBUTING.md`;
  }
  if (error instanceof yaml.YAMLException) {
    const line = error.mark ? error.mark.line + 1 + lineOffset : undefined;
    return `YAML kan ikke læses${line ? ` i linje ${line}` : ''}: ${error.reason}. Tjek kolon, indrykning og anførselstegn (tekst med kolon skal stå i "anførselstegn")`;
  }
  return `YAML kan ikke læses: ${String(error)}`;
}

/** Splits `---` frontmatter from the body and parses it without turning dates into instants. */
export function parseMarkdown(text: string): Parsed {
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return {
      ok: false,
      field: 'frontmatter',
      message: 'filen skal begynde med frontmatter mellem to linjer med ---. Start fra `npm run new`',
    };
  }
  // Astro (and @astrojs/mdx) find the end of the front matter with their own expression: the
  // first `---` after a line break, even with more on its line. Where that is not where we end it,
  // the build would compile part of what we read as metadata as Markdown or MDX — and MDX runs.
  if (extractFrontmatter(text) !== `\n${match[1] ?? ''}`) {
    return {
      ok: false,
      field: 'frontmatter',
      message:
        'frontmatter skal slutte med en linje, der kun indeholder --- (og ingen linje inde i den må begynde med ---). Ret linjen, hvor frontmatter slutter',
    };
  }
  let data: unknown;
  let buildData: unknown;
  try {
    data = loadStrict(match[1] ?? '') ?? {};
    buildData = loadAsBuild(match[1] ?? '') ?? {};
  } catch (error) {
    return { ok: false, field: 'frontmatter', message: yamlError(error, 1) };
  }
  if (typeof data !== 'object' || Array.isArray(data) || data === null) {
    return { ok: false, field: 'frontmatter', message: 'frontmatter skal være felter på formen `navn: værdi`' };
  }
  const body = text.slice(match[0].length);
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : -1);
  return { ok: true, value: { data, body, bodyLine, buildData } };
}

/** Parses a YAML file that holds a list of entries. */
export function parseYamlList(
  text: string,
): { ok: true; value: unknown[]; buildValue?: unknown[] } | { ok: false; message: string } {
  let data: unknown;
  let buildData: unknown;
  try {
    data = loadStrict(text);
    buildData = loadAsBuild(text);
  } catch (error) {
    return { ok: false, message: yamlError(error, 0) };
  }
  if (!Array.isArray(data))
    return { ok: false, message: 'filen skal være en liste, hvor hvert punkt begynder med `- id: …`' };
  return { ok: true, value: data, ...(Array.isArray(buildData) && { buildValue: buildData }) };
}
