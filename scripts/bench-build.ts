/**
 * `npm run bench:build -- --entries N [--rounds R] [--keep]`: what a build costs, against a bare
 * Astro site of the same size. Prints figures, never passes or fails.
 *
 * It generates N entries in the project's format (scripts/bench/generate.ts) on top of a copy of
 * `src/content`, and a bare skeleton (`test/fixtures/bare`: one Markdown collection, a page per
 * file, a list, Pagefind) with one Markdown file of the same size per generated entry. Then, in
 * each round, interleaved so that the machine's load falls on all of them alike:
 *   bare      the skeleton, cold (no dist, no cache)
 *   cold      the project, no dist and no cache: a fresh clone on a new CI runner
 *   warm      the project, no dist, caches kept: a deploy with the workflow's cache restored
 *   edited    as warm, after one story's title and text were edited
 * Wall time and peak memory (GNU time's maximum resident set) per build, and each project build
 * as a multiple of the bare one. On a shared 2-core machine the ratios are the figures.
 * Last, what the generated site publishes: files, Pagefind's files, the largest pages, and the
 * bytes of a first search.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';
import { astroBin, projectRoot, withProjectCode } from '../test/helpers.ts';
import { generateEntries } from './bench/generate.ts';
import { folderSize, kb, searchFigures } from './bench/search.ts';

const { values: args } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '1' },
    /** Keep the generated sites (test/.tmp/bench-N) for a look afterwards. */
    keep: { type: 'boolean', default: false },
  },
});
const entries = Number(args.entries);
const rounds = Number(args.rounds);
if (!Number.isInteger(entries) || entries < 10) throw new Error('--entries skal være et helt tal, mindst 10');
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds skal være et helt tal, mindst 1');

const work = path.join(projectRoot, 'test', '.tmp', `bench-${entries}`);
const project = path.join(work, 'project');
const bare = path.join(work, 'bare');
const gnuTime = '/usr/bin/time';

interface Run {
  kind: 'bare' | 'cold' | 'warm' | 'edited';
  seconds: number;
  /** Peak resident memory in MB, or undefined without GNU time. */
  peakMb: number | undefined;
  /** Astro's own phase timings from the build log. */
  phases: string[];
}

/** One `astro build`, timed; throws with the log when it fails. */
function build(kind: Run['kind'], cwd: string): Promise<Run> {
  const command = [process.execPath, astroBin, 'build'];
  const withTime = existsSync(gnuTime);
  const child = spawn(withTime ? gnuTime : command[0]!, withTime ? ['-v', ...command] : command.slice(1), {
    cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`${kind}: astro build fejlede (${code})\n${log.slice(-4000)}`));
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(log)?.[1];
      resolve({ kind, seconds, peakMb: rss ? Number(rss) / 1024 : undefined, phases: phasesOf(log) });
    });
  });
}

/** "Completed in …" after each of Astro's build steps, named by the step before it. */
function phasesOf(log: string): string[] {
  const phases: string[] = [];
  let step = '';
  for (const line of log.split('\n')) {
    const named =
      /(generating static routes|generating optimized images|Building static entrypoints|Collecting build info|Copying static files|Syncing content|Indlæser|Søgeindeks.*|Delekort.*|\d+ page\(s\) built in [\d.]+\w+)/.exec(
        line,
      );
    if (named?.[1]?.includes('page(s) built')) phases.push(named[1]);
    else if (named?.[1]) step = named[1];
    const done = /Completed in ([\d.]+m?s)/.exec(line);
    if (done && step) phases.push(`${step}: ${done[1]}`);
  }
  return phases;
}

async function setUp(): Promise<{ story: string }> {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  console.log(`Genererer ${entries} poster i ${path.relative(projectRoot, work)} …`);
  await cp(path.join(projectRoot, 'src', 'content'), path.join(project, 'src', 'content'), { recursive: true });
  const categories = (
    yaml.load(await readFile(path.join(projectRoot, 'src', 'content', 'categories.yaml'), 'utf8')) as { id: string }[]
  ).map((c) => c.id);
  const generated = await generateEntries(path.join(project, 'src', 'content'), entries, categories);
  await withProjectCode({ root: project });

  await cp(path.join(projectRoot, 'test', 'fixtures', 'bare'), bare, { recursive: true });
  await symlink(path.join(projectRoot, 'node_modules'), path.join(bare, 'node_modules'), 'dir');
  await mkdir(path.join(bare, 'src', 'content', 'entries'), { recursive: true });
  // The same text as each generated entry (so the same Markdown to render and index), under a
  // frontmatter of only a title.
  await Promise.all(
    generated.files.map(({ title, text }, i) =>
      writeFile(
        path.join(bare, 'src', 'content', 'entries', `post-${i}.md`),
        `---\ntitle: ${JSON.stringify(title)}\n---\n${text.replace(/^---\n[\s\S]*?\n---\n/, '')}`,
      ),
    ),
  );
  return { story: generated.stories[0]! };
}

