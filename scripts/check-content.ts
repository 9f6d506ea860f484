/**
 * `npm run check`: the editors' checker. Validates every file in src/content against the
 * content model and prints every problem, one line each (`path: field: message`).
 * Exit 1 on any problem; a one-line summary and exit 0 when all is well.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkContent } from '../src/lib/validation/check.ts';
import { formatProblem } from '../src/lib/validation/problem.ts';

const root = process.argv[2] ?? process.cwd();
const started = performance.now();
// Astro's default cacheDir, where the build keeps the checker's memo too (astro.config.mjs sets
// none); a site without node_modules is checked from scratch.
const cacheDir = path.join(root, 'node_modules', '.astro');
const { problems, entries, files } = await checkContent(
  root,
  existsSync(path.join(root, 'node_modules')) ? { cacheDir } : {},
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const count = [...entries.values()].reduce((n, list) => n + list.length, 0);

if (problems.length > 0) {
  for (const problem of problems) console.log(formatProblem(problem));
  console.log(
    `\n${problems.length} ${problems.length === 1 ? 'fejl' : 'fejl'} i indholdet (${files} filer tjekket på ${seconds} s). Ret dem, og kør \`npm run check\` igen.`,
  );
  process.exitCode = 1;
} else {
  console.log(`Indholdet er i orden: ${count} poster i ${files} filer tjekket på ${seconds} s.`);
}
