/**
 * The browser editor's bundle key (src/lib/cms/bundle.ts): the bundle is kept in Astro's cache
 * under it and built again only when it changes, so it must change with every input of the
 * bundle — @sveltia/cms, Vite, any package either depends on as installed, the entry, the plugin
 * — and with nothing else. Here on a made-up node_modules; the real bundle is built, reused and
 * loaded by test/fixture/cms.test.ts.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleSources, editorBundleKey } from '../../src/lib/cms/bundle.ts';
import { projectRoot } from '../helpers.ts';

let root: string;
let sources: string[];

async function pkg(at: string, json: object): Promise<void> {
  await mkdir(path.join(root, at), { recursive: true });
  await writeFile(path.join(root, at, 'package.json'), JSON.stringify(json));
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'cms-key-'));
  await pkg('node_modules/@sveltia/cms', {
    name: '@sveltia/cms',
    version: '0.221.1',
    dependencies: { leaflet: '^1.9.4' },
  });
  await pkg('node_modules/leaflet', { name: 'leaflet', version: '1.9.4' });
  await pkg('node_modules/vite', {
    name: 'vite',
    version: '8.3.8',
    dependencies: { rolldown: '1.0.0' },
    optionalDependencies: { fsevents: '~2.3.3' },
  });
  await pkg('node_modules/rolldown', { name: 'rolldown', version: '1.0.0' });
  sources = [path.join(root, 'src/editor.ts'), path.join(root, 'src/bundle.ts')];
  await mkdir(path.join(root, 'src'));
  await writeFile(sources[0]!, "await import('@sveltia/cms');\n");
  await writeFile(sources[1]!, 'export const plugin = {};\n');
});

afterEach(() => rm(root, { recursive: true, force: true }));

const key = () => editorBundleKey({ root, srcDir: path.join(root, 'src') }, sources);

describe('the editor bundle’s key', () => {
  it('is the same for the same inputs, and ignores files that are not inputs', async () => {
    const first = await key();
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    await pkg('node_modules/unrelated', { name: 'unrelated', version: '1.0.0' });
    await writeFile(path.join(root, 'src/other.ts'), 'export {};\n');
    expect(await key()).toBe(first);
  });

  it.each([
    [
      '@sveltia/cms is upgraded',
      () =>
        pkg('node_modules/@sveltia/cms', {
          name: '@sveltia/cms',
          version: '0.222.0',
          dependencies: { leaflet: '^1.9.4' },
        }),
    ],
    [
      'a dependency of @sveltia/cms is upgraded in its range',
      () => pkg('node_modules/leaflet', { name: 'leaflet', version: '1.9.5' }),
    ],
    [
      'a nested copy of a dependency is installed',
      () => pkg('node_modules/@sveltia/cms/node_modules/leaflet', { name: 'leaflet', version: '2.0.0' }),
    ],
    [
      'Vite is upgraded',
      () => pkg('node_modules/vite', { name: 'vite', version: '8.4.0', dependencies: { rolldown: '1.0.0' } }),
    ],
    ['Vite’s bundler is upgraded', () => pkg('node_modules/rolldown', { name: 'rolldown', version: '1.0.1' })],
    [
      'an optional dependency gets installed',
      () => pkg('node_modules/fsevents', { name: 'fsevents', version: '2.3.3' }),
    ],
    ['the entry changes', () => writeFile(sources[0]!, "await import('@sveltia/cms');\nconsole.log(1);\n")],
    ['the plugin changes', () => writeFile(sources[1]!, "export const plugin = { name: 'x' };\n")],
  ])('changes when %s', async (_, change) => {
    const before = await key();
    await change();
    expect(await key()).not.toBe(before);
  });

  it('refuses a missing dependency instead of keying without it', async () => {
    await rm(path.join(root, 'node_modules/leaflet'), { recursive: true });
    await expect(key()).rejects.toThrow(/leaflet.*ikke installeret/);
  });

  it('covers the real entry and this module, as the integration keys them', () => {
    const files = bundleSources(path.join(projectRoot, 'src')).map((f) => path.relative(projectRoot, f));
    expect(files).toEqual(['src/lib/cms/editor.ts', 'src/lib/cms/bundle.ts']);
  });
});
