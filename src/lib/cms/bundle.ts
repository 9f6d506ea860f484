/**
 * The browser editor's bundle (`/admin/`): Sveltia CMS and `editor.ts` built by Vite's own
 * `build()`, once per version, into Astro's cache folder (`<cacheDir>/cms/<key>/`), not by every
 * site build. The key is a hash of everything that changes the output: the installed versions
 * of @sveltia/cms and Vite and of every package they depend on, and the source of `editor.ts`
 * and of this module (the plugin and the build options below). A site build copies the folder
 * into `dist/` and the page loads `editor.js` from it; the dev server serves it from the cache.
 *
 * The plugin keeps loading `/admin/` from asking another host for anything
 * (test/fixture/cms.test.ts): Sveltia's npm build registers its fonts from its own files, but its
 * component CSS also declares the same fonts at cdn.jsdelivr.net; those declarations are dropped.
 * Its Markdown editor would also bring every grammar and theme of Shiki (~280 files, 14 MB) to
 * colour code blocks, which editors of this site do not write: they are stubbed out, so a code
 * block in the editor is shown uncoloured.
 *
 * Run as a script (`node bundle.ts <root> <srcDir> <outDir>`), it builds into `outDir`: the site
 * build starts it as a child process, so the editor is bundled while Astro does its own work.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, cp, mkdir, readFile, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

/** The module the page loads, in the bundle's folder. */
export const ENTRY = 'editor.js';
/** Written last, so a folder without it (a build that was stopped) is never taken for a bundle. */
export const BUNDLE_FILE = 'bundle.json';

/** What `BUNDLE_FILE` holds. */
export interface BundleFacts {
  key: string;
  /** Every file of the bundle, relative to its folder, sorted. */
  files: string[];
}

/** A bundle ready in the cache: its folder, and whether this process had to build it. */
export interface EditorBundle extends BundleFacts {
  dir: string;
  built: boolean;
  seconds: number;
}

/** Where the bundle's inputs are: the project's root (node_modules) and its `src/`. */
export interface BundlePaths {
  root: string;
  srcDir: string;
}

const CMS_MODULE = /[\\/]@sveltia[\\/]cms[\\/]npm[\\/]/;
const SHIKI = /^@shikijs\/(langs|themes)\//;
const SHIKI_STUB = '\0cms-shiki-stub';
const CDN_FONT_FACE = /@font-face\s*\{[^}]*https:\/\/cdn\.jsdelivr\.net[^}]*\}/g;

/** No CDN fonts, no Shiki grammars or themes (see the header). */
export function editorPlugin(): Plugin {
  return {
    name: 'cms-bundle',
    enforce: 'pre',
    resolveId: (id) => (SHIKI.test(id) ? SHIKI_STUB : undefined),
    load: (id) => (id === SHIKI_STUB ? 'export default [];' : undefined),
    transform(code, id) {
      if (!CMS_MODULE.test(id)) return undefined;
      const local = code.replace(CDN_FONT_FACE, '');
      return local === code ? undefined : { code: local, map: null };
    },
  };
}

/** The files whose source goes into the key: the entry and this module. */
export const bundleSources = (srcDir: string): string[] => [
  path.join(srcDir, 'lib', 'cms', 'editor.ts'),
  path.join(srcDir, 'lib', 'cms', 'bundle.ts'),
];

/** The folder of package `name` as Node would find it from `from`, or undefined. */
async function findPackage(from: string, name: string): Promise<string | undefined> {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    try {
      await access(path.join(candidate, 'package.json'));
      return await realpath(candidate);
    } catch {
      if (path.dirname(dir) === dir) return undefined;
    }
  }
}

/** `name@version` of the package in `dir` and of everything it depends on, as installed. */
async function installedTree(dir: string, found: Map<string, string>): Promise<void> {
  if (found.has(dir)) return;
  const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  };
  found.set(dir, `${pkg.name}@${pkg.version}`);
  for (const name of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
    const at = await findPackage(dir, name);
    // An optional dependency may be absent (another platform's binary); a required one may not.
    if (at) await installedTree(at, found);
    else if (!pkg.optionalDependencies?.[name])
      throw new Error(`Pakken ${name} (som ${pkg.name} bruger) er ikke installeret. Kør npm ci`);
  }
}

