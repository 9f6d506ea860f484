/**
 * The editors' checker: every rule of docs/content-model.md over every file in
 * `src/content`, without building pages. The build runs it first (see
 * `src/integrations/content-guard.ts`), so what it rejects is never published.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  COLLECTIONS,
  CONTENT_DIR,
  SLUG_PATTERN,
  type CollectionDefinition,
  type CollectionName,
} from '../../schemas/index.ts';
import { checkMarkdownBody, checkMdxBody } from './body.ts';
import { findCprLike } from './cpr.ts';
import { checkImageFile } from './images.ts';
import { LocalImage, checkerHelpers, findMarkers } from './markers.ts';
import { formatPath, schemaIssueFields, sortProblems, type Problem } from './problem.ts';
import { decodeUtf8, parseMarkdown, parseYamlList } from './read.ts';
import { crossFileRules, type CheckedEntry } from './rules.ts';
import { slugify } from './slugify.ts';

export interface CheckResult {
  problems: Problem[];
  /** Entries that parsed, by collection (also those with cross-file problems). */
  entries: Map<CollectionName, CheckedEntry[]>;
  /** Every id that has a file, valid or not, so one bad file does not break references to it. */
  ids: Map<CollectionName, Set<string>>;
  /** Files read. */
  files: number;
}

const IMAGE_EXTENSIONS = /\.(jpe?g|png|webp|avif|gif|svg|tiff?|heic)$/i;

/** Files below `dir`, relative to it, with forward slashes. */
async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      .filter((f) => !f.split('/').some((part) => part.startsWith('.')))
      .sort();
  } catch {
    return [];
  }
}

/** Reads a file as text, or reports why it cannot be read. */
async function readText(absolute: string, shown: string, problems: Problem[]): Promise<string | undefined> {
  const decoded = decodeUtf8(await readFile(absolute));
  if (!decoded.ok) {
    problems.push({ file: shown, field: 'fil', message: decoded.message });
    return undefined;
  }
  for (const hit of findCprLike(decoded.text)) {
    problems.push({
      file: shown,
      field: 'fil',
      message: `linje ${hit.line}: "${hit.masked}" ligner et CPR-nummer. Fjern det; CPR-numre må aldrig stå i indholdet`,
    });
  }
  return decoded.text;
}

/** Validates `data` with the collection's schema; records each issue under its field. */
function validate(
  definition: CollectionDefinition,
  data: unknown,
  shown: string,
  prefix: PropertyKey[],
  problems: Problem[],
) {
  const result = definition.schema(checkerHelpers).safeParse(data);
  if (result.success) return result.data as Record<string, unknown>;
  for (const { field, message } of schemaIssueFields(result.error.issues, prefix))
    problems.push({ file: shown, field, message });
  return undefined;
}

