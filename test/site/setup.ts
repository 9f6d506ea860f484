/**
 * The `site` project: builds the real site (`src/content`) once, before any of its tests read
 * `dist/`. Set SKIP_BUILD=1 to reuse an existing `dist/` while working on tests.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { astroBin, projectRoot, runNode } from '../helpers.ts';

export default async function setup(): Promise<void> {
  const built = await access(path.join(projectRoot, 'dist', 'index.html')).then(
    () => true,
    () => false,
  );
  if (process.env['SKIP_BUILD'] === '1' && built) return;
  const result = await runNode([astroBin, 'build'], projectRoot);
  if (result.code !== 0) throw new Error(`astro build fejlede:\n${result.stdout}\n${result.stderr}`);
}
