/**
 * The search index kept between builds (`src/lib/search-index-cache.ts`): its key changes with
 * every indexed page and with what else makes the index, not with a page Pagefind leaves out; a
 * kept index comes back file for file, and only under its own key.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { restoreSearchIndex, saveSearchIndex, searchIndexKey } from '../../src/lib/search-index-cache.ts';
import { projectRoot } from '../helpers.ts';

const OPTIONS = { forceLanguage: 'da' };
const indexed = (text: string) =>
  `<!DOCTYPE html><html lang="da"><body><main data-pagefind-body>${text}</main></body></html>`;
const plain = (text: string) => `<!DOCTYPE html><html lang="da"><body><main>${text}</main></body></html>`;

let dir: string;
const at = (file: string) => path.join(dir, file);
async function write(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(at(file)), { recursive: true });
  await writeFile(at(file), text);
}
/** Every file below `folder` with its text. */
async function contents(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true }))
    if (entry.isFile())
      files[path.relative(folder, path.join(entry.parentPath, entry.name))] = await readFile(
        path.join(entry.parentPath, entry.name),
        'utf8',
      );
  return files;
}

beforeEach(async () => {
  await mkdir(path.join(projectRoot, 'test', '.tmp'), { recursive: true });
  dir = await mkdtemp(path.join(projectRoot, 'test', '.tmp', 'search-index-'));
  await write('dist/historier/a/index.html', indexed('Værkstedet vokser'));
  await write('dist/katalog/b/index.html', indexed('Cykelreparation'));
  await write('dist/katalog/print/index.html', plain('Udskrevet 2. december 2026'));
  await write('dist/og/historier/a.jpg', 'jpeg');
  await write('package-lock.json', '{"lockfileVersion":3}');
});

describe('the key of the search index', () => {
  const key = () => searchIndexKey(at('dist'), OPTIONS, at('package-lock.json'));

  it('is the same for the same pages, and changes when an indexed page does', async () => {
    const first = await key();
    expect(await key()).toBe(first);
    await write('dist/katalog/b/index.html', indexed('Cykelreparation og service'));
    expect(await key()).not.toBe(first);
  });

  it('changes when an indexed page is added, removed or moved', async () => {
    const first = await key();
    await write('dist/katalog/c/index.html', indexed('Frokost'));
    const added = await key();
    expect(added).not.toBe(first);
    await rm(at('dist/katalog/c/index.html'));
    expect(await key()).toBe(first);
    await rm(at('dist/katalog/b/index.html'));
    await write('dist/katalog/d/index.html', indexed('Cykelreparation'));
    expect(await key()).not.toBe(first);
  });

  it('does not change with a page Pagefind leaves out, or a file that is no page', async () => {
    const first = await key();
    await write('dist/katalog/print/index.html', plain('Udskrevet 3. december 2026'));
    await write('dist/om/index.html', plain('Ny side uden søgning'));
    await write('dist/og/historier/a.jpg', 'another jpeg');
    expect(await key()).toBe(first);
  });

  it('counts every page when no page is marked, as Pagefind then indexes them all', async () => {
    await write('dist/historier/a/index.html', plain('Værkstedet vokser'));
    await write('dist/katalog/b/index.html', plain('Cykelreparation'));
    const first = await key();
    await write('dist/katalog/print/index.html', plain('Udskrevet 3. december 2026'));
    expect(await key()).not.toBe(first);
  });

  it("changes with Pagefind's options and the lockfile (Pagefind's version)", async () => {
    const first = await key();
    expect(await searchIndexKey(at('dist'), { forceLanguage: 'en' }, at('package-lock.json'))).not.toBe(first);
    await write('package-lock.json', '{"lockfileVersion":3,"pagefind":"1.7.0"}');
    expect(await key()).not.toBe(first);
  });
});

describe('the kept search index', () => {
  const index = {
    'pagefind-entry.json': '{"version":"1.6.0"}',
    'pagefind.js': 'export {}',
    'fragment/da_1.pf_fragment': 'a',
    'index/da_1.pf_index': 'b',
  };
  async function writeIndex(folder: string, files: Record<string, string>): Promise<void> {
    for (const [file, text] of Object.entries(files)) await write(path.join(folder, file), text);
  }

  it('comes back file for file under its key, with its summary', async () => {
    await writeIndex('dist/pagefind', index);
    const cache = at('cache');
    await saveSearchIndex(cache, 'nøgle-1', at('dist/pagefind'), '2 sider indekseret (3 HTML-sider læst)');
    await rm(at('dist'), { recursive: true });
    expect(await restoreSearchIndex(cache, 'nøgle-1', at('dist/pagefind'))).toBe(
      '2 sider indekseret (3 HTML-sider læst)',
    );
    expect(await contents(at('dist/pagefind'))).toEqual(index);
  });

  it('does not come back under another key, nor with a file missing, and writes nothing then', async () => {
    await writeIndex('dist/pagefind', index);
    const cache = at('cache');
    await saveSearchIndex(cache, 'nøgle-1', at('dist/pagefind'), 'x');
    await rm(at('dist'), { recursive: true });
    expect(await restoreSearchIndex(cache, 'nøgle-2', at('dist/pagefind'))).toBeUndefined();
    await rm(path.join(cache, 'search-index', 'files', 'index', 'da_1.pf_index'));
    expect(await restoreSearchIndex(cache, 'nøgle-1', at('dist/pagefind'))).toBeUndefined();
    expect(await readdir(at('dist')).catch(() => [])).toEqual([]);
    expect(await restoreSearchIndex(at('no-cache'), 'nøgle-1', at('dist/pagefind'))).toBeUndefined();
  });

  it('is replaced by the next index kept, old files and all', async () => {
    await writeIndex('dist/pagefind', index);
    const cache = at('cache');
    await saveSearchIndex(cache, 'nøgle-1', at('dist/pagefind'), 'x');
    await rm(at('dist'), { recursive: true });
    const next = { 'pagefind-entry.json': '{"version":"1.6.0","n":2}', 'index/da_2.pf_index': 'c' };
    await writeIndex('dist/pagefind', next);
    await saveSearchIndex(cache, 'nøgle-2', at('dist/pagefind'), 'y');
    await rm(at('dist'), { recursive: true });
    expect(await restoreSearchIndex(cache, 'nøgle-1', at('dist/pagefind'))).toBeUndefined();
    expect(await restoreSearchIndex(cache, 'nøgle-2', at('dist/pagefind'))).toBe('y');
    expect(await contents(at('dist/pagefind'))).toEqual(next);
  });
});
