/**
 * The gate after every build: every page, feed, calendar, CSV, JSON and SVG file in `dist/`,
 * read with real parsers, and every unsafe thing in them refused — whatever produced it (an
 * editor's Markdown that slipped past the checker, a component, an integration, a dependency).
 * Pure: it judges any folder, so the tests plant unsafe files in small hand-written ones.
 */
import { listDist } from './photos.ts';
import { gateContext, judgeFiles, judgedByName, lookUp, sortProblems, type Verdict } from './judge.ts';
import { THREADED_FROM, judgeInThreads, type ThreadOptions } from './threads.ts';
import type { GateOptions, GateProblem } from './types.ts';
import type { VerdictCache } from './verdicts.ts';

export type { ContentFacts, GateOptions, GateProblem } from './types.ts';
export { readContentFacts } from './content.ts';
export { removeUnpublishedPhotos } from './photos.ts';
export { openVerdictCache, rulesDigest, type VerdictCache } from './verdicts.ts';
export { FILE_RULES, PAGE_RULES, urlPathOf } from './judge.ts';
export type { ThreadOptions } from './threads.ts';

export interface GateReport {
  /** Every problem, by file, then message. */
  problems: GateProblem[];
  /** Files in `distDir`, the trusted ones included. */
  files: number;
  /** Worker threads used; 0 when judged in this thread. */
  threads: number;
  /** The judged files by what became of them (see `Verdict`). */
  counts: Record<Verdict['how'], number>;
}

/**
 * Judges every file in `distDir` (or the `files` listed in it). Files only the name-and-size rule
 * applies to (images, scripts, styles, Pagefind's index) are judged here, without reading them.
 * With `verdicts`, the others are read and hashed here, and those judged clean by an earlier build
 * under the same facts and rules are not judged again (see `verdicts.ts`). The rest are judged
 * in worker threads (`threads.ts`) when `threads` is given and there are enough of them to pay
 * for starting threads, as the build does; else in this thread — the same code (`judge.ts`),
 * the same problems in the same order.
 */
export async function judgePublished(
  distDir: string,
  options: GateOptions,
  {
    verdicts,
    threads,
    files: listed,
  }: { verdicts?: VerdictCache | undefined; threads?: ThreadOptions | undefined; files?: string[] | undefined } = {},
): Promise<GateReport> {
  const all = listed ?? (await listDist(distDir));
  const trusted = new Set(options.trusted ?? []);
  const files = all.filter((f) => !trusted.has(f));
  const context = gateContext(options);
  const byName = await judgeFiles(
    distDir,
    files.filter((f) => judgedByName(f)),
    context,
  );
  const toRead = files.filter((f) => !judgedByName(f));
  // An empty cache (a cold build, new rules or facts) has nothing to look up: no hashing first.
  const { remembered, pending } =
    verdicts && verdicts.remembered.size > 0
      ? lookUp(distDir, toRead, verdicts.remembered)
      : { remembered: [], pending: toRead };
  const keys = verdicts !== undefined;
  const { verdicts: judged, threads: used } =
    threads && pending.length >= THREADED_FROM
      ? await judgeInThreads(distDir, pending, options, keys, threads)
      : { verdicts: await judgeFiles(distDir, pending, context, keys), threads: 0 };
  const counts = { remembered: 0, judged: 0, 'by-name': 0 };
  const every = [...byName, ...remembered, ...judged];
  for (const verdict of every) {
    verdicts?.record(verdict);
    counts[verdict.how]++;
  }
  return { problems: sortProblems(every.flatMap((v) => v.problems)), files: all.length, threads: used, counts };
}

/** Every problem in `distDir`, judged in this thread (see `judgePublished`). */
export async function checkPublished(
  distDir: string,
  options: GateOptions,
  verdicts?: VerdictCache,
): Promise<GateProblem[]> {
  return (await judgePublished(distDir, options, { verdicts })).problems;
}

/** `dist/<file>: <message> (kilde: src/content/…)`, the form the build and the CLI print. */
export function formatGateProblem(problem: GateProblem, distName = 'dist'): string {
  return `${distName}/${problem.file}: ${problem.message}${problem.source ? ` (kilde: ${problem.source})` : ''}`;
}
