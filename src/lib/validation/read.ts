/**
 * Reads an editor's file the way the build will, but strictly: bytes must be UTF-8, and YAML
 * dates stay text so that 2026-02-30 can be caught instead of rolling over to March.
 */
import yaml from 'js-yaml';

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

/** UTF-8 only. A BOM and CRLF line endings are accepted and normalised. */
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
  return { ok: true, text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
}

const FRONTMATTER = /^---\n([\s\S]*?\n)?---(?:\n|$)/;

export interface ParsedFile {
  data: unknown;
  body: string;
  /** Line in the file where the body starts (1-based). */
  bodyLine: number;
}

export type Parsed = { ok: true; value: ParsedFile } | { ok: false; field: string; message: string };

function yamlError(error: unknown, lineOffset: number): string {
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
  let data: unknown;
  try {
    data = yaml.load(match[1] ?? '', { schema: yaml.CORE_SCHEMA }) ?? {};
  } catch (error) {
    return { ok: false, field: 'frontmatter', message: yamlError(error, 1) };
  }
  if (typeof data !== 'object' || Array.isArray(data) || data === null) {
    return { ok: false, field: 'frontmatter', message: 'frontmatter skal være felter på formen `navn: værdi`' };
  }
  const body = text.slice(match[0].length);
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : -1);
  return { ok: true, value: { data, body, bodyLine } };
}

/** Parses a YAML file that holds a list of entries. */
export function parseYamlList(text: string): { ok: true; value: unknown[] } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    return { ok: false, message: yamlError(error, 0) };
  }
  if (!Array.isArray(data))
    return { ok: false, message: 'filen skal være en liste, hvor hvert punkt begynder med `- id: …`' };
  return { ok: true, value: data };
}
