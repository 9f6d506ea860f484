/**
 * `npm run preview:changes -- <base-ref> [--dist DIR] [--out DIR] [--no-screenshots] [--json]
 *  [--check-output FILE]`: what a pull request changes on the site.
 *
 * Lists the content files changed between <base-ref> and HEAD (`git diff --name-status -M
 * <base>...HEAD -- src/content`), works out the pages they produce and the lists they appear in
 * (src/lib/preview/changed-pages.ts), keeps those the built site in --dist has, screenshots each
 * at 390 and 1280 px (full page, Chromium) into <out>/screenshots/, and writes a Danish summary
 * with what the content checker said to <out>/summary.md (default out: `preview/`), and prints
 * it. Run `npm run build` first; without a built site it lists the pages and takes no pictures.
 * `--check-output FILE` uses a saved `npm run check` output instead of running the checker.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import {
  keepBuilt,
  parseNameStatus,
  planPages,
  readSnapshot,
  screenshotName,
  type ContentSnapshot,
} from '../src/lib/preview/changed-pages.ts';
import { renderSummary, type CheckReport } from '../src/lib/preview/summary.ts';
import { CONTENT_DIR } from '../src/schemas/index.ts';
import { checkContent } from '../src/lib/validation/check.ts';
import { formatProblem } from '../src/lib/validation/problem.ts';

export const WIDTHS = [390, 1280] as const;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'preview' },
    'no-screenshots': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'check-output': { type: 'string' },
  },
});
const base = positionals[0];
if (!base) {
  console.error(
    'Brug: npm run preview:changes -- <base-ref> [--dist dist] [--out preview] [--no-screenshots] [--json] [--check-output fil]\nFx: npm run preview:changes -- origin/main',
  );
  process.exit(2);
}
const root = process.cwd();
const dist = path.resolve(root, values.dist);
const out = path.resolve(root, values.out);

const git = async (...args: string[]): Promise<string> =>
  (await promisify(execFile)('git', args, { cwd: root, maxBuffer: 64 * 1024 * 1024 })).stdout;

/** The text of every Markdown and YAML file under src/content at a commit, in one `git cat-file --batch`. */
async function snapshotAt(rev: string): Promise<ContentSnapshot> {
  const paths = (await git('ls-tree', '-r', '--name-only', rev, '--', CONTENT_DIR))
    .split('\n')
    .filter((p) => /\.(md|mdx|ya?ml)$/.test(p));
  if (paths.length === 0) return { entries: [] };
  const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git cat-file endte med ${code}`)))),
  );
  child.stdin.end(paths.map((p) => `${rev}:${p}\n`).join(''));
  await done;
  const all = Buffer.concat(chunks);
  const files: { path: string; text: string }[] = [];
  let at = 0;
  for (const p of paths) {
    const headerEnd = all.indexOf(0x0a, at);
    const header = all.subarray(at, headerEnd).toString();
    const size = Number(header.split(' ')[2]);
    if (header.endsWith(' missing') || Number.isNaN(size)) {
      at = headerEnd + 1;
      continue;
    }
    files.push({ path: p, text: all.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8') });
    at = headerEnd + 1 + size + 1;
  }
  return readSnapshot(files);
}

/** What the checker says, from a saved output or by running it. */
async function runCheck(): Promise<CheckReport> {
  const saved = values['check-output'];
  if (saved) {
    const lines = (await readFile(saved, 'utf8')).split('\n').filter((l) => l.trim() !== '' && !l.startsWith('>'));
    return { ok: lines.length > 0 && lines.every((l) => !/^src\/content\/[^:]+: /.test(l)), lines };
  }
  const { problems, entries, files } = await checkContent(root);
  if (problems.length === 0) {
    const count = [...entries.values()].reduce((n, list) => n + list.length, 0);
    return { ok: true, lines: [`Indholdet er i orden: ${count} poster i ${files} filer tjekket.`] };
  }
  return {
    ok: false,
    lines: [...problems.map(formatProblem), '', `${problems.length} fejl i indholdet (${files} filer tjekket).`],
  };
}

const mergeBase = (await git('merge-base', base, 'HEAD')).trim();
const [diff, before, after, check] = await Promise.all([
  git('diff', '--name-status', '-M', `${base}...HEAD`, '--', CONTENT_DIR),
  snapshotAt(mergeBase),
  snapshotAt('HEAD'),
  runCheck(),
]);
const built = existsSync(path.join(dist, 'index.html'));
const planned = planPages(parseNameStatus(diff), before, after);
const plan = built
  ? keepBuilt(planned, (url) => existsSync(path.join(dist, url, 'index.html')))
  : keepBuilt(planned, () => true);

const screenshots = new Map<string, Map<number, string>>();
if (built && !values['no-screenshots'] && plan.pages.length > 0) {
  // The browser and server helpers the tests use; loaded only when pictures are taken.
  const { launch } = await import('../test/browser.ts');
  const { serve } = await import('../test/serve.ts');
  const folder = path.join(out, 'screenshots');
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const server = await serve(dist);
  const browser = await launch();
  try {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      for (const { url } of plan.pages) {
        await page.goto(`${server.origin}${url}`, { waitUntil: 'load' });
        // Lazy images below the fold would be blank in a full-page picture.
        await page.evaluate(async () => {
          const images = [...document.images];
          for (const image of images) image.loading = 'eager';
          const loaded = (image: HTMLImageElement) =>
            new Promise<void>((resolve) => {
              if (image.complete) return resolve();
              image.addEventListener('load', () => resolve(), { once: true });
              image.addEventListener('error', () => resolve(), { once: true });
            });
          await Promise.race([Promise.all(images.map(loaded)), new Promise((resolve) => setTimeout(resolve, 5000))]);
          await document.fonts.ready;
        });
        const name = screenshotName(url, width);
        await page.screenshot({ path: path.join(folder, name), fullPage: true });
        const files = screenshots.get(url) ?? new Map<number, string>();
        files.set(width, `screenshots/${name}`);
        screenshots.set(url, files);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

const summary = renderSummary({ base, plan, check, built, screenshots, widths: WIDTHS });
await mkdir(out, { recursive: true });
await writeFile(path.join(out, 'summary.md'), summary);
if (values.json) {
  console.log(
    JSON.stringify(
      {
        base,
        built,
        check,
        ...plan,
        screenshots: Object.fromEntries([...screenshots].map(([url, files]) => [url, Object.fromEntries(files)])),
      },
      null,
      2,
    ),
  );
} else {
  console.log(summary);
}
