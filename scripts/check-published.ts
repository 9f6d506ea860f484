/**
 * `npm run check:published [-- dist]`: the gate after every build (`src/lib/published/`) on an
 * existing build, without building: every problem in `dist/` one line each
 * (`dist/<file>: <message> (kilde: src/content/…)`), exit 1 on any.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { siteGateOptions } from '../src/integrations/published-gate.ts';
import { checkPublished, formatGateProblem, readContentFacts } from '../src/lib/published/index.ts';
import { listDist } from '../src/lib/published/photos.ts';

const distDir = path.resolve(process.argv[2] ?? 'dist');
const root = path.resolve(process.argv[3] ?? process.cwd());
const started = performance.now();
const content = await readContentFacts(root, siteGateOptions.redirects);
const { site: url, trusted } = siteGateOptions;
const problems = await checkPublished(distDir, { site: url, trusted, content });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const shown = path.relative(process.cwd(), distDir) || '.';
const files = (await listDist(distDir)).length;

for (const problem of problems) console.log(formatGateProblem(problem, shown));
if (problems.length > 0) {
  console.log(`\n${problems.length} fejl i ${shown}/ (${files} filer tjekket på ${seconds} s).`);
  process.exitCode = 1;
} else {
  console.log(`Udgivelsestjek: ${files} filer i ${shown}/ tjekket på ${seconds} s, ingen fejl.`);
}