export async function checkContent(root: string): Promise<CheckResult> {
  const problems: Problem[] = [];
  const entries = new Map<CollectionName, CheckedEntry[]>();
  const ids = new Map<CollectionName, Set<string>>();
  const contentDir = path.join(root, CONTENT_DIR);
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
  const known = new Set<string>();
  let files = 0;
  const imageChecks: Promise<void>[] = [];

  for (const [name, definition] of Object.entries(COLLECTIONS) as [CollectionName, CollectionDefinition][]) {
    const list: CheckedEntry[] = [];
    entries.set(name, list);
    const idsHere = new Set<string>();
    ids.set(name, idsHere);

    if (definition.type === 'file') {
      known.add(definition.file);
      const absolute = path.join(contentDir, definition.file);
      const shown = rel(absolute);
      const text = await readText(absolute, shown, problems).catch(() => undefined);
      if (text === undefined) continue;
      files++;
      const parsed = parseYamlList(text);
      if (!parsed.ok) {
        problems.push({ file: shown, field: '(filen)', message: parsed.message });
        continue;
      }
      const seen = new Map<string, number>();
      parsed.value.forEach((item, i) => {
        if (item && typeof item === 'object' && 'id' in item) idsHere.add(String(item.id));
        const data = validate(definition, item, shown, [i], problems);
        if (!data) return;
        const id = String(data['id']);
        if (seen.has(id)) {
          problems.push({
            file: shown,
            field: formatPath([i, 'id']),
            message: `id "${id}" bruges også i punkt [${seen.get(id)}]. Hvert id må kun bruges én gang`,
          });
          return;
        }
        seen.set(id, i);
        list.push({ collection: name, id, file: shown, fieldPrefix: [i], data });
      });
      continue;
    }

    known.add(definition.folder);
    const dir = path.join(contentDir, definition.folder);
    const byId = new Map<string, string>();
    for (const relative of await listFiles(dir)) {
      const absolute = path.join(dir, relative);
      const shown = rel(absolute);
      const extension = path.extname(relative).slice(1);
      if (IMAGE_EXTENSIONS.test(relative)) continue; // images are checked where an entry uses them
      if (relative.includes('/') || !(definition.extensions as readonly string[]).includes(extension)) {
        const base = path.basename(relative).replace(/\.[^.]*$/, '');
        problems.push({
          file: shown,
          field: 'filnavn',
          message: relative.includes('/')
            ? `filen ligger i en undermappe og bliver ikke læst. Flyt den til src/content/${definition.folder}/`
            : `filen bliver ikke læst, fordi den ikke ender på ${definition.extensions.map((e) => `.${e}`).join(' eller ')}. Omdøb den til ${slugify(base) || 'navn'}.${definition.extensions[0]}`,
        });
        continue;
      }
      files++;
      const id = relative.slice(0, -(extension.length + 1));
      idsHere.add(id);
      if (!SLUG_PATTERN.test(id)) {
        problems.push({
          file: shown,
          field: 'filnavn',
          message: `"${relative}" er ikke et gyldigt filnavn (kun a-z, 0-9 og -; æ→ae, ø→oe, å→aa). Omdøb filen til ${slugify(id) || 'navn'}.${extension}`,
        });
      }
      const twin = byId.get(id);
      if (twin) {
        problems.push({
          file: shown,
          field: 'filnavn',
          message: `${path.basename(twin)} og ${relative} har samme id "${id}" og ville give samme side. Omdøb eller slet den ene`,
        });
        problems.push({
          file: twin,
          field: 'filnavn',
          message: `${path.basename(twin)} og ${relative} har samme id "${id}" og ville give samme side. Omdøb eller slet den ene`,
        });
      }
      byId.set(id, shown);

      const text = await readText(absolute, shown, problems);
      if (text === undefined) continue;
      const parsed = parseMarkdown(text);
      if (!parsed.ok) {
        problems.push({ file: shown, field: parsed.field, message: parsed.message });
        continue;
      }
      const { body, bodyLine } = parsed.value;
      const bodyIssues =
        extension === 'mdx' ? checkMdxBody(body, bodyLine, shown, root) : checkMarkdownBody(body, bodyLine);
      for (const issue of bodyIssues) {
        problems.push({
          file: shown,
          field: 'body',
          message: issue.line ? `linje ${issue.line}: ${issue.message}` : issue.message,
        });
      }
      if (name === 'stories' && body.trim() === '') {
        problems.push({
          file: shown,
          field: 'body',
          message: 'historien har ingen tekst. Skriv selve historien under frontmatter',
        });
      }
      const data = validate(definition, parsed.value.data, shown, [], problems);
      if (!data) continue;
      if (twin) continue; // the duplicate is reported; don't let it shadow the first
      list.push({ collection: name, id, file: shown, fieldPrefix: [], data });
      for (const { value, path: at } of findMarkers(data, LocalImage)) {
        imageChecks.push(
          checkImageFile(path.resolve(path.dirname(absolute), value.src), value.src).then((messages) => {
            for (const message of messages) problems.push({ file: shown, field: formatPath(at), message });
          }),
        );
      }
    }
  }

  // Anything else in src/content is a file the build would silently ignore.
  for (const relative of await listFiles(contentDir)) {
    const top = relative.split('/')[0]!;
    if (!known.has(top)) {
      problems.push({
        file: rel(path.join(contentDir, relative)),
        field: 'filnavn',
        message: `"${top}" er ikke en kendt samling, så filen bliver ikke læst. Kendte: ${[...known].join(', ')}`,
      });
    }
  }

  await Promise.all(imageChecks);
  problems.push(...crossFileRules(entries, ids));
  return { problems: sortProblems(problems), entries, ids, files };
}
