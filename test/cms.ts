/**
 * Driving the browser editor (`/admin/`, Sveltia CMS) in Chromium against a local repository,
 * as an editor does with "Arbejd med lokalt repository" — with one difference: Chromium cannot
 * be shown a folder picker headless, so `showDirectoryPicker()` hands the editor a folder in the
 * origin private file system (OPFS) that the test has filled with a copy of the content. The
 * editor reads and writes it through the same File System Access API it uses on a real disk.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { FIELD_HINTS } from '../src/schemas/hints.ts';
import type { CollectionName } from '../src/schemas/index.ts';

/** The OPFS folder that plays the repository. */
const REPO = 'repository';

/** Makes `showDirectoryPicker()` answer with the OPFS repository folder, in every page of the context. */
export async function pickerGivesRepository(context: BrowserContext): Promise<void> {
  await context.addInitScript((name) => {
    Object.defineProperty(window, 'showDirectoryPicker', {
      configurable: true,
      value: async () => (await navigator.storage.getDirectory()).getDirectoryHandle(name, { create: true }),
    });
  }, REPO);
}

/** Every file under `dir`, relative to `root`, with its bytes. */
async function filesUnder(root: string, dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(path.join(root, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(root, full).split(path.sep).join('/'), await readFile(full));
  }
  return files;
}

/**
 * Copies a site's `src/content` into the OPFS repository (with a `.git` folder, which the editor
 * requires of a repository root). Returns what was copied, to tell later what the editor wrote.
 */
export async function fillRepository(page: Page, root: string): Promise<Map<string, Buffer>> {
  const files = await filesUnder(root, 'src/content');
  const payload = [...files].map(([file, bytes]) => ({ file, base64: bytes.toString('base64') }));
  await page.evaluate(
    async ({ name, payload }) => {
      const opfs = await navigator.storage.getDirectory();
      await opfs.removeEntry(name, { recursive: true }).catch(() => undefined);
      const repository = await opfs.getDirectoryHandle(name, { create: true });
      await repository.getDirectoryHandle('.git', { create: true });
      for (const { file, base64 } of payload) {
        const parts = file.split('/');
        let dir = repository;
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
        const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await writable.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
        await writable.close();
      }
    },
    { name: REPO, payload },
  );
  return files;
}

/** The files in the OPFS repository that differ from `before` (new or changed), with their bytes. */
export async function writtenFiles(page: Page, before: Map<string, Buffer>): Promise<Map<string, Buffer>> {
  const now: { file: string; base64: string }[] = await page.evaluate(async (name) => {
    const repository = await (await navigator.storage.getDirectory()).getDirectoryHandle(name);
    const found: { file: string; base64: string }[] = [];
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
      for await (const handle of (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${handle.name}/`);
        else {
          const bytes = new Uint8Array(await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer());
          let binary = '';
          for (const byte of bytes) binary += String.fromCharCode(byte);
          found.push({ file: `${prefix}${handle.name}`, base64: btoa(binary) });
        }
      }
    };
    await walk(repository, '');
    return found;
  }, REPO);
  const changed = new Map<string, Buffer>();
  for (const { file, base64 } of now) {
    const bytes = Buffer.from(base64, 'base64');
    if (!before.get(file)?.equals(bytes)) changed.set(file, bytes);
  }
  return changed;
}

/** The Danish label the editor shows for a field, from src/schemas/hints.ts. */
export const labelOf = (collection: CollectionName, field: string): string => {
  const hint = FIELD_HINTS[collection][field];
  if (!hint) throw new Error(`Ingen tekst i src/schemas/hints.ts for ${collection}: ${field}`);
  return hint.label;
};

/** A TextMate grammar as Shiki's modules hold it (`"scopeName":"source.…"`), escaped or not. */
export const GRAMMAR = /scopeName\\?["']?\s*:\s*\\?["'`](source|text)\./;

/**
 * The editor's bundle in `dir` (`dist/_astro/cms/<key>/`): the file names its modules name
 * (imports, lazily loaded chunks, fonts, WebAssembly; Vite's `name-<hash>.ext`), those of them
 * that are not in the folder, and the modules that hold a Shiki grammar (there should be none).
 */
export async function editorBundleFacts(
  dir: string,
): Promise<{ referenced: Set<string>; missing: string[]; grammars: string[] }> {
  const files = new Set(await readdir(dir));
  const referenced = new Set<string>();
  const grammars: string[] = [];
  for (const file of files) {
    if (!file.endsWith('.js')) continue;
    const code = await readFile(path.join(dir, file), 'utf8');
    for (const [, name] of code.matchAll(/["'`](?:\.\/)?([\w.-]+-[\w-]{8}\.(?:js|css|wasm|woff2|png))["'`]/g))
      referenced.add(name!);
    if (GRAMMAR.test(code)) grammars.push(file);
  }
  return { referenced, missing: [...referenced].filter((name) => !files.has(name)), grammars };
}