/**
 * The bundle's key: a hash of the installed packages that go into it (@sveltia/cms, Vite and
 * their dependencies, by name and version) and of `sources` (the entry and this module).
 */
export async function editorBundleKey({ root, srcDir }: BundlePaths, sources = bundleSources(srcDir)): Promise<string> {
  const hash = createHash('sha256').update('cms-bundle 1\n');
  const packages = new Map<string, string>();
  for (const name of ['@sveltia/cms', 'vite']) {
    const dir = await findPackage(root, name);
    if (!dir) throw new Error(`Pakken ${name} er ikke installeret. Kør npm ci`);
    await installedTree(dir, packages);
  }
  hash.update([...new Set(packages.values())].sort().join('\n'));
  for (const file of sources) hash.update(`\n${path.basename(file)}\n`).update(await readFile(file));
  return hash.digest('hex').slice(0, 16);
}

/** Every file under `dir`, relative to it, with `/`, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Bundles the editor into `outDir` with Vite (in this process). */
export async function buildEditorBundle({ root, srcDir }: BundlePaths, outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root,
    // Chunks and assets find each other relative to the module, wherever the folder is served from.
    base: './',
    publicDir: false,
    envDir: false,
    logLevel: 'warn',
    clearScreen: false,
    plugins: [editorPlugin()],
    build: {
      outDir,
      emptyOutDir: true,
      assetsDir: '',
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: path.join(srcDir, 'lib', 'cms', 'editor.ts'),
        output: {
          entryFileNames: ENTRY,
          chunkFileNames: '[name]-[hash].js',
          // Sveltia's own assets are already named by their hash, and the folder by the key. Kept as
          // they are, because its HEIC worker (copied as is, not rewritten) loads its WebAssembly
          // by that name.
          assetFileNames: '[name][extname]',
        },
      },
    },
  });
}

/** The same, in a child process: its memory is not the site build's, and it runs beside it. */
function buildInChild(paths: BundlePaths, outDir: string): Promise<void> {
  const script = bundleSources(paths.srcDir)[1]!;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, paths.root, paths.srcDir, outDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`Redigeringsværktøjet kunne ikke bygges (kode ${code}):\n${output}`)),
    );
  });
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/**
 * The bundle for `key` from `<cacheDir>/cms/`, built first if it is not there (into a temporary
 * folder, renamed into place when complete; older keys' folders are then removed).
 */
export async function ensureEditorBundle(
  paths: BundlePaths,
  cacheDir: string,
  key: string,
  how: 'child' | 'here' = 'child',
): Promise<EditorBundle> {
  const started = performance.now();
  const cms = path.join(cacheDir, 'cms');
  const dir = path.join(cms, key);
  const facts = async (): Promise<BundleFacts> =>
    JSON.parse(await readFile(path.join(dir, BUNDLE_FILE), 'utf8')) as BundleFacts;
  const seconds = () => (performance.now() - started) / 1000;
  if (await exists(path.join(dir, BUNDLE_FILE))) return { ...(await facts()), dir, built: false, seconds: seconds() };

  const tmp = path.join(cms, `.${key}-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(cms, { recursive: true });
  await (how === 'child' ? buildInChild(paths, tmp) : buildEditorBundle(paths, tmp));
  const built: BundleFacts = { key, files: await filesUnder(tmp) };
  await writeFile(path.join(tmp, BUNDLE_FILE), `${JSON.stringify(built, null, 1)}\n`);
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
  for (const other of await readdir(cms))
    if (other !== key && !other.startsWith('.')) await rm(path.join(cms, other), { recursive: true, force: true });
  return { ...built, dir, built: true, seconds: seconds() };
}

/** Copies the bundle's files (not `BUNDLE_FILE`) into `target`. */
export async function copyEditorBundle(bundle: EditorBundle, target: string): Promise<void> {
  await rm(target, { recursive: true, force: true });
  await cp(bundle.dir, target, { recursive: true, filter: (source) => path.basename(source) !== BUNDLE_FILE });
}

if (import.meta.main) {
  const [root, srcDir, outDir] = process.argv.slice(2);
  if (!root || !srcDir || !outDir) throw new Error('Brug: node bundle.ts <rod> <src-mappe> <ud-mappe>');
  await buildEditorBundle({ root, srcDir }, outDir);
}
