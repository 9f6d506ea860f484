/**
 * What the editors' checker remembers between runs, so a build after one edited story re-reads
 * one story instead of every file (issue 12). Per content file it keeps what checking that file
 * alone found — problems, the parsed entries, the images it uses with their verdicts — keyed by
 * the file's path and a hash of its bytes; per image, what its bytes say (format, GPS), keyed by
 * their hash. Cross-file rules are never remembered: they run on every entry, every time.
 *
 * Everything else an outcome depends on goes into one digest, and a memo with another digest is
 * dropped whole: the checker's own source and everything it imports from `src/` (found by
 * following the imports, see {@link sourceFiles}), the installed packages (the lockfile and the
 * versions of the packages it imports), Node's versions (ICU and time zones included), the
 * components MDX may import, the site's root, and today's date in Copenhagen ("not in the
 * future" rules).
 *
 * The memo is one file under Astro's `cacheDir`, written with `node:v8` (keeps Dates). A file
 * that is missing, cut short, corrupt or from anything else is ignored and written anew.
 */
import { hash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { judgeBytes, type BytesVerdict, type ImageVerdict } from './images.ts';
import { LocalImage, Ref } from './markers.ts';
import type { Problem } from './problem.ts';

/** Where the memo lives under the cacheDir. */
export const MEMO_FILE = path.join('content-check', 'memo.v8');

/** Changes whenever what is stored changes shape; a memo of another version is dropped. */
const FORMAT = 'socialoekonomi content-check memo 1';

/** One entry a file yields to the cross-file rules. */
export interface OutcomeEntry {
  id: string;
  fieldPrefix: PropertyKey[];
  data: Record<string, unknown>;
}

/**
 * What checking one content file found: a function of its bytes, its path and the images it uses
 * (besides what the digest covers).
 */
export interface FileOutcome {
  /** How far the file got: not text (`problems` say why), text that did not parse, or parsed. */
  reached: 'bytes' | 'text' | 'parsed';
  /** Problems reading it and from the entry rules, in the order found. */
  problems: Problem[];
  /** Problems from the rules that read images, in the order found. */
  later: Problem[];
  /** Entries that passed the entry rules: at most one for Markdown, any number for a YAML list. */
  entries: OutcomeEntry[];
  /** Ids of a YAML list's items, valid or not (Markdown ids come from the file name). */
  ids: string[];
  /** The images the outcome depends on, by path from the root, with the verdict it was built on. */
  images: [string, ImageVerdict][];
  /** False when something went wrong that may not happen again (an exception): never remembered. */
  settled: boolean;
}

/** A remembered outcome: markers (`LocalImage`, `Ref`) lose their class in `node:v8`, so where they were is kept. */
interface Stored {
  bytes: string;
  outcome: FileOutcome;
  markers: [entry: number, path: PropertyKey[], kind: 'image' | 'ref'][];
}

interface MemoFile {
  format: typeof FORMAT;
  digest: string;
  files: Map<string, Stored>;
  images: Map<string, BytesVerdict>;
}

/** Hash of a file's bytes, as the memo keys it. */
export const bytesHash = (bytes: Uint8Array): string => hash('sha256', bytes, 'base64');

export class CheckMemo {
  /** What this run found, written by {@link save} (files and images not seen this run drop out). */
  private readonly next: MemoFile;
  private changed: boolean;
  /** How many outcomes were recalled and how many computed, for the figures. */
  readonly counts = { recalled: 0, computed: 0 };

  private readonly file: string;
  private readonly previous: MemoFile | undefined;

  private constructor(file: string, previous: MemoFile | undefined, digest: string) {
    this.file = file;
    this.previous = previous;
    this.next = { format: FORMAT, digest, files: new Map(), images: new Map() };
    this.changed = !previous;
  }

  /** The memo under `cacheDir` for the site at `root`; empty when there is none, or it does not fit. */
  static async open(root: string, cacheDir: string): Promise<CheckMemo> {
    const file = path.join(cacheDir, MEMO_FILE);
    const [digest, bytes] = await Promise.all([checkerDigest(root), readFile(file).catch(() => undefined)]);
    let previous: MemoFile | undefined;
    if (bytes) {
      try {
        const value: unknown = deserialize(bytes);
        if (isMemoFile(value) && value.digest === digest) previous = value;
      } catch {
        // Cut short or not ours: start again.
      }
    }
    return new CheckMemo(file, previous, digest);
  }

  /**
   * The outcome remembered for the file at `shown` with these bytes, if any. Its images must still
   * be confirmed by the caller: the outcome holds only while every verdict is the same.
   */
  recall(shown: string, bytes: string): FileOutcome | undefined {
    const stored = this.previous?.files.get(shown);
    if (!stored || stored.bytes !== bytes) return undefined;
    try {
      if (!isStored(stored)) return undefined;
      for (const [entry, at, kind] of stored.markers) {
        const parentPath = at.slice(0, -1);
        let parent: unknown = stored.outcome.entries[entry]!.data;
        for (const key of parentPath) parent = (parent as Record<PropertyKey, unknown>)[key];
        const key = at[at.length - 1]!;
        const plain = (parent as Record<PropertyKey, unknown>)[key];
        if (plain instanceof LocalImage || plain instanceof Ref) continue; // revived before
        const value = plain as { src: string; collection: never; id: string };
        (parent as Record<PropertyKey, unknown>)[key] =
          kind === 'image' ? new LocalImage(value.src) : new Ref(value.collection, value.id);
      }
      return stored.outcome;
    } catch {
      return undefined; // a malformed entry: check the file again
    }
  }

  /** Keeps an outcome for the next run, unless it is unsettled or holds what `node:v8` would not keep. */
  keep(shown: string, bytes: string, outcome: FileOutcome, recalled: boolean): void {
    if (recalled) this.counts.recalled++;
    else this.counts.computed++;
    if (!outcome.settled) {
      this.changed = true;
      return;
    }
    const markers: Stored['markers'] = [];
    for (const [i, entry] of outcome.entries.entries()) {
      if (!collectMarkers(entry.data, [], (at, kind) => markers.push([i, at, kind]))) {
        this.changed = true;
        return;
      }
    }
    this.next.files.set(shown, { bytes, outcome, markers });
    if (!recalled) this.changed = true;
  }

  /** Judges an image's bytes, remembering the verdict by their hash. */
  readonly judge = async (bytes: Buffer): Promise<BytesVerdict> => {
    const key = bytesHash(bytes);
    let verdict = this.next.images.get(key) ?? this.previous?.images.get(key);
    if (!verdict || !isBytesVerdict(verdict)) {
      verdict = await judgeBytes(bytes);
      this.changed = true;
    }
    this.next.images.set(key, verdict);
    return verdict;
  };

  /**
   * Writes what this run found, when it differs from what was read. Written beside and renamed
   * into place, so a reader never sees half a file; a cache that cannot be written costs only speed.
   */
  async save(): Promise<void> {
    if (!this.changed && this.previous?.files.size === this.next.files.size) {
      if (this.previous.images.size === this.next.images.size) return;
    }
    const temporary = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFile(temporary, serialize(this.next));
      await rename(temporary, this.file);
    } catch {
      await rm(temporary, { force: true }).catch(() => {});
    }
  }
}

