/**
 * The editors' checker: every rule of docs/content-model.md over every file in
 * `src/content`, without building pages. The build runs it first (see
 * `src/integrations/content-guard.ts`), so what it rejects is never published.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  COLLECTIONS,
  CONTENT_DIR,
  SLUG_PATTERN,
  type CollectionDefinition,
  type CollectionName,
} from '../../schemas/index.ts';
import { findCprLike } from './cpr.ts';
import { imageMessages, imageVerdict, notRegularFile, type ImageVerdict } from './images.ts';
import { runEntryRules, unexpected, type EntryInput, type EntryResult } from './entry/index.ts';
import { bytesHash, CheckMemo, type FileOutcome } from './memo.ts';
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
  /** With a memo: how many files' outcomes came from it, and how many were checked anew. */
  memo?: { recalled: number; checked: number };
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

/** Why a file is not read at all (not a regular file, too big), before its bytes are touched. */
function refusal(stats: import('node:fs').Stats, shown: string): Problem | undefined {
  const what = notRegularFile(stats);
  if (what) return { file: shown, field: 'fil', message: notAFile(what) };
  if (stats.size > MAX_CONTENT_BYTES) {
    return {
      file: shown,
      field: 'fil',
      message: `filen fylder ${(stats.size / 1024 / 1024).toFixed(1)} MB; en indholdsfil må højst fylde 1 MB. Del teksten op, eller fjern det, der ikke hører til (fx indsatte billeder som tekst)`,
    };
  }
  return undefined;
}

