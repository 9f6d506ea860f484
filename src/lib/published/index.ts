/**
 * The gate after every build: every page, feed, calendar, CSV, JSON and SVG file in `dist/`,
 * read with real parsers, and every unsafe thing in them refused — whatever produced it (an
 * editor's Markdown that slipped past the checker, a component, an integration, a dependency).
 * Pure: it judges any folder, so the tests plant unsafe files in small hand-written ones.
 */
import { listDist } from './photos.ts';
import { gateContext, judgeFiles, sortProblems, type Verdict } from './judge.ts';
import { judgeInThreads, type ThreadOptions } from './threads.ts';
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
 * Judges every file in `distDir`. With `verdicts`, a file judged clean in an earlier build under
 * the same facts and rules is not judged again (see `verdicts.ts`). With `threads`, the files are
 * judged in worker threads (`threads.ts`), as the build does; without, in this thread — the same
 * code (`judge.ts`), the same problems in the same order.
 */
export async function judgePublished(
  distDir: string,
  options: GateOptions,
  { verdicts, threads }: { verdicts?: VerdictCache | undefined; threads?: ThreadOptions | undefined } = {},
): Promise<GateReport> {
  const all = await listDist(distDir);
  const trusted = new Set(options.trusted ?? []);
  const files = all.filter((f) => !trusted.has(f));
  const remembered = verdicts?.remembered;
  const { verdicts: judged, threads: used } = threads
    ? await judgeInThreads(distDir, files, options, remembered, threads)
    : { verdicts: await judgeFiles(distDir, files, gateContext(options), remembered), threads: 0 };
  const counts = { remembered: 0, judged: 0, 'by-name': 0 };
  for (const verdict of judged) {
    verdicts?.record(verdict);
    counts[verdict.how]++;
  }
  return { problems: sortProblems(judged.flatMap((v) => v.problems)), files: all.length, threads: used, counts };
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
