/**
 * The gate on every core: worker threads (`worker.ts`) each load the rules and judge batches of
 * files, reading and hashing them too; the main thread only hands out batches and puts the
 * verdicts back in file order. Batches are handed out as threads finish the last one, so a thread
 * that drew the heavy pages (or shares its core with another process) does not hold up the rest.
 *
 * Built on `node:worker_threads` directly rather than a pool library (piscina, tinypool): the gate
 * starts its threads once per build, for one job, and what it needs beyond `new Worker` is a queue
 * of batches and the rule that any failure ends the whole job — a few lines here.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Verdict } from './judge.ts';
import type { GateOptions } from './types.ts';

/** What each thread gets when it starts (structured clone: the facts' Maps and Sets survive it). */
export interface WorkerInput {
  distDir: string;
  options: GateOptions;
  /** Give each file its verdict-cache key (the build keeps a cache). */
  keys: boolean;
}
export interface Batch {
  index: number;
  files: string[];
}
export type BatchResult = { batch: number; verdicts: Verdict[] } | { batch: number; error: string };

export interface ThreadOptions {
  /** The project's root: the worker is `src/lib/published/worker.ts` below it (plain Node loads it, not Vite). */
  root: string;
  /** How many threads at most; `os.availableParallelism()` when not given. */
  threads?: number | undefined;
}

/** Files per batch: enough that a batch outweighs its messages, few enough to share the work evenly. */
const BATCH = 40;
/** More threads than this do not pay for their start (each loads parse5, saxes and the rules). */
const MAX_THREADS = 8;
/**
 * Fewer files to judge than this are judged sooner in the main thread than threads start: a
 * thread costs ~0.3 s of CPU to load the rules, about what 50 pages take to judge.
 */
export const THREADED_FROM = 100;

/** The worker module below a project root. */
export const workerFile = (root: string): string => path.join(root, 'src', 'lib', 'published', 'worker.ts');

/** How many threads for `files` files: one per core, at most `MAX_THREADS`, none without a batch. */
export function threadCount(files: number, wanted = availableParallelism()): number {
  return Math.max(1, Math.min(wanted, MAX_THREADS, Math.ceil(files / BATCH)));
}

/** Judges `files` in worker threads; the verdicts in the order of `files`. */
export async function judgeInThreads(
  distDir: string,
  files: readonly string[],
  options: GateOptions,
  keys: boolean,
  { root, threads }: ThreadOptions,
): Promise<{ verdicts: Verdict[]; threads: number }> {
  const file = workerFile(root);
  if (!existsSync(file))
    throw new Error(`Udgivelsestjekket kan ikke starte: ${file} findes ikke (projektets rod er ${root}).`);
  const batches: Batch[] = [];
  for (let i = 0; i < files.length; i += BATCH)
    batches.push({ index: batches.length, files: files.slice(i, i + BATCH) });
  const count = threadCount(files.length, threads);
  const results: Verdict[][] = new Array<Verdict[]>(batches.length);
  const input: WorkerInput = { distDir, options, keys };
  const workers: Worker[] = [];

  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      const fail = (what: string) =>
        reject(new Error(`${what}. Webstedet er ikke godkendt til udgivelse; ret fejlen, og byg igen.`));
      if (batches.length === 0) return resolve();
      for (let n = 0; n < count; n++) {
        const worker = new Worker(file, { workerData: input });
        workers.push(worker);
        // The batch this thread is judging; a thread that ends while it has one has failed.
        let current: number | undefined;
        const give = () => {
          current = next < batches.length ? next++ : undefined;
          worker.postMessage(current === undefined ? null : batches[current]);
        };
        worker.on('message', (result: BatchResult) => {
          if ('error' in result) return fail(`${result.error} (i en arbejdstråd)`);
          current = undefined;
          results[result.batch] = result.verdicts;
          if (++done === batches.length) resolve();
          else give();
        });
        worker.on('error', (error) => fail(`Udgivelsestjekkets arbejdstråd fejlede: ${error.message}`));
        worker.on('messageerror', (error) =>
          fail(`Udgivelsestjekkets arbejdstråd sendte et svar, der ikke kunne læses: ${error.message}`),
        );
        worker.on('exit', (code) => {
          if (current !== undefined)
            fail(`Udgivelsestjekkets arbejdstråd stoppede uventet (kode ${code}) midt i et parti filer`);
        });
        give();
      }
    });
  } finally {
    // After a failure the others may still be judging: stop them, so the build ends now.
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { verdicts: results.flat(), threads: count };
}
