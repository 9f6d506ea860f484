/**
 * Builds the site once with the sample content before the build and browser tests read
 * `dist/`. Set SKIP_BUILD=1 to reuse an existing `dist/` while working on tests.
 */
import { access, rm } from 'node:fs/promises';
import path from 'node:path';
import { astroBin, projectRoot, runNode } from './helpers.ts';

export default async function setup(): Promise<void> {
  // Fixture sites of the previous run; the last run's stay for inspection until the next.
  await rm(path.join(projectRoot, 'test', '.tmp'), { recursive: true, force: true });
  if (process.env['SKIP_BUILD'] === '1' && (await access(path.join(projectRoot, 'dist', 'index.html')).then(() => true, () => false))) return;
  const result = await runNode([astroBin, 'build'], projectRoot);
  if (result.code !== 0) throw new Error(`astro build failed:\n${result.stdout}\n${result.stderr}`);
}