/**
 * Walks an entry's data: calls `found` for every marker, and answers false when it holds anything
 * `node:v8` would not give back as it was (an object of another class, a Map, a null prototype).
 */
function collectMarkers(
  node: unknown,
  at: PropertyKey[],
  found: (at: PropertyKey[], kind: 'image' | 'ref') => void,
): boolean {
  if (node === null || typeof node !== 'object') return typeof node !== 'function' && typeof node !== 'symbol';
  if (node instanceof LocalImage) return (found(at, 'image'), true);
  if (node instanceof Ref) return (found(at, 'ref'), true);
  if (node instanceof Date) return true;
  const proto = Object.getPrototypeOf(node) as unknown;
  if (proto !== Object.prototype && proto !== Array.prototype) return false;
  if (Object.getOwnPropertySymbols(node).length > 0) return false;
  return Object.entries(node).every(([key, value]) =>
    collectMarkers(value, [...at, Array.isArray(node) ? Number(key) : key], found),
  );
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isProblem = (v: unknown): v is Problem =>
  typeof v === 'object' &&
  v !== null &&
  isString((v as Problem).file) &&
  isString((v as Problem).field) &&
  isString((v as Problem).message);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function isMemoFile(v: unknown): v is MemoFile {
  return (
    isRecord(v) &&
    v['format'] === FORMAT &&
    isString(v['digest']) &&
    v['files'] instanceof Map &&
    v['images'] instanceof Map
  );
}

const BYTES_VERDICTS = new Set(['svg', 'not-image', 'gps', 'corrupt', 'ok']);
const isBytesVerdict = (v: unknown): v is BytesVerdict =>
  isRecord(v) && BYTES_VERDICTS.has(v['kind'] as string) && Object.keys(v).length === 1;

/** Checks a remembered outcome's shape before it is trusted (a memo may be corrupt in ways that still deserialize). */
function isStored(v: unknown): v is Stored {
  if (!isRecord(v) || !isString(v['bytes']) || !Array.isArray(v['markers']) || !isRecord(v['outcome'])) return false;
  const o = v['outcome'];
  return (
    (o['reached'] === 'bytes' || o['reached'] === 'text' || o['reached'] === 'parsed') &&
    o['settled'] === true &&
    Array.isArray(o['problems']) &&
    o['problems'].every(isProblem) &&
    Array.isArray(o['later']) &&
    o['later'].every(isProblem) &&
    Array.isArray(o['ids']) &&
    o['ids'].every(isString) &&
    Array.isArray(o['images']) &&
    o['images'].every((i) => Array.isArray(i) && isString(i[0]) && isRecord(i[1]) && isString(i[1]['kind'])) &&
    Array.isArray(o['entries']) &&
    o['entries'].every(
      (e) => isRecord(e) && isString(e['id']) && Array.isArray(e['fieldPrefix']) && isRecord(e['data']),
    ) &&
    v['markers'].every(
      (m) =>
        Array.isArray(m) &&
        typeof m[0] === 'number' &&
        isRecord((o['entries'] as OutcomeEntry[])[m[0]]) &&
        Array.isArray(m[1]) &&
        m[1].length > 0 &&
        (m[2] === 'image' || m[2] === 'ref'),
    )
  );
}

/** The repository's `src/`, where the checker's source lives. */
const SRC = fileURLToPath(new URL('../../', import.meta.url));

/** Folders whose every file counts, imported or not. */
const WHOLE_FOLDERS = ['lib/validation', 'schemas'];

/** `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`. */
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(?\s*['"]([^'"]+)['"]/g;

/**
 * Every file of `src/` the checker's outcome may depend on: all of `lib/validation` and
 * `schemas`, and whatever they import from `src/`, followed to the end. Also the packages they
 * import (by name).
 */
export async function sourceFiles(): Promise<{ files: string[]; packages: string[] }> {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue: string[] = [];
  for (const folder of WHOLE_FOLDERS) {
    for (const e of await readdir(path.join(SRC, folder), { recursive: true, withFileTypes: true })) {
      if (e.isFile()) queue.push(path.join(e.parentPath, e.name));
    }
  }
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue; // named in a comment or a message, not a file
    }
    files.add(file);
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      if (specifier.startsWith('.')) {
        const target = path.resolve(path.dirname(file), specifier);
        if (!path.relative(SRC, target).startsWith('..')) queue.push(target);
      } else if (!specifier.startsWith('node:') && !specifier.startsWith('astro:')) {
        const parts = specifier.split('/');
        packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
      }
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort() };
}

