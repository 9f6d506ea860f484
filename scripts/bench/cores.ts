/**
 * How much the machine's cores give right now, and each round's ratios, for `npm run bench:build`.
 *
 * The bare skeleton keeps about one core busy; a cold build of the project keeps both busy most
 * of the time (cards, photos and pages at once), so anything that takes a core from the benchmark
 * shows in the cold ratio and hardly in the bare time. {@link coreYield}, run before each round,
 * says how fast one thread is, how many threads' worth all cores did at once (2.00 on two free
 * cores, less when another process or a neighbour on the host takes one) and how fast they copy
 * memory; {@link roundRatios} divides each project build by the bare build of its own round. Side
 * by side they show whether a round's ratio went with the machine. On 2026-12-02, three rounds at
 * 1,000 entries: the cores gave 1.91–2.00 before every round while the cold ratio went from 9.1×
 * to 13.0×; in three more, memory copied at 30.3, 15.1 and 14.7 GB/s and the cold ratio was 9.9×,
 * 11.5× and 8.3×. Neither tied to the spread, which came from within the builds; the probe rules
 * out a machine busy before them.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

/** Bytes one round of the memory loop copies. */
const COPY = 32 * 1024 * 1024;

/**
 * Counts rounds for `ms` milliseconds, in a thread of its own: of a fixed integer loop (`cpu`), or
 * of copying 32 MB from one buffer to another (`memory`: photos and cards are mostly pixels
 * moved through memory, which neighbours on a host share too). Every thread waits for the same
 * start; one that loads after it (on a loaded machine) counts for `ms` from when it could begin,
 * and always at least one round, so it answers with its rate instead of nothing (a thread that
 * came late once gave 0 GB/s).
 */
const LOOP = `
const { parentPort, workerData } = require('node:worker_threads');
const from = workerData.kind === 'memory' ? Buffer.alloc(${COPY}, 1) : undefined;
const to = workerData.kind === 'memory' ? Buffer.alloc(${COPY}) : undefined;
while (Date.now() < workerData.start) {}
const begun = Date.now();
const until = begun + workerData.ms;
let rounds = 0;
let x = 1;
do {
  if (from) from.copy(to);
  else for (let i = 0; i < 100000; i++) x = (x * 1103515245 + 12345) | 0;
  rounds++;
} while (Date.now() < until);
parentPort.postMessage({ rounds, seconds: Math.max(Date.now() - begun, 1) / 1000, x });
`;

/**
 * Rounds a second of a loop that `threads` threads did together for about `ms` each, all started
 * at once: `startIn` milliseconds from now, so that every thread has loaded before the count begins.
 */
export async function work(kind: 'cpu' | 'memory', threads: number, ms: number, startIn = 150): Promise<number> {
  const start = Date.now() + startIn;
  const rates = await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(LOOP, { eval: true, workerData: { kind, start, ms } });
          worker.once('message', (answer: { rounds: number; seconds: number }) =>
            resolve(answer.rounds / answer.seconds),
          );
          worker.once('error', reject);
        }),
    ),
  );
  return rates.reduce((sum, rate) => sum + rate, 0);
}

export interface CoreYield {
  /** The machine's cores, as Node counts them. */
  cores: number;
  /** The work of all cores at once, in cores' worth: `cores` when none is shared, less when they are. */
  yield: number;
  /** One thread's speed: rounds of the loop a second (a slower machine gives fewer). */
  oneRate: number;
  /** GB a second that all cores at once copied from memory to memory. */
  memoryGbps: number;
  /** How long the probe took, in seconds. */
  seconds: number;
}

/**
 * One thread's work in `ms`, then every core's at once: how many cores' worth they gave together;
 * then how fast all cores at once copy memory.
 */
export async function coreYield(ms = 400, cores = availableParallelism()): Promise<CoreYield> {
  const started = performance.now();
  const one = await work('cpu', 1, ms);
  const all = await work('cpu', cores, ms);
  const copies = await work('memory', cores, ms);
  return {
    cores,
    yield: all / one,
    oneRate: one,
    memoryGbps: (copies * COPY) / 1e9,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The middle value of `values` (the mean of the middle two when their number is even). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** What a round needs for its ratios: its number, the kind of build and its wall time. */
export interface RoundRun {
  round: number;
  kind: string;
  seconds: number;
}

/** One kind of build's ratios: each round's, and their median, least and most. */
export interface Ratios {
  /** Round → that round's ratio. */
  byRound: Map<number, number>;
  median: number;
  min: number;
  max: number;
}

/**
 * Each project build as a multiple of the bare build of its own round (built just before it, so
 * under the same load), per kind. A round without a bare build gives no ratio.
 */
export function roundRatios(runs: readonly RoundRun[]): Map<string, Ratios> {
  const bare = new Map(runs.filter((r) => r.kind === 'bare').map((r) => [r.round, r.seconds]));
  const byKind = new Map<string, Map<number, number>>();
  for (const run of runs) {
    const base = bare.get(run.round);
    if (run.kind === 'bare' || base === undefined || base <= 0) continue;
    const rounds = byKind.get(run.kind) ?? new Map<number, number>();
    rounds.set(run.round, run.seconds / base);
    byKind.set(run.kind, rounds);
  }
  const result = new Map<string, Ratios>();
  for (const [kind, byRound] of byKind) {
    const ratios = [...byRound.values()];
    result.set(kind, { byRound, median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) });
  }
  return result;
}