const clean = (root: string, what: ('dist' | 'cache')[]) =>
  Promise.all(
    what.flatMap((w) =>
      (w === 'dist' ? ['dist'] : ['.astro-cache', '.astro']).map((d) =>
        rm(path.join(root, d), { recursive: true, force: true }),
      ),
    ),
  );

async function editStory(id: string, round: number): Promise<void> {
  const file = path.join(project, 'src', 'content', 'stories', `${id}.md`);
  const text = await readFile(file, 'utf8');
  await writeFile(
    file,
    text
      .replace(
        /^title: "(.*?)"/m,
        (_, title: string) => `title: "${title.replace(/ – rettet \d+$/, '')} – rettet ${round}"`,
      )
      .replace(/\n$/, `\n\nRettet i runde ${round}.\n`),
  );
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function largestPages(dist: string, count: number): Promise<{ route: string; bytes: number }[]> {
  const pages: { route: string; bytes: number }[] = [];
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    pages.push({ route: `/${path.relative(dist, file).replace(/index\.html$/, '')}`, bytes: (await stat(file)).size });
  }
  return pages.sort((a, b) => b.bytes - a.bytes).slice(0, count);
}

const { story } = await setUp();
const runs: Run[] = [];
const show = (run: Run) =>
  console.log(
    `  ${run.kind.padEnd(7)} ${run.seconds.toFixed(1).padStart(7)} s  ${run.peakMb ? `${run.peakMb.toFixed(0).padStart(5)} MB` : '    – MB'}  ${run.phases.join(' · ')}`,
  );
for (let round = 1; round <= rounds; round++) {
  console.log(`\nRunde ${round} af ${rounds}:`);
  await clean(bare, ['dist', 'cache']);
  show(runs[runs.push(await build('bare', bare)) - 1]!);
  await clean(project, ['dist', 'cache']);
  show(runs[runs.push(await build('cold', project)) - 1]!);
  await clean(project, ['dist']);
  show(runs[runs.push(await build('warm', project)) - 1]!);
  await editStory(story, round);
  await clean(project, ['dist']);
  show(runs[runs.push(await build('edited', project)) - 1]!);
}

const bareSeconds = median(runs.filter((r) => r.kind === 'bare').map((r) => r.seconds));
console.log(`\n${entries} genererede poster, ${rounds} runde(r); median pr. byg, og gange den nøgne Astro + Pagefind:`);
console.log('  byg       væg-tid   top-hukommelse   forhold');
for (const kind of ['bare', 'cold', 'warm', 'edited'] as const) {
  const mine = runs.filter((r) => r.kind === kind);
  const seconds = median(mine.map((r) => r.seconds));
  const peak = mine.every((r) => r.peakMb) ? `${median(mine.map((r) => r.peakMb!)).toFixed(0)} MB` : '–';
  console.log(
    `  ${kind.padEnd(8)} ${`${seconds.toFixed(1)} s`.padStart(9)}   ${peak.padStart(14)}   ${(seconds / bareSeconds).toFixed(2)}×`,
  );
}
if (!existsSync(gnuTime)) console.log('  (top-hukommelse kræver GNU time: apt-get install time)');

const dist = path.join(project, 'dist');
const all = await folderSize(dist);
const index = await folderSize(path.join(dist, 'pagefind'));
console.log(`\nUdgivet: ${all.files} filer, ${kb(all.bytes)}; heraf Pagefind ${index.files} filer, ${kb(index.bytes)}`);
console.log('Største HTML-sider:');
for (const page of await largestPages(dist, 5)) console.log(`  ${kb(page.bytes).padStart(9)}  ${page.route}`);
await searchFigures('Søgning på det genererede site', dist, ['frokost', 'genbrug møbler', 'fleksjob']);
if (!args.keep) await rm(work, { recursive: true, force: true });
