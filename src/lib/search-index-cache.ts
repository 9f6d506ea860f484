/**
 * Pagefind's output kept in Astro's cache folder under a hash of everything it is made from, so a
 * build whose indexed pages are byte for byte those of the last build copies the index instead of
 * running Pagefind — a nightly deploy with no change, a change to a page that is not indexed, a
 * change to code that shows on no indexed page. Pagefind took 1.5–2 s of a warm build at 1,000
 * generated entries and 18 s at 10,000 (`npm run bench:build`).
 *
 * What the index is made from: the path and bytes of every HTML page in `dist/` that has
 * `data-pagefind-body` (once any page has it, Pagefind leaves the pages without it out; when none
 * has it, every page counts), the options the integration gives Pagefind with Pagefind's
 * version, and the lockfile. The kept files are hard links where the file system allows (no
 * bytes copied): nothing writes to a published file after the build, and the integration deletes
 * `pagefind/` before Pagefind writes a new one.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listDist } from './published/photos.ts';

/** Bump when the way the index is made or kept changes. */
const VERSION = 1;
const MARKER = Buffer.from('data-pagefind-body');

/** Every file below `dir` (`listDist`), none when it does not exist. */
const filesBelow = (dir: string): Promise<string[]> => listDist(dir).catch(() => []);

/**
 * The key of the index Pagefind would make of `distDir` with `options`: a hash of the indexed
 * pages (paths and bytes), the options and `lockfile`'s bytes.
 */
export async function searchIndexKey(distDir: string, options: unknown, lockfile?: string): Promise<string> {
  const pages = (await filesBelow(distDir)).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'));
  const marked: [string, string][] = [];
  const all: [string, string][] = [];
  // Read synchronously: the build has nothing else to do (the 1,212 pages of 1,000 entries, with the listing, 0.15–0.25 s).
  for (const page of pages) {
    const bytes = readFileSync(path.join(distDir, page));
    const digest = createHash('sha256').update(bytes).digest('base64url');
    all.push([page, digest]);
    if (bytes.includes(MARKER)) marked.push([page, digest]);
  }
  const lock = lockfile ? await readFile(lockfile).catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
  return createHash('sha256')
    .update(JSON.stringify({ VERSION, options, pages: marked.length > 0 ? marked : all }))
    .update(lock)
    .digest('base64url');
}

/** Where the index is kept, and the record of what it is. */
const stored = (cacheDir: string) => ({
  files: path.join(cacheDir, 'search-index', 'files'),
  record: path.join(cacheDir, 'search-index', 'index.json'),
});

interface Kept {
  key: string;
  files: string[];
  /** What the build logs about the index (the pages in it). */
  summary: string;
}

/**
 * Puts each of `files` from `from` at `to`, 64 at a time: a hard link, or a copy where the file
 * system has none (another device, no permission).
 */
async function place(files: string[], from: string, to: string): Promise<void> {
  for (const dir of new Set(files.map((file) => path.dirname(path.join(to, file)))))
    await mkdir(dir, { recursive: true });
  for (let i = 0; i < files.length; i += 64)
    await Promise.all(
      files.slice(i, i + 64).map(async (file) => {
        const source = path.join(from, file);
        const target = path.join(to, file);
        try {
          await link(source, target);
        } catch {
          await copyFile(source, target);
        }
      }),
    );
}

/**
 * Puts the index kept under `key` at `outputDir` and returns its summary, or `undefined` when
 * none is kept under that key (or a file of it is missing: then nothing is put there).
 */
export async function restoreSearchIndex(
  cacheDir: string,
  key: string,
  outputDir: string,
): Promise<string | undefined> {
  const { files, record } = stored(cacheDir);
  const kept = (await readFile(record, 'utf8').then(JSON.parse, () => undefined)) as Kept | undefined;
  if (kept?.key !== key || !Array.isArray(kept.files) || kept.files.length === 0) return undefined;
  const present = new Set(await filesBelow(files));
  if (!kept.files.every((file) => present.has(file))) return undefined;
  await rm(outputDir, { recursive: true, force: true });
  await place(kept.files, files, outputDir);
  return kept.summary;
}

/** Keeps the index Pagefind just wrote at `outputDir` under `key`, in place of the one kept before. */
export async function saveSearchIndex(
  cacheDir: string,
  key: string,
  outputDir: string,
  summary: string,
): Promise<void> {
  const { files, record } = stored(cacheDir);
  // The record goes first and last: a build stopped halfway leaves no record, so nothing half kept is used.
  await rm(record, { force: true });
  await rm(files, { recursive: true, force: true });
  const written = await filesBelow(outputDir);
  await place(written, outputDir, files);
  await writeFile(record, JSON.stringify({ key, files: written, summary } satisfies Kept));
}
