/**
 * `node scripts/site-size.ts [dist] [--limit-mb N]`: how much the built site weighs, and whether a
 * static host takes it. GitHub Pages publishes at most 1 GB (its documented usage limits), so the
 * deploy workflow runs this between the build and the upload: over the limit it ends with a Danish
 * line (an annotation on GitHub) and exit 1, where the upload would warn in English and the
 * deployment fail. A 1,000-entry site is ~200 MB; a 10,000-entry one ~1.9 GB (README, "What a
 * deploy costs").
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { listDist } from '../src/lib/published/photos.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'limit-mb': { type: 'string', default: '1024' } },
});
const dist = path.resolve(positionals[0] ?? 'dist');
const limitMb = Number(values['limit-mb']);
if (!(limitMb > 0)) {
  console.error(`--limit-mb skal være et tal over 0, ikke ${values['limit-mb']}`);
  process.exit(2);
}

// The gate's own listing of dist/ (every file, relative).
const files = await listDist(dist).catch(() => undefined);
if (!files) {
  console.error(`${dist} findes ikke: byg webstedet først (npm run build).`);
  process.exit(2);
}
let bytes = 0;
// In batches: a 10,000-entry site has ~40,000 files.
for (let i = 0; i < files.length; i += 256)
  for (const { size } of await Promise.all(files.slice(i, i + 256).map((file) => stat(path.join(dist, file)))))
    bytes += size;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const count = `${files.length} ${files.length === 1 ? 'fil' : 'filer'}`;
const shown = path.relative(process.cwd(), dist) || '.';
if (bytes <= limitMb * 1024 * 1024) {
  console.log(`Webstedet fylder ${mb(bytes)} i ${count} (${shown}/); grænsen er ${limitMb} MB.`);
} else {
  const message =
    `${shown}/ fylder ${mb(bytes)} i ${count}, mere end grænsen på ${limitMb} MB (GitHub Pages udgiver højst 1024 MB). ` +
    'Udgiv på en anden statisk vært, eller gør webstedet mindre (pressefotos i fuld størrelse og delekort fylder mest; README: "What a deploy costs").';
  console.log(process.env.GITHUB_ACTIONS === 'true' ? `::error title=Webstedet er for stort::${message}` : message);
  process.exitCode = 1;
}
