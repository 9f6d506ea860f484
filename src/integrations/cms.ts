/**
 * The browser editor (`/admin/`) without bundling it in every build: its bundle is built once per
 * version into Astro's cache folder (`src/lib/cms/bundle.ts`, under a key of everything that
 * changes it) and only copied into `dist/_astro/cms/<key>/` by a build that finds it there. A
 * build that does not starts bundling it in a child process from the start, beside Astro's own
 * work. The dev server serves the same bundle from the cache, building it on the first request.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  BUNDLE_FILE,
  copyEditorBundle,
  editorBundleKey,
  ensureEditorBundle,
  ENTRY,
  type BundlePaths,
  type EditorBundle,
} from '../lib/cms/bundle.ts';
import { setEditorScript } from '../lib/cms/script-url.ts';

/** Content types of the files the bundle holds, for the dev server. */
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export default function cms(): AstroIntegration {
  let paths: BundlePaths;
  let cacheDir = '';
  let key = '';
  /** `_astro/cms/<key>/`: where the bundle is served from, under the site's base. */
  let folder = '';
  let bundle: Promise<EditorBundle> | undefined;
  const ensure = () => (bundle ??= ensureEditorBundle(paths, cacheDir, key));

  return {
    name: 'cms',
    hooks: {
      'astro:config:setup': async ({ config, command }) => {
        if (command === 'preview') return;
        paths = { root: fileURLToPath(config.root), srcDir: fileURLToPath(config.srcDir) };
        cacheDir = fileURLToPath(config.cacheDir);
        key = await editorBundleKey(paths);
        folder = `${config.build.assets}/cms/${key}/`;
        setEditorScript(`${config.base.replace(/\/?$/, '/')}${folder}${ENTRY}`);
        if (command !== 'build') return;
        // Started now, awaited when the pages are written: a cold build bundles the editor beside
        // Astro's own work. A failure is reported there, not as an unhandled rejection here.
        ensure().catch(() => undefined);
      },
      'astro:server:setup': ({ server, logger }) => {
        const prefix = `/${folder}`;
        server.middlewares.use((request, response: ServerResponse, next) => {
          const url = new URL(request.url ?? '/', 'http://localhost').pathname;
          if (!url.startsWith(prefix)) return next();
          const file = decodeURIComponent(url.slice(prefix.length));
          if (!bundle) logger.info('Redigeringsværktøjet bygges (første gang for denne version) …');
          ensure()
            .then(async ({ dir, files }) => {
              if (!files.includes(file) || file === BUNDLE_FILE) return next();
              response.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
              response.end(await readFile(path.join(dir, file)));
            })
            .catch(next);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const ready = await ensure();
        await copyEditorBundle(ready, path.join(fileURLToPath(dir), folder));
        const how = ready.built ? `bygget på ${ready.seconds.toFixed(1)} s` : 'hentet fra cachen';
        logger.info(`Redigeringsværktøj: ${how}; ${ready.files.length} filer kopieret til ${folder}`);
      },
    },
  };
}
