/**
 * Fixture sites for tests: a copy of `test/fixtures/valid` (a small, complete, valid content
 * set) in a temporary folder that a test may break on purpose.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const tmpBase = path.join(projectRoot, 'test', '.tmp');
/** Where the `site-edited` project builds its edited copy of the real content. */
export const editedSiteRoot = path.join(projectRoot, 'test', '.tmp-edited');
const run = promisify(execFile);

export interface FixtureSite {
  root: string;
  /** Writes a file relative to the site root (creating folders). */
  write(relative: string, contents: string | Uint8Array): Promise<void>;
  read(relative: string): Promise<string>;
  remove(relative: string): Promise<void>;
  /** Rewrites a file with a function of its text. */
  edit(relative: string, change: (text: string) => string): Promise<void>;
}

/** A fresh copy of the valid fixture content (or of another content folder). */
export async function fixtureSite(
  contentFrom = path.join(projectRoot, 'test', 'fixtures', 'valid', 'src', 'content'),
): Promise<FixtureSite> {
  await mkdir(tmpBase, { recursive: true });
  const root = await mkdtemp(path.join(tmpBase, 'site-'));
  await cp(contentFrom, path.join(root, 'src', 'content'), { recursive: true });
  const at = (relative: string) => path.join(root, relative);
  return {
    root,
    async write(relative, contents) {
      await mkdir(path.dirname(at(relative)), { recursive: true });
      await writeFile(at(relative), contents);
    },
    read: (relative) => readFile(at(relative), 'utf8'),
    remove: (relative) => rm(at(relative), { force: true }),
    async edit(relative, change) {
      await writeFile(at(relative), change(await readFile(at(relative), 'utf8')));
    },
  };
}

/** Makes a fixture site buildable: the project's code and config around the fixture's content. */
export async function withProjectCode(site: Pick<FixtureSite, 'root'>): Promise<void> {
  for (const entry of ['tsconfig.json', 'package.json', 'public']) {
    await cp(path.join(projectRoot, entry), path.join(site.root, entry), { recursive: true });
  }
  const content = path.join(projectRoot, 'src', 'content') + path.sep;
  await cp(path.join(projectRoot, 'src'), path.join(site.root, 'src'), {
    recursive: true,
    filter: (source) => !`${source}${path.sep}`.startsWith(content),
  });
  await symlink(path.join(projectRoot, 'node_modules'), path.join(site.root, 'node_modules'), 'dir');
  // Astro caches the content store in node_modules/.astro; the fixture must not share the project's.
  await cp(path.join(projectRoot, 'astro.config.mjs'), path.join(site.root, 'astro.project.mjs'));
  await writeFile(
    path.join(site.root, 'astro.config.mjs'),
    "import config from './astro.project.mjs';\nexport default { ...config, cacheDir: './.astro-cache' };\n",
  );
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * What Vitest adds to a test's environment: its `import.meta.env` (`MODE=test`, `DEV=1`, `PROD`,
 * `SSR`, `BASE_URL`), `NODE_ENV=test`, `TEST` and its own `VITEST…`. A command a test runs must not
 * inherit them: Astro inlines every environment variable a module names into the server code, so
 * a site built from a test had `import.meta.env.DEV` = "1" — the dev server's paths in a
 * production build.
 */
const VITEST_ENV = /^(MODE|DEV|PROD|SSR|BASE_URL|TEST|VITEST(_.*)?)$/;

/** The environment of a command a test runs: the shell's, as a person or CI would start it. */
export function commandEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_ENV.test(key)));
  if (env.NODE_ENV === 'test') delete env.NODE_ENV;
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...extra };
}

/** Runs a command with the project's pinned Node, never throwing on a non-zero exit. */
export async function runNode(args: string[], cwd = projectRoot, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, args, {
      cwd,
      maxBuffer: 32 * 1024 * 1024,
      env: commandEnv(env),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** EXIF for a photo taken where a phone records its position (GPS IFD), which the checker refuses. */
export const GPS_EXIF = {
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 40/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '11/1 5/1 0/1' },
};

export const astroBin = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