/** The bytes as text, or undefined with the reason in `problems`: not UTF-8. CPR numbers are reported too. */
function decodeText(bytes: Uint8Array, shown: string, problems: Problem[]): string | undefined {
  const decoded = decodeUtf8(bytes);
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

/** A file read and checked alone, or refused unread. */
type Checked = { refused: Problem } | { outcome: FileOutcome };

/** At most `limit` of the returned function's tasks at a time (reading every file at once would hold every image). */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

export interface CheckOptions {
  /**
   * Astro's `cacheDir`. The checker remembers there what each file alone gave (see memo.ts), so a
   * later run checks only files that changed; cross-file rules always run on every entry.
   */
  cacheDir?: string;
}

export async function checkContent(root: string, options: CheckOptions = {}): Promise<CheckResult> {
  const problems: Problem[] = [];
  const entries = new Map<CollectionName, CheckedEntry[]>();
  const ids = new Map<CollectionName, Set<string>>();
  const contentDir = path.join(root, CONTENT_DIR);
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
  const known = new Set<string>();
  let files = 0;
  /** What the entry rules that read files (images) found, file by file, reported after the rest. */
  const later: Problem[][] = [];
  const memo = options.cacheDir ? await CheckMemo.open(root, options.cacheDir) : undefined;

  /** Each image's verdict, once a run however many entries use it. */
  const verdicts = new Map<string, Promise<ImageVerdict>>();
  const imageSlot = limiter(16);
  const verdictOf = (absolute: string): Promise<ImageVerdict> => {
    let verdict = verdicts.get(absolute);
    if (!verdict) {
      verdict = imageSlot(() => imageVerdict(absolute, contentDir, memo?.judge));
      verdicts.set(absolute, verdict);
    }
    return verdict;
  };

  /**
   * Checks one file alone: from the memo when its bytes and every image it uses are as they were,
   * else by `check`, which gets an image judge that notes the images the outcome depends on.
   */
  const fileSlot = limiter(64);
  const checkFile = (
    absolute: string,
    shown: string,
    check: (bytes: Uint8Array, checkImage: NonNullable<EntryInput['checkImage']>) => Promise<FileOutcome>,
  ): Promise<Checked> =>
    fileSlot(async () => {
      // Synchronous reads: content files are small, and the promise API's round trips (open,
      // stat, read, close) cost more than the reading itself once the checks come from the memo.
      const refused = refusal(lstatSync(absolute), shown);
      if (refused) return { refused };
      const bytes = readFileSync(absolute);
      const key = memo ? bytesHash(bytes) : '';
      const recalled = memo?.recall(shown, key);
      if (recalled) {
        const same = await Promise.all(
          recalled.images.map(
            async ([image, verdict]) =>
              JSON.stringify(await verdictOf(path.resolve(root, image))) === JSON.stringify(verdict),
          ),
        );
        if (same.every(Boolean)) {
          memo!.keep(shown, key, recalled, true);
          return { outcome: recalled };
        }
      }
      const images = new Map<string, ImageVerdict>();
      const outcome = await check(bytes, async (image, shownAs) => {
        const verdict = await verdictOf(image);
        images.set(path.relative(root, image), verdict);
        return imageMessages(verdict, shownAs);
      });
      outcome.images = [...images];
      memo?.keep(shown, key, outcome, false);
      return { outcome };
    });
  /** Files being read and checked, by absolute path: all are started before the first is awaited. */
  const started = new Map<string, Promise<Checked>>();
  const start = (absolute: string, work: Promise<Checked>) => {
    work.catch(() => {}); // awaited (and reported) in order below
    started.set(absolute, work);
  };

  const collections = Object.entries(COLLECTIONS) as [CollectionName, CollectionDefinition][];
  const listings = new Map<CollectionName, Listing>();
  for (const [name, definition] of collections) {
    const where = { collection: name, definition, root, contentDir };
    if (definition.type === 'file') {
      const absolute = path.join(contentDir, definition.file);
      const shown = rel(absolute);
      start(
        absolute,
        checkFile(absolute, shown, (bytes, checkImage) =>
          checkList(bytes, { ...where, file: shown, absolute, checkImage }),
        ),
      );
      continue;
    }
    const dir = path.join(contentDir, definition.folder);
    const listing = await listFiles(dir);
    listings.set(name, listing);
    for (const relative of listing.files) {
      const readable = readableEntry(relative, definition);
      if (!readable) continue;
      const absolute = path.join(dir, relative);
      const shown = rel(absolute);
      start(
        absolute,
        checkFile(absolute, shown, (bytes, checkImage) =>
          checkEntryFile(bytes, readable, { ...where, file: shown, absolute, checkImage }),
        ),
      );
    }
  }

  for (const [name, definition] of collections) {
    const list: CheckedEntry[] = [];
    entries.set(name, list);
    const idsHere = new Set<string>();
    ids.set(name, idsHere);

    if (definition.type === 'file') {
      known.add(definition.file);
      const absolute = path.join(contentDir, definition.file);
      const shown = rel(absolute);
      try {
        const checked = await started.get(absolute)!.catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
          return undefined; // no such file
        });
        if (!checked) continue;
        if ('refused' in checked) {
          problems.push(checked.refused);
          ids.delete(name); // unreadable, and reported: its ids are unknown
          continue;
        }
        const { outcome } = checked;
        problems.push(...outcome.problems);
        later.push(outcome.later);
        if (outcome.reached === 'bytes') {
          ids.delete(name); // unreadable, and reported: its ids are unknown
          continue;
        }
        files++;
        // A list that did not parse, or broke the checker: its ids are unknown, so references
        // to it are not reported as well.
        if (outcome.reached === 'text' || !outcome.settled) ids.delete(name);
        for (const id of outcome.ids) idsHere.add(id);
        for (const entry of outcome.entries) list.push({ collection: name, file: shown, ...entry });
      } catch (error) {
        problems.push(unexpected(shown, error));
        ids.delete(name);
      }
      continue;
    }

    known.add(definition.folder);
    const dir = path.join(contentDir, definition.folder);
    const byId = new Map<string, string>();
    const listing = listings.get(name)!;
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
      const readable = readableEntry(relative, definition);
      if (!readable) {
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
      const { id } = readable;
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
        const checked = await started.get(absolute)!;
        if ('refused' in checked) {
          problems.push(checked.refused);
          continue;
        }
        const { outcome } = checked;
        problems.push(...outcome.problems);
        later.push(outcome.later);
        const entry = outcome.entries[0];
        if (!entry) continue;
        if (twin) continue; // the duplicate is reported; don't let it shadow the first
        list.push({ collection: name, id, file: shown, fieldPrefix: [], data: entry.data });
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

  for (const found of later) problems.push(...found);
  problems.push(...crossFileRules(entries, ids));
  if (!memo) return { problems: sortProblems(problems), entries, ids, files };
  await memo.save();
  const { recalled, computed } = memo.counts;
  return { problems: sortProblems(problems), entries, ids, files, memo: { recalled, checked: computed } };
}

/** A file of a folder collection the checker reads: directly in the folder, with one of its extensions. */
function readableEntry(
  relative: string,
  definition: CollectionDefinition & { type: 'folder' },
): { id: string; extension: string } | undefined {
  const extension = path.extname(relative).slice(1);
  if (IMAGE_EXTENSIONS.test(relative)) return undefined;
  if (relative.includes('/') || !(definition.extensions as readonly string[]).includes(extension)) return undefined;
  return { id: relative.slice(0, -(extension.length + 1)), extension };
}

/** What every entry of one file shares, for its rules. */
type FileInput = Pick<
  EntryInput,
  'collection' | 'definition' | 'root' | 'contentDir' | 'file' | 'absolute' | 'checkImage'
>;

const emptyOutcome = (): FileOutcome => ({
  reached: 'bytes',
  problems: [],
  later: [],
  entries: [],
  ids: [],
  images: [],
  settled: true,
});

/** One Markdown or MDX file checked alone: read, front matter, entry rules. */
async function checkEntryFile(
  bytes: Uint8Array,
  { id, extension }: { id: string; extension: string },
  input: FileInput,
): Promise<FileOutcome> {
  const outcome = emptyOutcome();
  let rules: EntryResult | undefined;
  try {
    const text = decodeText(bytes, input.file, outcome.problems);
    if (text === undefined) return outcome;
    outcome.reached = 'text';
    const parsed = parseMarkdown(text);
    if (!parsed.ok) {
      outcome.problems.push({ file: input.file, field: parsed.field, message: parsed.message });
      return outcome;
    }
    outcome.reached = 'parsed';
    const { body, bodyLine } = parsed.value;
    rules = runEntryRules({
      ...input,
      prefix: [],
      data: parsed.value.data,
      buildData: parsed.value.buildData,
      body: { text: body, line: bodyLine, mdx: extension === 'mdx' },
    });
    outcome.problems.push(...rules.problems);
    if (rules.data) outcome.entries.push({ id, fieldPrefix: [], data: rules.data });
  } catch (error) {
    outcome.problems.push(unexpected(input.file, error));
    outcome.settled = false;
  }
  if (rules) outcome.later = await rules.later;
  return outcome;
}

/** A file collection (a YAML list) checked alone: read, parse, entry rules on each item, ids unique. */
async function checkList(bytes: Uint8Array, input: FileInput): Promise<FileOutcome> {
  const outcome = emptyOutcome();
  const laters: Promise<Problem[]>[] = [];
  try {
    const text = decodeText(bytes, input.file, outcome.problems);
    if (text === undefined) return outcome;
    outcome.reached = 'text';
    const parsed = parseYamlList(text);
    if (!parsed.ok) {
      outcome.problems.push({ file: input.file, field: '(filen)', message: parsed.message });
      return outcome;
    }
    outcome.reached = 'parsed';
    const seen = new Map<string, number>();
    parsed.value.forEach((item, i) => {
      if (item && typeof item === 'object' && 'id' in item) outcome.ids.push(String(item.id));
      const result = runEntryRules({ ...input, prefix: [i], data: item, buildData: parsed.buildValue?.[i] });
      outcome.problems.push(...result.problems);
      laters.push(result.later);
      const data = result.data;
      if (!data) return;
      const id = String(data['id']);
      if (seen.has(id)) {
        outcome.problems.push({
          file: input.file,
          field: formatPath([i, 'id']),
          message: `id "${id}" bruges også i punkt [${seen.get(id)}]. Hvert id må kun bruges én gang`,
        });
        return;
      }
      seen.set(id, i);
      outcome.entries.push({ id, fieldPrefix: [i], data });
    });
  } catch (error) {
    outcome.problems.push(unexpected(input.file, error));
    outcome.settled = false;
  }
  outcome.later = (await Promise.all(laters)).flat();
  return outcome;
}
