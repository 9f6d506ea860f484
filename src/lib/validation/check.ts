/**
 * The editors' checker: every rule of docs/content-model.md over every file in
 * `src/content`, without building pages. The build runs it first (see
 * `src/integrations/content-guard.ts`), so what it rejects is never published.
 */
import { lstat, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  COLLECTIONS,
  CONTENT_DIR,
  SLUG_PATTERN,
  type CollectionDefinition,
  type CollectionName,
} from '../../schemas/index.ts';
import { findCprLike } from './cpr.ts';
import { notRegularFile } from './images.ts';
import { runEntryRules, unexpected } from './entry/index.ts';
import { formatPath, sortProblems, type Problem } from './problem.ts';
import { decodeUtf8, parseMarkdown, parseYamlList } from './read.ts';
import { crossFileRules, type CheckedEntry } from './rules/index.ts';
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

/** Largest content file (Markdown, MDX or YAML) the checker reads; real ones are a few kB. */
export const MAX_CONTENT_BYTES = 1024 * 1024;

interface Listing {
  /** Regular files, relative to the folder, with forward slashes. */
  files: string[];
  /** Everything else that is not a plain folder (symlinks, devices, FIFOs, sockets), with what it is. */
  others: { relative: string; what: string }[];
  /** Folders, relative to the folder. */
  folders: string[];
}

/** Entries below `dir` (not following symlinks), hidden ones left out. */
async function listFiles(dir: string): Promise<Listing> {
  const listing: Listing = { files: [], others: [], folders: [] };
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return listing;
  }
  for (const e of entries) {
    const relative = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/');
    if (relative.split('/').some((part) => part.startsWith('.'))) continue;
    const what = notRegularFile(e);
    if (!what) listing.files.push(relative);
    else if (e.isDirectory()) listing.folders.push(relative);
    else listing.others.push({ relative, what });
  }
  listing.files.sort();
  listing.others.sort((a, b) => a.relative.localeCompare(b.relative, 'en'));
  return listing;
}

const notAFile = (what: string) =>
  `er ${what}, ikke en almindelig fil, og bliver ikke tjekket. Erstat den med selve filen (kopier indholdet ind i en ny fil), eller slet den`;

/** Reads a file as text, or reports why it cannot be read: not a regular file, too big, not UTF-8. */
async function readText(absolute: string, shown: string, problems: Problem[]): Promise<string | undefined> {
  const stats = await lstat(absolute);
  const what = notRegularFile(stats);
  if (what) {
    problems.push({ file: shown, field: 'fil', message: notAFile(what) });
    return undefined;
  }
  if (stats.size > MAX_CONTENT_BYTES) {
    problems.push({
      file: shown,
      field: 'fil',
      message: `filen fylder ${(stats.size / 1024 / 1024).toFixed(1)} MB; en indholdsfil må højst fylde 1 MB. Del teksten op, eller fjern det, der ikke hører til (fx indsatte billeder som tekst)`,
    });
    return undefined;
  }
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

export async function checkContent(root: string): Promise<CheckResult> {
  const problems: Problem[] = [];
  const entries = new Map<CollectionName, CheckedEntry[]>();
  const ids = new Map<CollectionName, Set<string>>();
  const contentDir = path.join(root, CONTENT_DIR);
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
  const known = new Set<string>();
  let files = 0;
  /** The entry rules that read files (images) run in the background, all at once. */
  const later: Promise<Problem[]>[] = [];

  for (const [name, definition] of Object.entries(COLLECTIONS) as [CollectionName, CollectionDefinition][]) {
    const list: CheckedEntry[] = [];
    entries.set(name, list);
    const idsHere = new Set<string>();
    ids.set(name, idsHere);
    /** What every entry of this collection shares, for its rules. */
    const where = { collection: name, definition, root, contentDir };

    if (definition.type === 'file') {
      known.add(definition.file);
      const absolute = path.join(contentDir, definition.file);
      const shown = rel(absolute);
      try {
        let missing = false;
        const text = await readText(absolute, shown, problems).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
          missing = true;
          return undefined;
        });
        if (text === undefined) {
          if (!missing) ids.delete(name); // unreadable, and reported: its ids are unknown
          continue;
        }
        files++;
        const parsed = parseYamlList(text);
        if (!parsed.ok) {
          problems.push({ file: shown, field: '(filen)', message: parsed.message });
          ids.delete(name); // its ids are unknown: don't report every reference to it as well
          continue;
        }
        const seen = new Map<string, number>();
        parsed.value.forEach((item, i) => {
          if (item && typeof item === 'object' && 'id' in item) idsHere.add(String(item.id));
          const result = runEntryRules({
            ...where,
            file: shown,
            absolute,
            prefix: [i],
            data: item,
            buildData: parsed.buildValue?.[i],
          });
          problems.push(...result.problems);
          later.push(result.later);
          const data = result.data;
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
      } catch (error) {
        problems.push(unexpected(shown, error));
        ids.delete(name);
      }
      continue;
    }

    known.add(definition.folder);
    const dir = path.join(contentDir, definition.folder);
    const byId = new Map<string, string>();
    const listing = await listFiles(dir);
    for (const { relative, what } of listing.others) {
      if (IMAGE_EXTENSIONS.test(relative)) continue; // an image is judged where an entry uses it
      problems.push({ file: rel(path.join(dir, relative)), field: 'fil', message: notAFile(what) });
    }
    for (const relative of listing.folders) {
      if ((definition.extensions as readonly string[]).includes(path.extname(relative).slice(1))) {
        problems.push({ file: rel(path.join(dir, relative)), field: 'fil', message: notAFile('en mappe') });
      }
    }
    for (const relative of listing.files) {
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

      try {
        const text = await readText(absolute, shown, problems);
        if (text === undefined) continue;
        const parsed = parseMarkdown(text);
        if (!parsed.ok) {
          problems.push({ file: shown, field: parsed.field, message: parsed.message });
          continue;
        }
        const { body, bodyLine } = parsed.value;
        const result = runEntryRules({
          ...where,
          file: shown,
          absolute,
          prefix: [],
          data: parsed.value.data,
          buildData: parsed.value.buildData,
          body: { text: body, line: bodyLine, mdx: extension === 'mdx' },
        });
        problems.push(...result.problems);
        later.push(result.later);
        if (!result.data) continue;
        if (twin) continue; // the duplicate is reported; don't let it shadow the first
        list.push({ collection: name, id, file: shown, fieldPrefix: [], data: result.data });
      } catch (error) {
        problems.push(unexpected(shown, error));
      }
    }
  }

  // Anything else in src/content is a file the build would silently ignore.
  const everything = await listFiles(contentDir);
  for (const relative of [...everything.files, ...everything.others.map((o) => o.relative)]) {
    const top = relative.split('/')[0]!;
    if (!known.has(top)) {
      problems.push({
        file: rel(path.join(contentDir, relative)),
        field: 'filnavn',
        message: `"${top}" er ikke en kendt samling, så filen bliver ikke læst. Kendte: ${[...known].join(', ')}`,
      });
    }
  }

  for (const found of await Promise.all(later)) problems.push(...found);
  problems.push(...crossFileRules(entries, ids));
  return { problems: sortProblems(problems), entries, ids, files };
}