/** The nearest `name` in `from` or a folder above it. */
async function findUp(from: string, name: string): Promise<{ file: string; bytes: Buffer } | undefined> {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, name);
    const bytes = await readFile(file).catch(() => undefined);
    if (bytes) return { file, bytes };
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Today in Copenhagen, the day "not in the future" rules compare with. */
const copenhagenDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' });

/** One digest of everything besides a file's own bytes and images that decides its outcome. */
export async function checkerDigest(root: string): Promise<string> {
  const { files, packages } = await sourceFiles();
  // The root too: outcomes name files relative to it, and two sites sharing a cache folder (a
  // fixture linking the project's node_modules) must not share a memo.
  const parts: unknown[] = [
    FORMAT,
    path.resolve(root),
    process.versions,
    process.platform,
    process.arch,
    copenhagenDay.format(new Date()),
  ];
  for (const file of files) parts.push(path.relative(SRC, file), bytesHash(await readFile(file)));
  for (const name of packages) {
    const found = await findUp(SRC, path.join('node_modules', name, 'package.json'));
    parts.push(name, found ? (JSON.parse(found.bytes.toString('utf8')) as { version?: string }).version : null);
  }
  const lockfile = await findUp(SRC, 'package-lock.json');
  parts.push(lockfile ? bytesHash(lockfile.bytes) : null);
  // MDX may import only components that exist (body.ts): which ones do is part of the outcome.
  const components = await readdir(path.join(root, 'src', 'components', 'mdx'), { recursive: true }).catch(() => null);
  parts.push(components?.sort() ?? null);
  return bytesHash(Buffer.from(JSON.stringify(parts)));
}
